import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseLinksView, DuplicateHint, PERMISSIONS } from '@ruta/shared';
import { RequirePermission, Actor, CurrentActor } from '@ruta/platform';
import { CaseLinksService } from './case-links.service';
import { CreateLinkRequestDto } from './dto/link-request.dto';

/** One case's possible duplicates, its links, and the link requests it sends. */
@ApiTags('case links')
@Controller('cases/:code')
export class CaseLinksController {
  constructor(private readonly links: CaseLinksService) {}

  @Get('duplicates')
  @RequirePermission(PERMISSIONS.casesRead)
  duplicates(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DuplicateHint[]> {
    return this.links.duplicates(actor, code);
  }

  @Get('links')
  @RequirePermission(PERMISSIONS.casesRead)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<CaseLinksView> {
    return this.links.list(actor, code);
  }

  @Post('link-requests')
  @RequirePermission(PERMISSIONS.casesUpdate)
  request(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: CreateLinkRequestDto): Promise<CaseLinksView> {
    return this.links.request(actor, code, dto);
  }
}
