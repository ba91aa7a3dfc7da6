import { Injectable } from '@nestjs/common';
import { CaseDetailView, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, ConflictError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from './case-access.service';
import { CaseDetailsService } from './case-details.service';
import { CaseTransitionHooks } from './case-transition-hooks';
import { allowedTransitions, planTransition } from './case-state-machine';
import { CaseWriteSupport } from './case-write-support.service';
import { CaseEntity } from './case.entity';
import { CasesRepository } from './cases.repository';
import { CaseTransitionDto } from './dto/case-requests.dto';

/** Moves a case through its status machine; every move is kept with who and when. */
@Injectable()
export class CaseStatusService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly support: CaseWriteSupport,
    private readonly details: CaseDetailsService,
    private readonly audit: AuditService,
    private readonly hooks: CaseTransitionHooks,
  ) {}

  async transition(actor: Actor, code: string, dto: CaseTransitionDto): Promise<CaseDetailView> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.casesTransition);
    if (dto.version !== found.version) throw await this.support.staleVersion(found.id, dto.version);
    const plan = planTransition(found, dto);
    if ('error' in plan) {
      if (plan.error === 'not_allowed') {
        throw new ConflictError('transition_not_allowed', `A ${found.status} case cannot move to ${dto.to}`, [
          { field: 'to', code: 'transition_not_allowed', message: `allowed: ${allowedTransitions(found).join(', ') || 'none'}` },
        ]);
      }
      const field = plan.error === 'close_reason_required' ? 'closeReason' : plan.error === 'suspension_reason_required' ? 'suspensionReason' : 'to';
      throw new ValidationFailedError([{ field, code: plan.error, message: `${field}: ${plan.error.replace(/_/g, ' ')}` }]);
    }
    await this.hooks.before(actor, found, plan);
    const now = new Date();
    const changes: Partial<CaseEntity> = { status: plan.status, statusBeforeSuspension: plan.statusBeforeSuspension, closeReason: plan.closeReason, statusChangedAt: now };
    if (plan.status === 'ruled_out') Object.assign(changes, { traffickingStatus: 'ruled_out', traffickingStatusInstitutionId: actor.institutionId, traffickingStatusDecidedAt: now });
    if (!(await this.cases.updateVersioned(found.id, dto.version, changes))) throw await this.support.staleVersion(found.id, dto.version);
    await this.cases.insertTransition({ caseId: found.id, fromStatus: plan.from, toStatus: plan.status, reason: plan.reason, byUserId: actor.userId, byInstitutionId: actor.institutionId });
    await this.audit.record({
      action: 'transition',
      entityType: 'case',
      entityId: found.id,
      details: { fromVersion: dto.version, toVersion: dto.version + 1, fields: ['status'], from: plan.from, to: plan.status, reason: plan.reason },
    });
    await this.hooks.after(actor, found, plan, now);
    return this.details.build(actor, (await this.access.requireCase(actor, found.code))!);
  }
}
