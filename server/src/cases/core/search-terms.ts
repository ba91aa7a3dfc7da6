import { normalizeDocument } from '@ruta/platform';

/** Upper case, letters and digits only: "1.023.456-7" and "10234567" are the same cédula (the blind index's input). */
export function normalizeDocumentNumber(value: string | null | undefined): string | null {
  return normalizeDocument(value);
}

/**
 * The name typed in a search box, trimmed and with runs of spaces collapsed. Accents, case and particles are removed
 * when it is turned into blind-index tokens (`nameQueryParameters`), as they were from the stored names.
 */
export function cleanNameQuery(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return cleaned.length >= 3 ? cleaned : null;
}

/** Accent-free lower case (as `ruta_normalize_name()` does in SQL); used where no database is at hand (seed, tests). */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
