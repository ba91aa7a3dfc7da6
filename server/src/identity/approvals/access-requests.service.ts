import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccessChangeKind, AccessChangeListQuery, AccessChangeRequestView, AccessChangeSummary, Permission, PERMISSIONS } from '@ruta/shared';
import { Actor, AuditService, can, ConflictError, ForbiddenError, NotFoundError, StaleVersionError } from '@ruta/platform';
import { userRef } from '../refs';
import { AccessChangeRequestEntity } from './access-change-request.entity';
import { AccessRequestsRepository } from './access-requests.repository';

const LIST_LIMIT = 100;

/** A change to file for a second administrator. `payload.request` is the validated body the change will apply. */
export interface FiledChange {
  kind: AccessChangeKind;
  roleId?: string | null;
  userId?: string | null;
  payload: { request: object; roleVersion?: number };
  summary: AccessChangeSummary;
}

/** The permission that deciding a request of this kind needs, besides the route's users:manage. */
export function permissionToDecide(kind: AccessChangeKind): Permission {
  return kind === 'role_create' || kind === 'role_update' ? PERMISSIONS.rolesManage : PERMISSIONS.usersManage;
}

/** The change would give the actor protected access: it is about their own account, or about the role they hold. */
export function isAboutThemselves(actor: Pick<Actor, 'userId' | 'roleId'>, change: { kind: AccessChangeKind; roleId?: string | null; userId?: string | null }): boolean {
  return change.userId === actor.userId || (change.kind === 'role_update' && change.roleId === actor.roleId);
}

export class SelfAssignmentError extends ForbiddenError {
  constructor() {
    super('self_assignment', 'Nobody gives protected access to themselves: another administrator must request it and a third approve it');
  }
}

/**
 * The requests side of four eyes: files a protected change instead of applying it, lists requests, lets the requester
 * withdraw one. Deciding is ApprovalsService's.
 */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly requests: AccessRequestsRepository,
    private readonly audit: AuditService,
  ) {}

  async file(actor: Actor, change: FiledChange): Promise<AccessChangeRequestView> {
    if (isAboutThemselves(actor, change)) throw new SelfAssignmentError();
    const id = await this.requests.insert({ ...change, requestedById: actor.userId } as QueryDeepPartialEntity<AccessChangeRequestEntity>);
    await this.audit.record({
      action: 'change_requested',
      entityType: 'access_change_request',
      entityId: id,
      details: { kind: change.kind, roleId: change.roleId ?? null, userId: change.userId ?? null, scope: change.summary.role.scope, permissions: change.summary.role.permissions },
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, query: AccessChangeListQuery): Promise<AccessChangeRequestView[]> {
    return (await this.requests.list(query.status, LIST_LIMIT)).map((r) => toAccessRequestView(r, actor));
  }

  async get(actor: Actor, id: string): Promise<AccessChangeRequestView> {
    const request = await this.requests.findById(id);
    if (!request) throw new NotFoundError('access request');
    return toAccessRequestView(request, actor);
  }

  /** The requester withdraws a request still pending. */
  async cancel(actor: Actor, id: string, version: number): Promise<AccessChangeRequestView> {
    const request = await this.pending(id, version);
    if (request.requestedById !== actor.userId) throw new ForbiddenError('not_requester', 'Only the administrator who filed a request can withdraw it');
    await this.decide(request, version, { status: 'cancelled', decidedById: actor.userId });
    await this.audit.record({ action: 'change_cancelled', entityType: 'access_change_request', entityId: id, details: { kind: request.kind } });
    return this.get(actor, id);
  }

  /** A request still pending, at the version the caller saw. */
  async pending(id: string, version: number): Promise<AccessChangeRequestEntity> {
    const request = await this.requests.findById(id);
    if (!request) throw new NotFoundError('access request');
    if (request.status !== 'pending') {
      throw new ConflictError('request_decided', 'This request has already been decided', undefined, { currentVersion: request.version, status: request.status });
    }
    if (request.version !== version) throw new StaleVersionError(request.version, ['status']);
    return request;
  }

  /** Records a decision; a concurrent one makes it stale. */
  async decide(request: AccessChangeRequestEntity, version: number, changes: QueryDeepPartialEntity<AccessChangeRequestEntity>): Promise<void> {
    if (!(await this.requests.decide(request.id, version, { ...changes, decidedAt: () => 'now()' }))) throw new StaleVersionError();
  }
}

export function toAccessRequestView(r: AccessChangeRequestEntity, actor: Actor): AccessChangeRequestView {
  const open = r.status === 'pending';
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    roleId: r.roleId,
    userId: r.userId,
    summary: r.summary,
    requestedBy: userRef(r.requestedBy, r.requestedById),
    requestedAt: r.createdAt.toISOString(),
    decidedBy: r.decidedById ? userRef(r.decidedBy, r.decidedById) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    reason: r.reason,
    canDecide: open && r.requestedById !== actor.userId && !isAboutThemselves(actor, r) && can(actor, permissionToDecide(r.kind)),
    canCancel: open && r.requestedById === actor.userId,
    version: r.version,
  };
}
