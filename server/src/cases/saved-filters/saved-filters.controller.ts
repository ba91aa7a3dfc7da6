import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, SavedFilterView } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { SaveFilterDto, UpdateSavedFilterDto } from './dto/saved-filter.dto';
import { SavedFiltersService } from './saved-filters.service';

/** The current user's saved case searches. */
@ApiTags('saved filters')
@Controller('saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  @Get()
  @RequirePermission(PERMISSIONS.casesRead)
  list(@CurrentActor() actor: Actor): Promise<SavedFilterView[]> {
    return this.filters.list(actor);
  }

  @Post()
  @RequirePermission(PERMISSIONS.casesRead)
  create(@CurrentActor() actor: Actor, @Body() dto: SaveFilterDto): Promise<SavedFilterView> {
    return this.filters.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.casesRead)
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSavedFilterDto): Promise<SavedFilterView> {
    return this.filters.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.casesRead)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.filters.remove(actor, id);
  }
}
