import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DisclosureRecord, PERMISSIONS, ReferralBadge, ReferralConsentCheck, ReferralDeadlineSettings, ReferralPage, ReferralView, SharedCaseView } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { CreateReferralDto, DisclosurePdfQueryDto, ReferralConsentCheckDto, ReferralDeadlinesDto, ReferralListQueryDto, ReferralMoveDto } from './dto/referral-requests.dto';
import { ReferralSettingsService } from './referral-settings.service';
import { ReferralSharingService } from './referral-sharing.service';
import { ReferralsService } from './referrals.service';

function pdfFile(content: Buffer, fileName: string): StreamableFile {
  return new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: content.length });
}

@ApiTags('referrals')
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly sharing: ReferralSharingService,
    private readonly settings: ReferralSettingsService,
  ) {}

  @Post()
  @RequirePermission(PERMISSIONS.referralsManage)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateReferralDto): Promise<ReferralView> {
    return this.referrals.create(actor, dto);
  }

  @Post('consent-check')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.referralsManage)
  checkConsent(@CurrentActor() actor: Actor, @Body() dto: ReferralConsentCheckDto): Promise<ReferralConsentCheck> {
    return this.referrals.checkConsent(actor, dto);
  }

  @Get()
  @RequirePermission(PERMISSIONS.referralsRead)
  list(@CurrentActor() actor: Actor, @Query() query: ReferralListQueryDto): Promise<ReferralPage> {
    return this.referrals.list(actor, query);
  }

  @Get('badge')
  @RequirePermission(PERMISSIONS.referralsRead)
  badge(@CurrentActor() actor: Actor): Promise<ReferralBadge> {
    return this.settings.badge(actor);
  }

  @Get('deadlines')
  @RequirePermission(PERMISSIONS.referralsRead)
  deadlines(): Promise<ReferralDeadlineSettings> {
    return this.settings.deadlines();
  }

  /** The same settings for the administrator's screen (an administrator does not read referrals). */
  @Get('deadline-settings')
  @RequirePermission(PERMISSIONS.institutionsManage)
  deadlineSettings(): Promise<ReferralDeadlineSettings> {
    return this.settings.deadlines();
  }

  @Put('deadlines')
  @RequirePermission(PERMISSIONS.institutionsManage)
  setDeadlines(@Body() dto: ReferralDeadlinesDto): Promise<ReferralDeadlineSettings> {
    return this.settings.setDeadlines(dto);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.referralsRead)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReferralView> {
    return this.referrals.get(actor, id);
  }

  @Get(':id/case')
  @RequirePermission(PERMISSIONS.referralsRead)
  sharedCase(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SharedCaseView> {
    return this.sharing.sharedCase(actor, id);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.referralsManage)
  move(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReferralMoveDto): Promise<ReferralView> {
    return this.referrals.move(actor, id, dto);
  }
}

/** The referrals of one case, as its disclosure record (Law 1581/2012: who received the person's data). */
@ApiTags('referrals')
@Controller('cases/:code/referrals')
export class CaseReferralsController {
  constructor(private readonly sharing: ReferralSharingService) {}

  @Get()
  @RequirePermission(PERMISSIONS.referralsRead)
  disclosure(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DisclosureRecord> {
    return this.sharing.disclosure(actor, code);
  }

  /** The same record as a one-page PDF to hand to the person (audited as a read of the case). */
  @Get('disclosure-pdf')
  @RequirePermission(PERMISSIONS.referralsRead)
  async disclosurePdf(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() query: DisclosurePdfQueryDto): Promise<StreamableFile> {
    return pdfFile(await this.sharing.disclosurePdf(actor, code, query.lang ?? 'es'), `disclosure-${code.toUpperCase()}.pdf`);
  }
}
