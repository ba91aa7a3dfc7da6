import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { HotlineCasePrefill, HotlineContactPage, HotlineContactView, HotlineCrisisItem, HotlineImportView, HotlineStats, PERMISSIONS } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { CreateHotlineContactDto, HotlineListQueryDto, HotlineMoveDto, HotlineOutcomeDto, HotlineVersionDto } from './contacts/dto/hotline-requests.dto';
import { HotlineContactsService } from './contacts/hotline-contacts.service';
import { HotlineImportsService, IMPORT_MAX_BYTES, UploadedCallLog } from './imports/hotline-imports.service';
import { CallLogUploadErrorsFilter } from './imports/upload-errors.filter';
import { HotlineStatsQueryDto } from './stats/hotline-stats.dto';
import { HotlineStatsService } from './stats/hotline-stats.service';

const DAY = 86_400_000;

@ApiTags('hotline')
@Controller('hotline')
export class HotlineController {
  constructor(
    private readonly contacts: HotlineContactsService,
    private readonly imports: HotlineImportsService,
    private readonly statistics: HotlineStatsService,
  ) {}

  @Post('contacts')
  @RequirePermission(PERMISSIONS.hotlineManage)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateHotlineContactDto): Promise<HotlineContactView> {
    return this.contacts.create(actor, dto);
  }

  @Get('contacts')
  @RequirePermission(PERMISSIONS.hotlineRead)
  list(@Query() query: HotlineListQueryDto): Promise<HotlineContactPage> {
    return this.contacts.list(query);
  }

  @Get('crisis')
  @RequirePermission(PERMISSIONS.hotlineRead)
  crisis(): Promise<HotlineCrisisItem[]> {
    return this.contacts.crisis();
  }

  @Get('contacts/:id')
  @RequirePermission(PERMISSIONS.hotlineRead)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<HotlineContactView> {
    return this.contacts.get(id);
  }

  @Post('contacts/:id/take')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.hotlineManage)
  take(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HotlineVersionDto): Promise<HotlineContactView> {
    return this.contacts.take(actor, id, dto.version);
  }

  @Post('contacts/:id/transitions')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.hotlineManage)
  move(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HotlineMoveDto): Promise<HotlineContactView> {
    return this.contacts.move(actor, id, dto);
  }

  @Post('contacts/:id/outcome')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.hotlineManage)
  outcome(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: HotlineOutcomeDto): Promise<HotlineContactView> {
    return this.contacts.outcome(actor, id, dto);
  }

  @Get('contacts/:id/case-prefill')
  @RequirePermission(PERMISSIONS.hotlineManage)
  casePrefill(@Param('id', ParseUUIDPipe) id: string): Promise<HotlineCasePrefill> {
    return this.contacts.casePrefill(id);
  }

  @Post('imports')
  @RequirePermission(PERMISSIONS.hotlineManage)
  @ApiConsumes('multipart/form-data')
  @UseFilters(CallLogUploadErrorsFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, parts: 3 } }))
  startImport(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedCallLog | undefined, @Body('mapping') mapping?: string): Promise<HotlineImportView> {
    return this.imports.create(actor, file, mapping);
  }

  @Get('imports/:id')
  @RequirePermission(PERMISSIONS.hotlineManage)
  importStatus(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<HotlineImportView> {
    return this.imports.get(actor, id);
  }

  /** Defaults to the last 90 days. */
  @Get('stats')
  @RequirePermission(PERMISSIONS.hotlineRead)
  stats(@Query() query: HotlineStatsQueryDto): Promise<HotlineStats> {
    const to = query.to ? new Date(query.to) : new Date(Date.now() + DAY);
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 90 * DAY);
    return this.statistics.stats(from, to, query.period ?? 'week');
  }
}

/** The calls a case came from or that concern it, as part of the case's record. */
@ApiTags('hotline')
@Controller('cases/:code/hotline-contacts')
export class CaseHotlineContactsController {
  constructor(private readonly contacts: HotlineContactsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.casesRead)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<HotlineContactView[]> {
    return this.contacts.forCase(actor, code);
  }
}
