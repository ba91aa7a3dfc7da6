import { Injectable } from '@nestjs/common';
import { InstitutionView } from '@ruta/shared';
import { AuditService, NotFoundError, StaleVersionError } from '@ruta/platform';
import { CreateInstitutionDto, UpdateInstitutionDto } from './dto/institution.dto';
import { InstitutionEntity } from './institution.entity';
import { InstitutionsRepository } from './institutions.repository';

export function toInstitutionView(i: InstitutionEntity): InstitutionView {
  return { id: i.id, code: i.code, name: i.name, type: i.type, active: i.active, version: i.version };
}

@Injectable()
export class InstitutionsService {
  constructor(
    private readonly repository: InstitutionsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<InstitutionView[]> {
    return (await this.repository.list()).map(toInstitutionView);
  }

  async create(dto: CreateInstitutionDto): Promise<InstitutionView> {
    const saved = await this.repository.insert({ ...dto, active: true });
    await this.audit.record({ action: 'create', entityType: 'institution', entityId: saved.id, details: { code: saved.code } });
    return toInstitutionView(saved);
  }

  async update(id: string, dto: UpdateInstitutionDto): Promise<InstitutionView> {
    const { version, ...changes } = dto;
    if (!(await this.repository.findById(id))) throw new NotFoundError('institution');
    if (!(await this.repository.updateVersioned(id, version, changes))) throw new StaleVersionError();
    await this.audit.record({ action: 'update', entityType: 'institution', entityId: id, details: { fields: Object.keys(changes) } });
    return toInstitutionView((await this.repository.findById(id))!);
  }
}
