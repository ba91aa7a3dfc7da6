/**
 * Which case records a role reaches (Primero's "record scope").
 * - `all`: every case, identity included (reserved; no seeded role has it);
 * - `all_pseudonymised`: every case, victim identity replaced by the pseudonymous code and age band;
 * - `institution`: cases owned by the user's institution;
 * - `assigned`: cases the user created or is assigned to;
 * - `referred`: cases referred to the user's institution;
 * - `none`: no case at all (administrators, auditors).
 */
export const RECORD_SCOPES = ['all', 'all_pseudonymised', 'institution', 'assigned', 'referred', 'none'] as const;
export type RecordScope = (typeof RECORD_SCOPES)[number];

/** Whether a scope reaches every case of every institution (`all`, `all_pseudonymised`): the coordinators' view. */
export function seesEveryCase(scope: RecordScope): boolean {
  return scope === 'all' || scope === 'all_pseudonymised';
}
