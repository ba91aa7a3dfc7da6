import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { LanguageQueryDto } from '../dto/indicator-requests.dto';
import { CaseSummaryService } from './case-summary.service';

/** A case's summary as a PDF (404 outside the reader's scope, audited; the API's answers are never cached). */
@ApiTags('indicators')
@Controller('indicators/case-summary')
export class CaseSummaryController {
  constructor(private readonly summaries: CaseSummaryService) {}

  @Get(':code')
  @RequirePermission(PERMISSIONS.casesRead)
  pdf(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() query: LanguageQueryDto): Promise<StreamableFile> {
    return this.summaries.file(actor, code, query.language ?? 'es');
  }
}
