import { Injectable } from '@nestjs/common';
import { FieldError } from '@ruta/shared';
import { ConflictError } from '@ruta/platform';
import { AgeFacts, deriveAgeFacts, exploitationStart } from './case-derivations';
import { CaseRecordsRepository } from './case-records.repository';
import { CasesRepository } from './cases.repository';
import { VictimEntity } from './victim.entity';

/** Case fields whose values are codes from closed lists, safe to copy into the audit trail as before/after. */
const AUDITABLE_VALUES = new Set([
  'source',
  'scope',
  'direction',
  'traffickingStatus',
  'purposes',
  'labourSector',
  'sexualExploitationType',
  'meansOfControl',
  'recruiterRelation',
  'recruitmentMethod',
  'status',
]);

/** Before/after of the changed fields that are safe to audit; any other field is named only (masked). */
export function auditableChanges(before: object, after: Record<string, unknown>): { fields: string[]; changes: Record<string, { from: unknown; to: unknown }> } {
  const previous = before as Record<string, unknown>;
  const fields = Object.keys(after).filter((k) => JSON.stringify(previous[k] ?? null) !== JSON.stringify(after[k] ?? null));
  const changes = Object.fromEntries(fields.filter((f) => AUDITABLE_VALUES.has(f)).map((f) => [f, { from: previous[f] ?? null, to: after[f] ?? null }]));
  return { fields, changes };
}

/** What every versioned write of a case needs: the 409 that explains a conflict, and the derived age facts. */
@Injectable()
export class CaseWriteSupport {
  constructor(
    private readonly cases: CasesRepository,
    private readonly records: CaseRecordsRepository,
  ) {}

  /**
   * 409 stale_version. The RFC 9457 extension members `currentVersion`, `editedVersion` and `changedFields` (names
   * only, never values) tell the client what changed; `errors[]` repeats them per field for generic problem readers.
   */
  async staleVersion(caseId: string, editedVersion: number): Promise<ConflictError> {
    const currentVersion = await this.cases.currentVersion(caseId);
    const changedFields = await this.cases.fieldsChangedSince(caseId, editedVersion);
    const errors: FieldError[] = [
      { field: 'version', code: 'stale_version', message: `The case is now at version ${currentVersion}; you edited version ${editedVersion}` },
      ...changedFields.map((field) => ({ field, code: 'changed', message: `${field} was changed by someone else` })),
    ];
    return new ConflictError('stale_version', 'The case was changed by someone else since you opened it; reload to see what changed', errors, {
      currentVersion,
      editedVersion,
      changedFields,
    });
  }

  /** Age band, minor flags and the child-welfare flag, from the victim's dates and the case's events. */
  async ageFacts(caseId: string, identifiedOn: string, victim: Pick<VictimEntity, 'birthDate' | 'estimatedAge'>, events?: { kind: string; startedOn?: string | null }[]): Promise<AgeFacts> {
    const list = events ?? (await this.records.events(caseId));
    return deriveAgeFacts({ birthDate: victim.birthDate, estimatedAge: victim.estimatedAge, identifiedOn, exploitationStartedOn: exploitationStart(list) });
  }
}

/** The stored subset of AgeFacts. */
export function ageColumns(facts: AgeFacts) {
  return {
    ageBand: facts.ageBand,
    minorAtIdentification: facts.minorAtIdentification,
    minorAtExploitation: facts.minorAtExploitation,
    childWelfareFlag: facts.childWelfareFlag,
  };
}

/** The keys a request actually sent: DTO class fields that were not sent are present but undefined. */
export function sentFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}
