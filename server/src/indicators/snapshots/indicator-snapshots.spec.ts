import { Permission, RecordScope } from '@ruta/shared';
import { wholeYearOf } from '../indicators.service';
import { readsWholeCentre, SNAPSHOT_READER_PERMISSIONS } from './indicator-snapshots';

const reader = (scope: RecordScope, permissions: readonly Permission[] = SNAPSHOT_READER_PERMISSIONS) => ({ scope, permissions: new Set(permissions) });

describe('who is served the whole centre’s snapshot', () => {
  it('is a reader of every case (pseudonymised or not) with every area’s read permission', () => {
    expect(readsWholeCentre(reader('all_pseudonymised'))).toBe(true);
    expect(readsWholeCentre(reader('all'))).toBe(true);
  });

  it('is never a narrower scope, whatever its permissions', () => {
    for (const scope of ['institution', 'assigned', 'referred', 'none'] as RecordScope[]) expect(readsWholeCentre(reader(scope))).toBe(false);
  });

  it('is never a reader missing one area (its live figures would not count that area)', () => {
    for (const missing of SNAPSHOT_READER_PERMISSIONS) {
      expect(readsWholeCentre(reader('all', SNAPSHOT_READER_PERMISSIONS.filter((p) => p !== missing)))).toBe(false);
    }
  });
});

describe('the periods a snapshot answers', () => {
  it('is a whole calendar year without filters', () => {
    expect(wholeYearOf({ from: '2026-01-01', to: '2026-12-31' })).toBe(2026);
    expect(wholeYearOf({ from: '2026-01-01', to: '2026-12-30' })).toBeNull();
    expect(wholeYearOf({ from: '2025-01-01', to: '2026-12-31' })).toBeNull();
    expect(wholeYearOf({ from: '2026-01-01', to: '2026-12-31', institutionId: 'x' })).toBeNull();
    expect(wholeYearOf({ from: '2026-01-01', to: '2026-12-31', departmentCode: '11' })).toBeNull();
  });
});
