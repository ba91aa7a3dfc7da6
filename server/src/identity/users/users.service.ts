import { Injectable } from '@nestjs/common';
import { CreateUserRequest, isProtectedRole, Page, TemporaryPasswordResponse, UpdateUserRequest, userChangeNeedsApproval, UserView } from '@ruta/shared';
import { Actor, AuditService, ConflictError, NotFoundError, StaleVersionError, ValidationFailedError, decodeCursor, encodeCursor } from '@ruta/platform';
import { AccessChangeOutcome, applied, ApprovalContext, approvalDetails, pending, roleSummary, userSummary } from '../approvals/access-change-outcome';
import { AccessRequestsService } from '../approvals/access-requests.service';
import { hashPassword, temporaryPassword } from '../auth/credentials';
import { SessionsRepository } from '../auth/sessions.repository';
import { InstitutionEntity } from '../institutions/institution.entity';
import { InstitutionsRepository } from '../institutions/institutions.repository';
import { RoleEntity } from '../roles/role.entity';
import { RolesRepository } from '../roles/roles.repository';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { RecentSessions } from '../auth/recent-sessions';

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    active: u.active,
    institution: { id: u.institution!.id, code: u.institution!.code, name: u.institution!.name },
    role: { id: u.role!.id, code: u.role!.code, nameEs: u.role!.nameEs, nameEn: u.role!.nameEn },
    mfaEnabled: u.mfaEnabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly roles: RolesRepository,
    private readonly sessions: SessionsRepository,
    private readonly requests: AccessRequestsService,
    private readonly audit: AuditService,
    private readonly recentSessions: RecentSessions,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<UserView>> {
    const limit = query.limit ?? 25;
    const after = query.cursor ? decodeCursor<{ name: string; id: string }>(query.cursor) : undefined;
    const rows = await this.users.list({ institutionId: query.institutionId, q: query.q?.trim() || undefined, after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toUserView), limit, ...(rows.length > limit && last ? { nextCursor: encodeCursor({ name: last.name, id: last.id }) } : {}) };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user');
    return toUserView(user);
  }

  /** A user holding a protected role is created only once a second administrator approves; they get the password. */
  async create(actor: Actor, dto: CreateUserDto): Promise<AccessChangeOutcome<TemporaryPasswordResponse>> {
    const { role, institution } = await this.requireReferences(dto.institutionId, dto.roleId);
    if (!isProtectedRole(role!)) return applied(await this.applyCreate(dto));
    if (await this.users.findByEmail(dto.email)) {
      throw new ConflictError('duplicate', 'A user with this email exists already', [{ field: 'email', code: 'duplicate', message: 'A user with this email exists already' }]);
    }
    return pending(
      await this.requests.file(actor, {
        kind: 'user_create',
        roleId: role!.id,
        payload: { request: { ...dto }, roleVersion: role!.version },
        summary: { role: roleSummary(role!), user: userSummary({ name: dto.name.trim(), email: dto.email }, institution!) },
      }),
    );
  }

  async applyCreate(dto: CreateUserRequest, approval?: ApprovalContext): Promise<TemporaryPasswordResponse> {
    await this.requireReferences(dto.institutionId, dto.roleId);
    const password = temporaryPassword();
    const user = await this.users.insert({
      name: dto.name.trim(),
      email: dto.email,
      institutionId: dto.institutionId,
      roleId: dto.roleId,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    await this.audit.record({ action: 'create', entityType: 'user', entityId: user.id, details: { roleId: dto.roleId, institutionId: dto.institutionId, ...approvalDetails(approval) } });
    return { user: toUserView(user), temporaryPassword: password };
  }

  /** Giving a user protected access (a protected role, another institution with it, reactivation) waits for approval. */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<AccessChangeOutcome<UserView>> {
    const before = await this.users.findById(id);
    if (!before) throw new NotFoundError('user');
    const found = await this.requireReferences(dto.institutionId, dto.roleId);
    const role = found.role ?? before.role!;
    const institution = found.institution ?? before.institution!;
    const after = { roleId: role.id, institutionId: institution.id, active: dto.active ?? before.active };
    if (!userChangeNeedsApproval(before, after, isProtectedRole(role))) return applied(await this.applyUpdate(id, dto));
    if (before.version !== dto.version) throw new StaleVersionError(before.version);
    return pending(
      await this.requests.file(actor, {
        kind: 'user_update',
        userId: id,
        roleId: role.id,
        payload: { request: { ...dto }, roleVersion: role.version },
        summary: { role: roleSummary(role), user: userSummary({ name: dto.name ?? before.name, email: before.email }, institution) },
      }),
    );
  }

  /** Deactivation, or a move to another role or institution, ends the user's sessions at once. */
  async applyUpdate(id: string, dto: UpdateUserRequest, approval?: ApprovalContext): Promise<UserView> {
    const { version, ...changes } = dto;
    const before = await this.users.findById(id);
    if (!before) throw new NotFoundError('user');
    await this.requireReferences(changes.institutionId, changes.roleId);
    if (!(await this.users.updateVersioned(id, version, changes))) throw new StaleVersionError();
    const revoke = changes.active === false || (changes.roleId && changes.roleId !== before.roleId) || (changes.institutionId && changes.institutionId !== before.institutionId);
    if (revoke) await this.sessions.revokeAllForUser(id);
    else this.recentSessions.forgetAll();
    await this.audit.record({ action: 'update', entityType: 'user', entityId: id, details: { fields: Object.keys(changes), sessionsRevoked: !!revoke, ...approvalDetails(approval) } });
    return this.get(id);
  }

  /**
   * A new password for someone holding a protected role waits for a second administrator, who receives it: otherwise
   * one administrator could take over an investigator's account.
   */
  async resetPassword(actor: Actor, id: string): Promise<AccessChangeOutcome<TemporaryPasswordResponse>> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user');
    if (!isProtectedRole(user.role!)) return applied(await this.applyPasswordReset(id));
    return pending(
      await this.requests.file(actor, {
        kind: 'password_reset',
        userId: id,
        roleId: user.roleId,
        payload: { request: {} },
        summary: { role: roleSummary(user.role!), user: userSummary(user, user.institution!) },
      }),
    );
  }

  /** A new temporary password, to be changed at next login; every session of the user ends. */
  async applyPasswordReset(id: string, approval?: ApprovalContext): Promise<TemporaryPasswordResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user');
    const password = temporaryPassword();
    await this.users.updateInternal(id, { passwordHash: await hashPassword(password), mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await this.sessions.revokeAllForUser(id);
    await this.audit.record({ action: 'password_reset', entityType: 'user', entityId: id, ...(approval ? { details: approvalDetails(approval) } : {}) });
    return { user: await this.get(id), temporaryPassword: password };
  }

  /** Whether any of these users holds the role now (a role change would reach them). */
  anyHolds(roleId: string, userIds: string[]): Promise<boolean> {
    return this.users.anyHolds(roleId, userIds);
  }

  /** The institution and role named, when given; a 400 with field errors when one does not exist (or is inactive). */
  private async requireReferences(institutionId?: string, roleId?: string): Promise<{ institution?: InstitutionEntity; role?: RoleEntity }> {
    const errors = [];
    const institution = institutionId ? await this.institutions.findById(institutionId) : null;
    if (institutionId && !institution?.active) {
      errors.push({ field: 'institutionId', code: 'invalid_reference', message: 'No active institution has this id' });
    }
    const role = roleId ? await this.roles.findById(roleId) : null;
    if (roleId && !role) errors.push({ field: 'roleId', code: 'invalid_reference', message: 'No role has this id' });
    if (errors.length) throw new ValidationFailedError(errors);
    return { institution: institution ?? undefined, role: role ?? undefined };
  }
}
