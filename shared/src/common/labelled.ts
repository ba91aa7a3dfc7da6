/** A label in both UI languages: Spanish first (Colombian users), English second. */
export interface OptionLabel {
  es: string;
  en: string;
}

/** A closed list of codes with their labels, usable by class-validator (`values`) and the client (`labels`). */
export interface Labelled<K extends string> {
  readonly values: readonly K[];
  readonly labels: Readonly<Record<K, OptionLabel>>;
}

export type OptionOf<L> = L extends Labelled<infer K> ? K : never;

export function labelled<K extends string>(definitions: Record<K, readonly [es: string, en: string]>): Labelled<K> {
  const values = Object.keys(definitions) as K[];
  const labels = Object.fromEntries(values.map((k) => [k, { es: definitions[k][0], en: definitions[k][1] }])) as Record<K, OptionLabel>;
  return { values, labels };
}
