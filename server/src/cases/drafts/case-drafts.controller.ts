import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseDraftSavedView, CaseDraftView, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseDraftsService } from './case-drafts.service';
import { SaveCaseDraftDto } from './dto/save-case-draft.dto';

/** The current user's intake draft. Reading when there is none answers 404 `not_found`. */
@ApiTags('case drafts')
@Controller('case-drafts')
export class CaseDraftsController {
  constructor(private readonly drafts: CaseDraftsService) {}

  @Get('mine')
  @RequirePermission(PERMISSIONS.casesCreate)
  read(@CurrentActor() actor: Actor): Promise<CaseDraftView> {
    return this.drafts.read(actor);
  }

  @Put('mine')
  @RequirePermission(PERMISSIONS.casesCreate)
  save(@CurrentActor() actor: Actor, @Body() dto: SaveCaseDraftDto): Promise<CaseDraftSavedView> {
    return this.drafts.save(actor, dto);
  }

  @Delete('mine')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.casesCreate)
  remove(@CurrentActor() actor: Actor): Promise<void> {
    return this.drafts.remove(actor);
  }
}
