import { Inject, Injectable } from '@nestjs/common';
import { DuplicateCheckRequest, DuplicateHint, FieldError } from '@ruta/shared';
import { Actor, AuditService, RUTA_CONFIG, RutaConfig, ValidationFailedError } from '@ruta/platform';
import { normalizeDocumentNumber } from '../core';
import { UserQuotasService } from '../quotas';
import { DuplicateRow, DuplicatesRepository } from './duplicates.repository';

const HOUR_MS = 60 * 60 * 1000;
/** More checks than this by one user within BURST_WINDOW_MS raise an alert for the auditor. */
export const DUPLICATE_CHECK_BURST = 10;
const BURST_WINDOW_MS = 5 * 60 * 1000;

const criteria = (field: keyof DuplicateCheckRequest): FieldError => ({
  field,
  code: 'criteria_required',
  message: 'give the given names, the family names, and a document number or a birth date',
});

/**
 * Duplicate detection at intake and on demand: the same document number, or a similar name with the same birth date
 * (and sex when given), in any institution. Outside the actor's scope the answer is only "a possible duplicate
 * exists at institution X": one hint per institution, no case code, no identity, not even how many cases.
 *
 * The on-demand check is built not to be an oracle about cases the actor cannot see: it needs as much identity as a
 * real intake (given and family names, plus a document number or a birth date), every match needs a similar name, a
 * birth date matches by year ± 1 (the answer is the same for every day of the year given), each user has an hourly
 * quota, every check is audited (the fields used and the count, never the values) and a burst alerts the auditor.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly duplicates: DuplicatesRepository,
    private readonly quotas: UserQuotasService,
    private readonly audit: AuditService,
    @Inject(RUTA_CONFIG) private readonly config: RutaConfig,
  ) {}

  async check(actor: Actor, input: DuplicateCheckRequest): Promise<DuplicateHint[]> {
    const givenNames = input.givenNames?.trim() ?? '';
    const familyNames = input.familyNames?.trim() ?? '';
    const documentNumber = normalizeDocumentNumber(input.documentNumber);
    const errors: FieldError[] = [];
    if (!givenNames) errors.push(criteria('givenNames'));
    if (!familyNames) errors.push(criteria('familyNames'));
    if (!documentNumber && !input.birthDate) errors.push(criteria('documentNumber'), criteria('birthDate'));
    if (errors.length) throw new ValidationFailedError(errors, 'A duplicate check needs the names and a document number or a birth date');

    const sex = input.sex && input.sex !== 'unknown' ? input.sex : null;
    const fields = [
      'givenNames',
      'familyNames',
      ...(documentNumber ? ['documentNumber'] : []),
      ...(input.birthDate ? ['birthDate'] : []),
      ...(sex ? ['sex'] : []),
    ];
    const use = await this.quotas.consume(actor.userId, 'duplicate_check', { limit: this.config.DUPLICATE_CHECKS_PER_HOUR, windowMs: HOUR_MS }, {
      code: 'duplicate_check_quota',
      message: `At most ${this.config.DUPLICATE_CHECKS_PER_HOUR} duplicate checks an hour; the intake itself still shows possible duplicates`,
      audit: { action: 'search', entityType: 'case', details: { kind: 'duplicates', fields, quota: 'exceeded' } },
    });
    const rows = await this.duplicates.check({
      documentNumber,
      name: `${givenNames} ${familyNames}`,
      birthYear: input.birthDate ? Number(input.birthDate.slice(0, 4)) : null,
      sex,
    });
    const hints = toDuplicateHints(rows);
    await this.audit.record({ action: 'search', entityType: 'case', details: { kind: 'duplicates', fields, hints: hints.length } });
    const recent = use.usesWithin(BURST_WINDOW_MS);
    if (recent === DUPLICATE_CHECK_BURST + 1) {
      await this.audit.record({ action: 'duplicate_check_burst', outcome: 'failure', entityType: 'user', entityId: actor.userId, details: { checks: recent, minutes: BURST_WINDOW_MS / 60_000 } });
    }
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
