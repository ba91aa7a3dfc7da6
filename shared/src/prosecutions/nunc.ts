/**
 * The noticia criminal number (NUNC / SPOA): 21 digits — DIVIPOLA municipality (5), entity (2), receiving unit (5),
 * year (4), consecutive (5). E.g. 110016000050201812345: Bogotá (11001), entity 60, unit 00050, 2018, 12345.
 */
export interface NuncParts {
  municipalityCode: string;
  entity: string;
  unit: string;
  year: number;
  consecutive: string;
}

export type NuncCheck =
  | { ok: true; parts: NuncParts }
  | { ok: false; code: 'nunc_format'; message: string }
  | { ok: false; code: 'nunc_year'; message: string; params: { year: number; currentYear: number } };

/** The format and the year (1991, the Fiscalía's creation, up to `currentYear`); the municipality is checked against DIVIPOLA by the server. */
export function parseNunc(value: string, currentYear: number): NuncCheck {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{21}$/.test(digits)) return { ok: false, code: 'nunc_format', message: 'The noticia criminal number has 21 digits: municipality (5), entity (2), unit (5), year (4), consecutive (5)' };
  const year = Number(digits.slice(12, 16));
  if (year < 1991 || year > currentYear) return { ok: false, code: 'nunc_year', message: `Digits 13 to 16 of the noticia criminal number are its year: ${year} is not between 1991 and ${currentYear}`, params: { year, currentYear } };
  return { ok: true, parts: { municipalityCode: digits.slice(0, 5), entity: digits.slice(5, 7), unit: digits.slice(7, 12), year, consecutive: digits.slice(16) } };
}
