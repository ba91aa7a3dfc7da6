import { ReferralDeadlineSettingEntity } from './core/referral-deadline-setting.entity';
import { ReferralDocumentEntity } from './core/referral-document.entity';
import { ReferralEventEntity } from './core/referral-event.entity';
import { ReferralEntity } from './core/referral.entity';
import { NotificationEntity } from './notifications/notification.entity';

export const REFERRALS_ENTITIES = [ReferralEntity, ReferralDocumentEntity, ReferralEventEntity, ReferralDeadlineSettingEntity, NotificationEntity];
