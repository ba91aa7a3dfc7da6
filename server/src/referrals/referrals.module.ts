import { Module } from '@nestjs/common';
import { AuditModule } from '@ruta/platform';
import { CasesModule } from '@ruta/cases';
import { InstitutionsModule } from '@ruta/identity';
import { ReferralSettingsService } from './core/referral-settings.service';
import { ReferralSharingService } from './core/referral-sharing.service';
import { CaseReferralsController, ReferralsController } from './core/referrals.controller';
import { ReferralsRepository } from './core/referrals.repository';
import { ReferralsService } from './core/referrals.service';
import { ReferralDeadlineJob } from './deadlines/referral-deadline.job';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { NotificationsService } from './notifications/notifications.service';
import { ReferralMailer } from './notifications/referral-mailer';
import { ReferralNotifier } from './notifications/referral-notifier.service';
import { ReferralReviewController } from './review/referral-review.controller';
import { ReferralReviewService } from './review/referral-review.service';

/**
 * Inter-agency referrals: one area, one module. Core (the consent gate, the status machine, inbox and outbox, the
 * limited shared view, the disclosure record), notifications (in-app and e-mail), the deadline job, and the
 * coordinators' review. It builds on the cases area's per-record check and consent gate.
 */
@Module({
  imports: [AuditModule, CasesModule, InstitutionsModule],
  controllers: [ReferralsController, CaseReferralsController, NotificationsController, ReferralReviewController],
  providers: [
    ReferralsRepository,
    ReferralsService,
    ReferralSharingService,
    ReferralSettingsService,
    NotificationsRepository,
    NotificationsService,
    ReferralMailer,
    ReferralNotifier,
    ReferralDeadlineJob,
    ReferralReviewService,
  ],
  exports: [ReferralsService],
})
export class ReferralsModule {}
