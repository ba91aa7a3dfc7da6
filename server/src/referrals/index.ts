// The referrals area's public face. Other areas import only what is exported here (lint enforces it).
export * from './referrals.module';
export * from './referrals.entities';
export * from './referrals.seed';
export { ReferralDeadlineJob, REFERRAL_DEADLINE_LOCK } from './deadlines/referral-deadline.job';
// For the hotline area: a tip or a referral for assistance from a call is a referral.
export { ReferralsService } from './core/referrals.service';
export { ReferralEntity } from './core/referral.entity';
