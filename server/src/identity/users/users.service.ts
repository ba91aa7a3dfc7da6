import { Injectable } from '@nestjs/common';
import { Page, TemporaryPasswordResponse, UserView } from '@ruta/shared';
import { AuditService, NotFoundError, StaleVersionError, ValidationFailedError, decodeCursor, encodeCursor } from '@ruta/platform';
import { hashPassword, temporaryPassword } from '../auth/credentials';
import { SessionsRepository } from '../auth/sessions.repository';
import { InstitutionsRepository } from '../institutions/institutions.repository';
import { RolesRepository } from '../roles/roles.repository';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

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
    private readonly audit: AuditService,
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

  async create(dto: CreateUserDto): Promise<TemporaryPasswordResponse> {
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
    await this.audit.record({ action: 'create', entityType: 'user', entityId: user.id, details: { roleId: dto.roleId, institutionId: dto.institutionId } });
    return { user: toUserView(user), temporaryPassword: password };
  }

  /** Deactivation, or a move to another role or institution, ends the user's sessions at once. */
  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const { version, ...changes } = dto;
    const before = await this.users.findById(id);
    if (!before) throw new NotFoundError('user');
    await this.requireReferences(changes.institutionId, changes.roleId);
    if (!(await this.users.updateVersioned(id, version, changes))) throw new StaleVersionError();
    const revoke = changes.active === false || (changes.roleId && changes.roleId !== before.roleId) || (changes.institutionId && changes.institutionId !== before.institutionId);
    if (revoke) await this.sessions.revokeAllForUser(id);
    await this.audit.record({ action: 'update', entityType: 'user', entityId: id, details: { fields: Object.keys(changes), sessionsRevoked: !!revoke } });
    return this.get(id);
  }

  /** A new temporary password, to be changed at next login; every session of the user ends. */
  async resetPassword(id: string): Promise<TemporaryPasswordResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('user');
    const password = temporaryPassword();
    await this.users.updateInternal(id, { passwordHash: await hashPassword(password), mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    await this.sessions.revokeAllForUser(id);
    await this.audit.record({ action: 'password_reset', entityType: 'user', entityId: id });
    return { user: await this.get(id), temporaryPassword: password };
  }

  private async requireReferences(institutionId?: string, roleId?: string): Promise<void> {
    const errors = [];
    if (institutionId && !(await this.institutions.findById(institutionId))?.active) {
      errors.push({ field: 'institutionId', code: 'invalid_reference', message: 'No active institution has this id' });
    }
    if (roleId && !(await this.roles.findById(roleId))) errors.push({ field: 'roleId', code: 'invalid_reference', message: 'No role has this id' });
    if (errors.length) throw new ValidationFailedError(errors);
  }
}
