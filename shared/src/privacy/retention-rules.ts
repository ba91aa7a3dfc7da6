import { DEFENDANT_STAGE, DEFENDANT_TRANSITIONS, DefendantStage } from '../prosecutions/defendant-stage';
import { RetentionRecordType } from './privacy-options';

/** The default retention periods, in years after the record's end (closure, ruling-out, the call). */
export const DEFAULT_RETENTION_YEARS: Readonly<Record<RetentionRecordType, number>> = {
  closed_case: 10,
  ruled_out_case: 5,
  hotline_contact: 2,
};

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 50;

/**
 * The day a record's retention ends: `years` whole years after the day it ended (a calendar date, `YYYY-MM-DD`).
 * A record that ended on 29 February falls due on 28 February of a common year.
 */
export function retentionDueOn(endedOn: string, years: number): string {
  const [y, m, d] = endedOn.split('-').map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function isRetentionDue(endedOn: string, years: number, today: string): boolean {
  return retentionDueOn(endedOn, years) <= today;
}

/** The pseudonym that replaces a victim's name: "Persona retirada 007" (the number is per database, never the case's). */
export function victimPseudonym(serial: number): string {
  return `Persona retirada ${String(serial).padStart(3, '0')}`;
}

/** The pseudonym of a relative: "Familiar retirado 2" (its order among the case's relatives). */
export const RELATIVE_PSEUDONYM = 'Familiar retirado';

export function relativePseudonym(ordinal: number): string {
  return `${RELATIVE_PSEUDONYM} ${ordinal}`;
}

/** A postponement: a reason of at least 10 characters and a new review date after today, at most 10 years ahead. */
export function postponementErrors(input: { reason?: string | null; until?: string | null }, today: string): { field: string; code: string }[] {
  const errors: { field: string; code: string }[] = [];
  if (!input.reason || input.reason.trim().length < 10) errors.push({ field: 'reason', code: 'reasonRequired' });
  if (!input.until || !/^\d{4}-\d{2}-\d{2}$/.test(input.until)) errors.push({ field: 'until', code: 'dateRequired' });
  else if (input.until <= today) errors.push({ field: 'until', code: 'notAfterToday' });
  else if (input.until > retentionDueOn(today, 10)) errors.push({ field: 'until', code: 'tooFar' });
  return errors;
}

/**
 * Law 906 stages after which a defendant's matter is over (no move leads out of them): a proceeding whose every
 * defendant stands in one of these is closed; any other (or one without defendants yet) is still open.
 */
export const PROCEEDING_CLOSED_STAGES: readonly DefendantStage[] = DEFENDANT_STAGE.values.filter((stage) => DEFENDANT_TRANSITIONS[stage].length === 0);
