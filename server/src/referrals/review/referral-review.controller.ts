import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstitutionReferralStats, PERMISSIONS, ReferralNetwork } from '@ruta/shared';
import { Actor, CurrentActor, RequirePermission } from '@ruta/platform';
import { ReferralReviewService } from './referral-review.service';

/** Coordinator review across institutions: aggregated (indicators:read), and only for the all-case scopes. */
@ApiTags('referrals')
@Controller('referral-review')
export class ReferralReviewController {
  constructor(private readonly review: ReferralReviewService) {}

  @Get('stats')
  @RequirePermission(PERMISSIONS.indicatorsRead)
  stats(@CurrentActor() actor: Actor): Promise<InstitutionReferralStats[]> {
    return this.review.stats(actor);
  }

  @Get('network')
  @RequirePermission(PERMISSIONS.indicatorsRead)
  network(@CurrentActor() actor: Actor): Promise<ReferralNetwork> {
    return this.review.network(actor);
  }
}
