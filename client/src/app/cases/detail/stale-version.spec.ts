import { HttpErrorResponse } from '@angular/common/http';
import { Problem } from '@ruta/shared';
import { changedFields, staleConflictOf } from './stale-version';

function conflict(problem: Partial<Problem>): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 409,
    error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'stale_version', requestId: 'r-1', ...problem },
  });
}

describe('stale version handling', () => {
  it('reads the current version and the fields changed by someone else from the problem extensions', () => {
    const error = conflict({ currentVersion: 5, editedVersion: 3, changedFields: ['labourSector', 'victim.phone'] });
    expect(staleConflictOf(error)).toEqual({ currentVersion: 5, editedVersion: 3, fields: ['labourSector', 'victim.phone'] });
  });

  it('ignores extension members of the wrong type', () => {
    expect(staleConflictOf(conflict({ currentVersion: '5', changedFields: ['source', 7] }))).toEqual({ currentVersion: null, editedVersion: null, fields: ['source'] });
  });

  it('copes with a conflict that lists nothing', () => {
    expect(staleConflictOf(conflict({}))).toEqual({ currentVersion: null, editedVersion: null, fields: [] });
  });

  it('is not a conflict for other errors', () => {
    expect(staleConflictOf(conflict({ code: 'transition_not_allowed' }))).toBeNull();
    expect(staleConflictOf(new HttpErrorResponse({ status: 0 }))).toBeNull();
  });

  it('patches only what the user changed, clearing emptied fields with null', () => {
    const before = { labourSector: 'agriculture', recruiterRelation: 'friend', purposes: ['forced_labour'], meansOfControl: [], phone: null };
    const after = { labourSector: 'mining_or_drilling', recruiterRelation: '', purposes: ['forced_labour'], meansOfControl: [] as string[], phone: '' };
    expect(changedFields(before, after)).toEqual({ labourSector: 'mining_or_drilling', recruiterRelation: null });
  });

  it('sends a list the user emptied as an empty list', () => {
    expect(changedFields({ meansOfControl: ['threats'] }, { meansOfControl: [] as string[] })).toEqual({ meansOfControl: [] });
  });
});
