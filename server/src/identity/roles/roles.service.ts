import { Injectable } from '@nestjs/common';
import { RoleView } from '@ruta/shared';
import { AuditService, NotFoundError, StaleVersionError } from '@ruta/platform';
import { CreateRoleDto, UpdateRoleDto } from './dto/role.dto';
import { RoleEntity } from './role.entity';
import { RolesRepository } from './roles.repository';

export function toRoleView(r: RoleEntity): RoleView {
  return { id: r.id, code: r.code, nameEs: r.nameEs, nameEn: r.nameEn, scope: r.scope, requiresMfa: r.requiresMfa, permissions: [...r.permissions].sort(), version: r.version };
}

@Injectable()
export class RolesService {
  constructor(
    private readonly repository: RolesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RoleView[]> {
    return (await this.repository.list()).map(toRoleView);
  }

  async create(dto: CreateRoleDto): Promise<RoleView> {
    const saved = await this.repository.insert(dto);
    await this.audit.record({ action: 'create', entityType: 'role', entityId: saved.id, details: { code: saved.code, permissions: saved.permissions } });
    return toRoleView(saved);
  }

  /** Permission changes apply to every holder at their next request: sessions resolve the role each time. */
  async update(id: string, dto: UpdateRoleDto): Promise<RoleView> {
    const { version, ...changes } = dto;
    const before = await this.repository.findById(id);
    if (!before) throw new NotFoundError('role');
    if (!(await this.repository.updateVersioned(id, version, changes))) throw new StaleVersionError();
    const after = (await this.repository.findById(id))!;
    await this.audit.record({
      action: 'update',
      entityType: 'role',
      entityId: id,
      details: {
        fields: Object.keys(changes),
        granted: after.permissions.filter((p) => !before.permissions.includes(p)),
        revoked: before.permissions.filter((p) => !after.permissions.includes(p)),
      },
    });
    return toRoleView(after);
  }
}
