import { Injectable } from '@nestjs/common';
import { AccessChangeDecision, CreateRoleRequest, CreateUserRequest, TemporaryPasswordResponse, UpdateRoleRequest, UpdateUserRequest } from '@ruta/shared';
import { Actor, AuditService, can, ForbiddenError, StaleVersionError } from '@ruta/platform';
import { RolesService } from '../roles/roles.service';
import { UsersService } from '../users/users.service';
import { AccessChangeRequestEntity } from './access-change-request.entity';
import { AccessRequestsService, FiledChange, isAboutThemselves, permissionToDecide, SelfAssignmentError } from './access-requests.service';

/**
 * The deciding side of four eyes: a second administrator approves (the change is re-checked and applied in the same
 * transaction) or refuses with a reason. Nobody decides their own request, nor one that gives them access.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly requests: AccessRequestsService,
    private readonly roles: RolesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async approve(actor: Actor, id: string, version: number): Promise<AccessChangeDecision> {
    const request = await this.decidable(actor, id, version);
    const { target, credentials } = await this.apply(request);
    await this.requests.decide(request, version, { status: 'approved', decidedById: actor.userId, ...target });
    await this.audit.record({
      action: 'change_approved',
      entityType: 'access_change_request',
      entityId: id,
      details: { kind: request.kind, requestedBy: request.requestedById, roleId: target.roleId ?? request.roleId, userId: target.userId ?? request.userId },
    });
    return { request: await this.requests.get(actor, id), ...(credentials ? { credentials } : {}) };
  }

  async refuse(actor: Actor, id: string, version: number, reason: string): Promise<AccessChangeDecision> {
    const request = await this.decidable(actor, id, version);
    await this.requests.decide(request, version, { status: 'refused', decidedById: actor.userId, reason: reason.trim() });
    // The reason is free text: it stays on the request, not in the audit trail.
    await this.audit.record({ action: 'change_refused', entityType: 'access_change_request', entityId: id, details: { kind: request.kind, requestedBy: request.requestedById } });
    return { request: await this.requests.get(actor, id) };
  }

  /** A pending request at the version the actor saw, that the actor may decide. */
  private async decidable(actor: Actor, id: string, version: number): Promise<AccessChangeRequestEntity> {
    const request = await this.requests.pending(id, version);
    if (request.requestedById === actor.userId) throw new ForbiddenError('own_request', 'A request is decided by another administrator than the one who filed it');
    if (!can(actor, permissionToDecide(request.kind))) throw new ForbiddenError();
    if (isAboutThemselves(actor, request)) throw new SelfAssignmentError();
    // A role change reaches whoever holds the role now: neither the requester nor the approver may be among them.
    if (request.kind === 'role_update' && (await this.users.anyHolds(request.roleId!, [request.requestedById, actor.userId]))) throw new SelfAssignmentError();
    return request;
  }

  /** Applies the change as filed; a role that changed since the request makes it stale (409). */
  private async apply(request: AccessChangeRequestEntity): Promise<{ target: { roleId?: string; userId?: string }; credentials?: TemporaryPasswordResponse }> {
    const payload = request.payload as FiledChange['payload'];
    const approval = { requestId: request.id };
    if (payload.roleVersion !== undefined) {
      const role = await this.roles.findById(request.roleId!);
      if (!role || role.version !== payload.roleVersion) throw new StaleVersionError(role?.version, ['role']);
    }
    switch (request.kind) {
      case 'role_create': {
        const role = await this.roles.applyCreate(payload.request as CreateRoleRequest, approval);
        return { target: { roleId: role.id } };
      }
      case 'role_update':
        await this.roles.applyUpdate(request.roleId!, payload.request as UpdateRoleRequest, approval);
        return { target: {} };
      case 'user_create': {
        const credentials = await this.users.applyCreate(payload.request as CreateUserRequest, approval);
        return { target: { userId: credentials.user.id }, credentials };
      }
      case 'user_update':
        await this.users.applyUpdate(request.userId!, payload.request as UpdateUserRequest, approval);
        return { target: {} };
      case 'password_reset':
        return { target: {}, credentials: await this.users.applyPasswordReset(request.userId!, approval) };
    }
  }
}
