import { Inject, Injectable } from '@nestjs/common';
import { CASE_DRAFT_MAX_BYTES, CASE_DRAFT_TTL_DAYS, CaseDraftSavedView, CaseDraftView } from '@ruta/shared';
import { Actor, AuditService, SECRET_BOX, SecretBox, TransactionRunner, DomainError, NotFoundError } from '@ruta/platform';
import { CaseDraftsRepository } from './case-drafts.repository';
import { SaveCaseDraftDto } from './dto/save-case-draft.dto';

const ENTITY_TYPE = 'case_draft';
const DAY_MS = 24 * 60 * 60 * 1000;

export class DraftTooLargeError extends DomainError {
  constructor() {
    super('payload_too_large', 413, `The draft is larger than ${CASE_DRAFT_MAX_BYTES / 1024} kB`);
  }
}

/**
 * The current user's unfinished intake, sealed at rest with the secret box. Audit events name the draft's owner and
 * the step, never its content. A draft not saved for `CASE_DRAFT_TTL_DAYS` (7) days is deleted when its owner next
 * reads it (the read then answers 404 as if there were none).
 */
@Injectable()
export class CaseDraftsService {
  constructor(
    private readonly drafts: CaseDraftsRepository,
    private readonly audit: AuditService,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly transactions: TransactionRunner,
  ) {}

  async read(actor: Actor): Promise<CaseDraftView> {
    const draft = await this.drafts.find(actor.userId);
    if (!draft) throw new NotFoundError('case draft');
    if (draft.updatedAt.getTime() < Date.now() - CASE_DRAFT_TTL_DAYS * DAY_MS) return this.discardAndFail(actor, 'expired');
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(this.box.open(draft.payload)) as Record<string, unknown>;
    } catch {
      // Sealed with another key (rotated) or altered: unusable, so it goes.
      return this.discardAndFail(actor, 'unreadable');
    }
    await this.audit.record({ action: 'read', entityType: ENTITY_TYPE, entityId: actor.userId, details: { step: draft.step } });
    return { step: draft.step, value, updatedAt: draft.updatedAt.toISOString() };
  }

  async save(actor: Actor, dto: SaveCaseDraftDto): Promise<CaseDraftSavedView> {
    const json = JSON.stringify(dto.value);
    if (Buffer.byteLength(json, 'utf8') > CASE_DRAFT_MAX_BYTES) throw new DraftTooLargeError();
    const saved = await this.drafts.upsert(actor.userId, this.box.seal(json), dto.step);
    await this.audit.record({ action: saved.created ? 'create' : 'update', entityType: ENTITY_TYPE, entityId: actor.userId, details: { step: dto.step } });
    return { step: dto.step, updatedAt: new Date(saved.updatedAt).toISOString() };
  }

  /** Idempotent: deleting no draft is not an error (the client discards whether or not a save reached the server). */
  async remove(actor: Actor): Promise<void> {
    if (await this.drafts.delete(actor.userId)) await this.recordDelete(actor, 'discarded');
  }

  /**
   * Deletes an expired or unreadable draft and answers 404. The 404 rolls back the request's transaction, so the
   * deletion (and its audit event) runs in a transaction of its own, as the same user, and commits before.
   */
  private async discardAndFail(actor: Actor, reason: 'expired' | 'unreadable'): Promise<never> {
    await this.transactions.runSeparately(async () => {
      const deleted = reason === 'expired' ? await this.drafts.deleteIfOlderThan(actor.userId, CASE_DRAFT_TTL_DAYS) : await this.drafts.delete(actor.userId);
      if (deleted) await this.recordDelete(actor, reason);
    });
    throw new NotFoundError('case draft');
  }

  private recordDelete(actor: Actor, reason: 'expired' | 'unreadable' | 'discarded'): Promise<void> {
    return this.audit.record({ action: 'delete', entityType: ENTITY_TYPE, entityId: actor.userId, details: { reason } });
  }
}
