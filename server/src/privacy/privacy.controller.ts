import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ErasureRequestsPage, ErasureRequestView, PERMISSIONS, RetentionItemView, RetentionQueuePage, RetentionRunResult, RetentionSettingView } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import {
  CreateErasureRequestDto,
  ErasureRequestsQueryDto,
  LanguageQueryDto,
  PostponeRetentionDto,
  RefuseErasureDto,
  RetentionQueueQueryDto,
  UpdateRetentionSettingDto,
  VersionDto,
} from './dto/privacy-requests.dto';
import { ErasureService } from './erasure/erasure.service';
import { RetentionJob } from './retention/retention.job';
import { RetentionService } from './retention/retention.service';

/** Data protection (Law 1581): retention periods and queue, erasure requests and their certificates. */
@ApiTags('privacy')
@Controller('privacy')
export class PrivacyController {
  constructor(
    private readonly retention: RetentionService,
    private readonly job: RetentionJob,
    private readonly erasures: ErasureService,
  ) {}

  @Get('retention/settings')
  @RequirePermission(PERMISSIONS.privacyReview)
  settings(): Promise<RetentionSettingView[]> {
    return this.retention.settings();
  }

  @Put('retention/settings/:recordType')
  @RequirePermission(PERMISSIONS.privacyReview)
  updateSetting(@CurrentActor() actor: Actor, @Param('recordType') recordType: string, @Body() dto: UpdateRetentionSettingDto): Promise<RetentionSettingView[]> {
    return this.retention.updateSetting(actor, recordType, dto.version, dto.years);
  }

  @Get('retention/items')
  @RequirePermission(PERMISSIONS.privacyReview)
  queue(@Query() query: RetentionQueueQueryDto): Promise<RetentionQueuePage> {
    return this.retention.queue(query.status, query.sort, query.limit, query.cursor);
  }

  /** Runs the listing now (it also runs hourly); answers what it listed. */
  @Post('retention/run')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.privacyReview)
  run(): Promise<RetentionRunResult> {
    return this.job.runOnce();
  }

  @Post('retention/items/:id/confirm')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.privacyReview)
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionDto): Promise<RetentionItemView> {
    return this.retention.confirm(actor, id, dto.version);
  }

  @Post('retention/items/:id/postpone')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.privacyReview)
  postpone(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PostponeRetentionDto): Promise<RetentionItemView> {
    return this.retention.postpone(actor, id, dto.version, dto.reason, dto.until);
  }

  @Get('erasure-requests')
  @RequirePermission(PERMISSIONS.privacyReview)
  requests(@CurrentActor() actor: Actor, @Query() query: ErasureRequestsQueryDto): Promise<ErasureRequestsPage> {
    return this.erasures.page(actor, query.status, query.sort, query.limit, query.cursor);
  }

  @Post('erasure-requests')
  @RequirePermission(PERMISSIONS.privacyReview)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateErasureRequestDto): Promise<ErasureRequestView> {
    return this.erasures.create(actor, dto);
  }

  @Get('erasure-requests/:id')
  @RequirePermission(PERMISSIONS.privacyReview)
  request(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ErasureRequestView> {
    return this.erasures.view(actor, id);
  }

  @Post('erasure-requests/:id/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.privacyReview)
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionDto): Promise<ErasureRequestView> {
    return this.erasures.approve(actor, id, dto.version);
  }

  @Post('erasure-requests/:id/refuse')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.privacyReview)
  refuse(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RefuseErasureDto): Promise<ErasureRequestView> {
    return this.erasures.refuse(actor, id, dto.version, dto.reason);
  }

  @Post('erasure-requests/:id/carry-out')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.privacyReview)
  carryOut(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VersionDto): Promise<ErasureRequestView> {
    return this.erasures.carryOut(actor, id, dto.version);
  }

  @Get('erasure-requests/:id/certificate')
  @RequirePermission(PERMISSIONS.privacyReview)
  certificate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: LanguageQueryDto): Promise<StreamableFile> {
    return this.erasures.certificate(actor, id, query.language ?? 'es');
  }

  @Get('cases/:code')
  @RequirePermission(PERMISSIONS.privacyReview)
  caseStatus(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.erasures.caseStatus(actor, code);
  }
}
