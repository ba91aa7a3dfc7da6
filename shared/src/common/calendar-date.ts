/** Dates without time are `YYYY-MM-DD`; instants are ISO 8601 strings. */
export type CalendarDate = string;
