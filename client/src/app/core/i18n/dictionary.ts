/**
 * The English (or any other) texts of an area, shaped after its Spanish dictionary: the same keys, every leaf a
 * string. Declaring `const fooEn: Dictionary<typeof fooEs> = { ... }` makes a missing key and an extra key
 * (the object literal's excess-property check) compile errors.
 */
export type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };
