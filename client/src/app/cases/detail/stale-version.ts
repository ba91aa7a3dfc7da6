import { problemCode, toProblem } from '../../core/http/problem';

/** What a 409 `stale_version` tells: the case's current version and the fields others changed since the edited one. */
export interface StaleConflict {
  currentVersion: number | null;
  editedVersion: number | null;
  fields: string[];
}

/**
 * The conflict in a failed save, or null when the failure is something else. Read from the RFC 9457 extension
 * members `currentVersion`, `editedVersion` and `changedFields` of the problem.
 */
export function staleConflictOf(error: unknown): StaleConflict | null {
  if (problemCode(error) !== 'stale_version') return null;
  const problem = toProblem(error);
  const version = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  const fields = Array.isArray(problem?.['changedFields']) ? (problem['changedFields'] as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  return { currentVersion: version(problem?.['currentVersion']), editedVersion: version(problem?.['editedVersion']), fields };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `after` that differ from `before`, as the PATCH body `R` of the API (whose optional fields say
 * `| null`: null clears them). A field emptied by the user is sent as `null`; unchanged fields are left out so they
 * cannot overwrite someone else's edit. `after` holds what the edit form produces for R's fields: codes picked from
 * the same closed lists the server validates.
 */
export function changedFields<R extends object>(before: object, after: { [K in keyof R]?: unknown }): Partial<R> {
  const previous = before as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (!same(previous[key], value)) patch[key] = isEmpty(value) && !Array.isArray(value) ? null : value;
  }
  return patch as Partial<R>;
}
