import { Injectable } from '@nestjs/common';
import { DuplicateCheckRequest, DuplicateHint, FieldError } from '@ruta/shared';
import { AuditService, ValidationFailedError } from '@ruta/platform';
import { normalizeDocumentNumber } from '../core';
import { DuplicateRow, DuplicatesRepository } from './duplicates.repository';

/**
 * Duplicate detection at intake and on demand: the same document number, or a similar name with the same birth date
 * (and sex when given), in any institution. Outside the actor's scope the answer is only "a possible duplicate
 * exists at institution X": one hint per institution, no case code, no identity, not even how many cases.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly duplicates: DuplicatesRepository,
    private readonly audit: AuditService,
  ) {}

  async check(input: DuplicateCheckRequest): Promise<DuplicateHint[]> {
    const name = [input.givenNames, input.familyNames].filter(Boolean).join(' ').trim();
    const errors: FieldError[] = [];
    if (!input.documentNumber && !(name && input.birthDate)) {
      errors.push({ field: 'documentNumber', code: 'criteria_required', message: 'give a document number, or names with a birth date' });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    const hints = await this.find(input);
    await this.audit.record({ action: 'search', entityType: 'case', details: { kind: 'duplicates', by: input.documentNumber ? ['document', ...(name ? ['name_birth_date'] : [])] : ['name_birth_date'], hints: hints.length } });
    return hints;
  }

  /** The hints, without auditing (intake audits its own creation). */
  async find(input: DuplicateCheckRequest, excludeCaseId?: string): Promise<DuplicateHint[]> {
    const name = [input.givenNames, input.familyNames].filter(Boolean).join(' ').trim();
    const rows = await this.duplicates.find({
      documentNumber: normalizeDocumentNumber(input.documentNumber),
      name: name && input.birthDate ? name : null,
      birthDate: input.birthDate ?? null,
      sex: input.sex && input.sex !== 'unknown' ? input.sex : null,
      excludeCaseId: excludeCaseId ?? null,
    });
    return toDuplicateHints(rows);
  }
}

/** One hint per institution, match and visible code: outside the scope not even how many cases. */
export function toDuplicateHints(rows: DuplicateRow[]): DuplicateHint[] {
  const hints = new Map<string, DuplicateHint>();
  for (const row of rows) {
    const key = `${row.institutionId}|${row.matchedOn}|${row.code ?? ''}`;
    if (!hints.has(key)) hints.set(key, { institution: { id: row.institutionId, code: row.institutionCode, name: row.institutionName }, matchedOn: row.matchedOn, code: row.code });
  }
  return [...hints.values()];
}
