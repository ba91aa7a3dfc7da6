import { DepartmentView, MunicipalityView } from './places';

/**
 * The names people say for places whose DIVIPOLA name is longer: "Cali" is Santiago de Cali, "Cúcuta" San José de
 * Cúcuta. Typed in the place search, they find the official place first.
 */
export const PLACE_COMMON_NAMES: Readonly<Record<string, readonly string[]>> = {
  '11001': ['Bogotá'],
  '13001': ['Cartagena'],
  '54001': ['Cúcuta'],
  '76001': ['Cali'],
  '88001': ['San Andrés Isla'],
};

/** One choice of the place search: a municipality (with its department) or a whole department. */
export interface PlaceOption {
  kind: 'municipality' | 'department';
  /** The municipality's 5-digit or the department's 2-digit DIVIPOLA code. */
  code: string;
  departmentCode: string;
  name: string;
  departmentName: string;
}

/** Accents and case folded, punctuation as spaces: "Bogotá, D.C." → "bogota d c". */
export function foldPlace(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every municipality with its department, then every department as a choice of its own. */
export function placeOptions(departments: DepartmentView[], municipalities: MunicipalityView[]): PlaceOption[] {
  const names = new Map(departments.map((d) => [d.code, d.name]));
  return [
    ...municipalities.map((m) => ({ kind: 'municipality' as const, code: m.code, departmentCode: m.departmentCode, name: m.name, departmentName: names.get(m.departmentCode) ?? '' })),
    ...departments.map((d) => ({ kind: 'department' as const, code: d.code, departmentCode: d.code, name: d.name, departmentName: d.name })),
  ];
}

/**
 * How well a place answers what was typed, lower is better, or null for no match. Each typed word must start a word
 * of the place's name, its common name or its department ("cali valle" finds Santiago de Cali, Valle del Cauca). The
 * whole name or a common name typed in full ranks first, then a name where a typed word is a whole word ("cali" is a
 * word of "Santiago de Cali", only the start of "Calima"), then a name that starts with it; municipalities before the
 * department of the same name.
 */
export function placeRank(option: PlaceOption, query: string): number | null {
  const typed = foldPlace(query);
  if (!typed) return null;
  const words = typed.split(' ');
  const names = [option.name, ...(option.kind === 'municipality' ? (PLACE_COMMON_NAMES[option.code] ?? []) : [])].map(foldPlace);
  const department = foldPlace(option.departmentName);
  const searchable = [...names, department].join(' ').split(' ');
  if (!words.every((w) => searchable.some((s) => s.startsWith(w)))) return null;
  const kind = option.kind === 'department' ? 1 : 0;
  if (names.includes(typed)) return 0 + kind;
  const nameWords = names.join(' ').split(' ');
  if (nameWords.includes(words[0])) return 2 + kind;
  if (names.some((n) => n.startsWith(typed))) return 4 + kind;
  if (nameWords.some((n) => n.startsWith(words[0]))) return 6 + kind;
  return 8 + kind;
}

/** The best `limit` places for what was typed, best first (ties by name). */
export function searchPlaces(options: PlaceOption[], query: string, limit = 20): PlaceOption[] {
  const ranked: { option: PlaceOption; rank: number }[] = [];
  for (const option of options) {
    const rank = placeRank(option, query);
    if (rank !== null) ranked.push({ option, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.option.name.localeCompare(b.option.name, 'es') || a.option.departmentName.localeCompare(b.option.departmentName, 'es'));
  return ranked.slice(0, limit).map((r) => r.option);
}
