import { AgeBand } from '@ruta/shared';

/** What follows from the victim's dates. Never accepted from input: the service computes it on every write. */
export interface AgeFacts {
  ageAtIdentification: number | null;
  ageBand: AgeBand | null;
  minorAtIdentification: boolean | null;
  minorAtExploitation: boolean | null;
  /** A minor's case flags the child-welfare institution (ICBF). */
  childWelfareFlag: boolean;
}

export interface AgeInputs {
  birthDate?: string | null;
  /** Estimated age at identification, when the birth date is unknown. */
  estimatedAge?: number | null;
  identifiedOn: string;
  /** Start of the exploitation (or, failing that, of the earliest trafficking event). */
  exploitationStartedOn?: string | null;
}

const BANDS: [number, AgeBand][] = [
  [8, '0-8'],
  [17, '9-17'],
  [20, '18-20'],
  [23, '21-23'],
  [26, '24-26'],
  [29, '27-29'],
  [38, '30-38'],
  [47, '39-47'],
];

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** CTDC age band of an age in years. */
export function ageBandOf(age: number): AgeBand {
  return BANDS.find(([max]) => age <= max)?.[1] ?? '48+';
}

/** A birth date consistent with an estimated age on a day: the same day, that many years earlier. */
export function approximateBirthDate(estimatedAge: number, on: string): string {
  const [y, m, d] = parts(on);
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - estimatedAge).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function deriveAgeFacts(input: AgeInputs): AgeFacts {
  const birth = input.birthDate ?? (input.estimatedAge != null ? approximateBirthDate(input.estimatedAge, input.identifiedOn) : null);
  if (!birth) return { ageAtIdentification: null, ageBand: null, minorAtIdentification: null, minorAtExploitation: null, childWelfareFlag: false };
  const ageAtIdentification = ageOn(birth, input.identifiedOn);
  const minorAtIdentification = ageAtIdentification < 18;
  let minorAtExploitation: boolean | null = null;
  if (input.exploitationStartedOn) minorAtExploitation = ageOn(birth, input.exploitationStartedOn) < 18;
  else if (minorAtIdentification) minorAtExploitation = true; // exploitation precedes identification
  return {
    ageAtIdentification,
    ageBand: ageBandOf(Math.max(0, ageAtIdentification)),
    minorAtIdentification,
    minorAtExploitation,
    childWelfareFlag: minorAtIdentification || minorAtExploitation === true,
  };
}

/** The earliest start of exploitation, else of any trafficking event. */
export function exploitationStart(events: { kind: string; startedOn?: string | null }[]): string | null {
  const earliest = (list: (string | null | undefined)[]) => list.filter((d): d is string => !!d).sort()[0] ?? null;
  return earliest(events.filter((e) => e.kind === 'exploitation').map((e) => e.startedOn)) ?? earliest(events.map((e) => e.startedOn));
}
