/** Text folded for matching what a person types: accents removed, lower case, trimmed ("Bogotá " → "bogota"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
