/** Upper case, letters and digits only: "1.023.456-7" and "10234567" are the same cédula. */
export function normalizeDocumentNumber(value: string | null | undefined): string | null {
  const normalized = (value ?? '').normalize('NFKD').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return normalized || null;
}

/**
 * The name typed in a search box, trimmed and with runs of spaces collapsed. Accents and case are removed by
 * PostgreSQL (`ruta_normalize_name`, with unaccent) on both sides, the stored names and the query.
 */
export function cleanNameQuery(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return cleaned.length >= 3 ? cleaned : null;
}

/** Accent-free lower case, as `ruta_normalize_name()` does in SQL; used where no database is at hand (seed, tests). */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
