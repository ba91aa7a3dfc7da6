/**
 * Formula injection (CSV injection): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula,
 * and a leading tab or carriage return can smuggle one past a naive check. Every text cell of an export goes through
 * this: such a cell gets a leading apostrophe, which spreadsheets show as text and never evaluate.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Any cell value of an export: text neutralised, numbers and empty cells as they are. */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value : neutraliseCell(value);
}
