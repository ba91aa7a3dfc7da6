import { Injectable } from '@nestjs/common';
import { changesAccess, CreateRoleRequest, isProtectedRole, RoleAccess, roleChangeNeedsApproval, RoleView, UpdateRoleRequest } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, StaleVersionError, ValidationFailedError } from '@ruta/platform';
import { AccessChangeOutcome, applied, ApprovalContext, approvalDetails, pending, roleSummary } from '../approvals/access-change-outcome';
import { AccessRequestsService } from '../approvals/access-requests.service';
import { CreateRoleDto, UpdateRoleDto } from './dto/role.dto';
import { RoleEntity } from './role.entity';
import { RolesRepository } from './roles.repository';
import { RecentSessions } from '../auth/recent-sessions';

export function toRoleView(r: RoleEntity): RoleView {
  return { id: r.id, code: r.code, nameEs: r.nameEs, nameEn: r.nameEn, scope: r.scope, requiresMfa: r.requiresMfa, permissions: [...r.permissions].sort(), version: r.version };
}

/** A role reaching protected data always asks for two-factor sign-in. */
function requireMfaForProtected(role: RoleAccess): void {
  if (isProtectedRole(role) && !role.requiresMfa) {
    throw new ValidationFailedError([{ field: 'requiresMfa', code: 'protected_role_mfa', message: 'A role with access to protected data must require two-factor sign-in' }]);
  }
}

@Injectable()
export class RolesService {
  constructor(
    private readonly repository: RolesRepository,
    private readonly requests: AccessRequestsService,
    private readonly audit: AuditService,
    private readonly recentSessions: RecentSessions,
  ) {}

  async list(): Promise<RoleView[]> {
    return (await this.repository.list()).map(toRoleView);
  }

  /** A protected role (victim data, approval powers, any scope) is created only once a second administrator approves. */
  async create(actor: Actor, dto: CreateRoleDto): Promise<AccessChangeOutcome<RoleView>> {
    requireMfaForProtected(dto);
    if (!isProtectedRole(dto)) return applied(await this.applyCreate(dto));
    if (await this.repository.findByCode(dto.code)) {
      throw new ConflictError('duplicate', 'A role with this code exists already', [{ field: 'code', code: 'duplicate', message: 'A role with this code exists already' }]);
    }
    return pending(await this.requests.file(actor, { kind: 'role_create', payload: { request: { ...dto } }, summary: { role: roleSummary(dto) } }));
  }

  /** Widening a protected role waits for a second administrator; renames and revocations apply at once. */
  async update(actor: Actor, id: string, dto: UpdateRoleDto): Promise<AccessChangeOutcome<RoleView>> {
    const before = await this.repository.findById(id);
    if (!before) throw new NotFoundError('role');
    const after: RoleAccess = { scope: dto.scope ?? before.scope, requiresMfa: dto.requiresMfa ?? before.requiresMfa, permissions: dto.permissions ?? before.permissions };
    if (changesAccess(before, after)) requireMfaForProtected(after);
    if (!roleChangeNeedsApproval(before, after)) return applied(await this.applyUpdate(id, dto));
    if (before.version !== dto.version) throw new StaleVersionError(before.version);
    return pending(
      await this.requests.file(actor, {
        kind: 'role_update',
        roleId: id,
        payload: { request: { ...dto } },
        summary: {
          role: roleSummary({ ...before, nameEs: dto.nameEs ?? before.nameEs, nameEn: dto.nameEn ?? before.nameEn, ...after }),
          previous: { scope: before.scope, requiresMfa: before.requiresMfa, permissions: [...before.permissions].sort() },
        },
      }),
    );
  }

  async applyCreate(dto: CreateRoleRequest, approval?: ApprovalContext): Promise<RoleView> {
    const saved = await this.repository.insert(dto);
    await this.audit.record({ action: 'create', entityType: 'role', entityId: saved.id, details: { code: saved.code, permissions: saved.permissions, ...approvalDetails(approval) } });
    return toRoleView(saved);
  }

  /** Permission changes apply to every holder at their next request: sessions resolve the role each time (RecentSessions). */
  async applyUpdate(id: string, dto: UpdateRoleRequest, approval?: ApprovalContext): Promise<RoleView> {
    const { version, ...changes } = dto;
    const before = await this.repository.findById(id);
    if (!before) throw new NotFoundError('role');
    if (!(await this.repository.updateVersioned(id, version, changes))) throw new StaleVersionError();
    // Its holders' sessions resolve the role again at their next request (other instances: within RECENT_SESSION_MS).
    this.recentSessions.forgetAll();
    const after = (await this.repository.findById(id))!;
    await this.audit.record({
      action: 'update',
      entityType: 'role',
      entityId: id,
      details: {
        fields: Object.keys(changes),
        granted: after.permissions.filter((p) => !before.permissions.includes(p)),
        revoked: before.permissions.filter((p) => !after.permissions.includes(p)),
        ...approvalDetails(approval),
      },
    });
    return toRoleView(after);
  }

  /** The role as it is now, for re-checking a request against what the requester saw. */
  findById(id: string): Promise<RoleEntity | null> {
    return this.repository.findById(id);
  }
}
