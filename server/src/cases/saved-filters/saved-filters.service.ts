import { Injectable } from '@nestjs/common';
import { SavedFilterView } from '@ruta/shared';
import { Actor, NotFoundError, StaleVersionError } from '@ruta/platform';
import { SaveFilterDto, UpdateSavedFilterDto } from './dto/saved-filter.dto';
import { SavedFilterEntity } from './saved-filter.entity';
import { SavedFiltersRepository } from './saved-filters.repository';

function toView(f: SavedFilterEntity): SavedFilterView {
  return { id: f.id, name: f.name, filters: f.filters, version: f.version };
}

/** Plain filter objects (the DTO classes would carry no undefined keys into JSON anyway). */
function plain<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

@Injectable()
export class SavedFiltersService {
  constructor(private readonly filters: SavedFiltersRepository) {}

  async list(actor: Actor): Promise<SavedFilterView[]> {
    return (await this.filters.list(actor.userId)).map(toView);
  }

  async create(actor: Actor, dto: SaveFilterDto): Promise<SavedFilterView> {
    return toView(await this.filters.insert({ userId: actor.userId, name: dto.name.trim(), filters: plain(dto.filters) }));
  }

  async update(actor: Actor, id: string, dto: UpdateSavedFilterDto): Promise<SavedFilterView> {
    if (!(await this.filters.find(actor.userId, id))) throw new NotFoundError('saved filter');
    const changes = { ...(dto.name ? { name: dto.name.trim() } : {}), ...(dto.filters ? { filters: plain(dto.filters) } : {}) };
    if (!(await this.filters.updateVersioned(actor.userId, id, dto.version, changes))) throw new StaleVersionError();
    return toView((await this.filters.find(actor.userId, id))!);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.filters.delete(actor.userId, id))) throw new NotFoundError('saved filter');
  }
}
