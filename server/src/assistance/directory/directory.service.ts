import { Injectable } from '@nestjs/common';
import { ServiceProviderView } from '@ruta/shared';
import { ConflictError, NotFoundError, StaleVersionError, ValidationFailedError } from '@ruta/platform';
import { AssistanceRepository } from '../assistance.repository';
import { toProviderView } from '../assistance-views';
import { ProviderQueryDto, ServiceProviderDto } from '../dto/assistance-requests.dto';
import { ServiceProviderEntity } from './service-provider.entity';

/** A unique-name violation as the field error it is. */
function duplicateName(e: { driverError?: { code?: string }; code?: string }): never {
  if ((e.driverError?.code ?? e.code) === '23505') throw new ConflictError('duplicate_name', 'A provider with this name exists already', [{ field: 'name', code: 'duplicate', message: 'name is taken' }]);
  throw e;
}

/** The service directory: providers, the categories they offer and the departments they cover (administrators keep it). */
@Injectable()
export class DirectoryService {
  constructor(private readonly repo: AssistanceRepository) {}

  async list(query: ProviderQueryDto): Promise<ServiceProviderView[]> {
    return (await this.repo.providers({ ...query, activeOnly: true })).map(toProviderView);
  }

  async all(): Promise<ServiceProviderView[]> {
    return (await this.repo.providers({ activeOnly: false })).map(toProviderView);
  }

  async create(dto: ServiceProviderDto): Promise<ServiceProviderView> {
    await this.check(dto);
    const id = await this.repo
      .insertProvider({ name: dto.name.trim(), institutionId: dto.institutionId ?? null, categories: dto.categories, departmentCodes: dto.departmentCodes, active: dto.active ?? true })
      .catch(duplicateName);
    return toProviderView((await this.repo.findProvider(id))!);
  }

  async update(id: string, dto: ServiceProviderDto): Promise<ServiceProviderView> {
    const found = await this.repo.findProvider(id);
    if (!found) throw new NotFoundError('provider');
    if (!dto.version) throw new ValidationFailedError([{ field: 'version', code: 'required', message: 'version is required' }]);
    await this.check(dto);
    const ok = await this.repo
      .updateProvider(id, dto.version, { name: dto.name.trim(), institutionId: dto.institutionId ?? null, categories: dto.categories, departmentCodes: dto.departmentCodes, active: dto.active ?? found.active })
      .catch(duplicateName);
    if (!ok) throw new StaleVersionError(found.version);
    return toProviderView((await this.repo.findProvider(id)) as ServiceProviderEntity);
  }

  private async check(dto: ServiceProviderDto): Promise<void> {
    if (dto.institutionId && !(await this.repo.activeInstitution(dto.institutionId))) {
      throw new ValidationFailedError([{ field: 'institutionId', code: 'invalid_reference', message: 'No active institution has this id' }]);
    }
  }
}
