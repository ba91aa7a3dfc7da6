import { problemCode, toProblem } from '../../core/http/problem';

/** What a 409 `stale_version` tells: the case's current version and the fields others changed since the edited one. */
export interface StaleConflict {
  currentVersion: number | null;
  editedVersion: number | null;
  fields: string[];
}

/** The conflict in a failed save, or null when the failure is something else. */
export function staleConflictOf(error: unknown): StaleConflict | null {
  if (problemCode(error) !== 'stale_version') return null;
  const errors = toProblem(error)?.errors ?? [];
  const version = errors.find((e) => e.field === 'version' && e.code === 'stale_version');
  const numbers = version?.message.match(/version (\d+)\D+version (\d+)/);
  return {
    currentVersion: numbers ? Number(numbers[1]) : null,
    editedVersion: numbers ? Number(numbers[2]) : null,
    fields: errors.filter((e) => e.code === 'changed').map((e) => e.field),
  };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `after` that differ from `before`: the body of a PATCH. A field emptied by the user is sent as
 * `null` (the API clears it); unchanged fields are left out so they cannot overwrite someone else's edit.
 */
export function changedFields<T extends object>(before: Partial<Record<keyof T, unknown>>, after: T): Partial<T> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (!same(before[key as keyof T], value)) patch[key] = isEmpty(value) && !Array.isArray(value) ? null : value;
  }
  return patch as Partial<T>;
}
