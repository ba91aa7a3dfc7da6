import { Injectable } from '@nestjs/common';
import { CaseAssignmentView, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, ValidationFailedError } from '@ruta/platform';
import { CaseAccessService } from './case-access.service';
import { toAssignmentView } from './case-views';
import { CasesRepository } from './cases.repository';

/** Who works a case: active users of the institution that owns it. Each assignment keeps its history. */
@Injectable()
export class CaseAssignmentsService {
  constructor(
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  async assign(actor: Actor, code: string, userId: string): Promise<CaseAssignmentView[]> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.casesAssign);
    const user = await this.cases.findUser(userId);
    if (!user?.active || user.institutionId !== found.ownerInstitutionId) {
      throw new ValidationFailedError([{ field: 'userId', code: 'invalid_assignee', message: 'userId must be an active user of the institution that owns the case' }]);
    }
    const current = await this.cases.activeAssignments(found.id);
    if (current.some((a) => a.userId === userId)) throw new ConflictError('already_assigned', 'This user is already assigned to the case');
    await this.cases.insertAssignment({ caseId: found.id, userId, assignedById: actor.userId });
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['assignments'], assigned: userId } });
    return (await this.cases.activeAssignments(found.id)).map(toAssignmentView);
  }

  async unassign(actor: Actor, code: string, userId: string): Promise<CaseAssignmentView[]> {
    const found = await this.access.requireCase(actor, code, PERMISSIONS.casesAssign);
    if (!(await this.cases.endAssignment(found.id, userId, actor.userId))) throw new NotFoundError('assignment');
    await this.audit.record({ action: 'update', entityType: 'case', entityId: found.id, details: { fields: ['assignments'], unassigned: userId } });
    return (await this.cases.activeAssignments(found.id)).map(toAssignmentView);
  }
}
