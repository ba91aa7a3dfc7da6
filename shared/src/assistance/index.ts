// The assistance area's shared types, options and state machines.
export {};
