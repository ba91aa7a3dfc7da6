export * from './referral-options';
export * from './referral-status';
export * from './referral-stats';
export * from './referrals-api';
