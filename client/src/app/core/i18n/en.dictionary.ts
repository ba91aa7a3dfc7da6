import { TranslationObject } from '@ngx-translate/core';
import { adminEn } from '../../admin/i18n/en';
import { assistanceEn } from '../../assistance/i18n/en';
import { auditEn } from '../../audit/i18n/en';
import { casesEn } from '../../cases/i18n/en';
import { errorPagesEn } from '../../errors/i18n/en';
import { homeEn } from '../../home/i18n/en';
import { hotlineEn } from '../../hotline/i18n/en';
import { indicatorsEn } from '../../indicators/i18n/en';
import { loginEn } from '../../login/i18n/en';
import { privacyEn } from '../../privacy/i18n/en';
import { profileEn } from '../../profile/i18n/en';
import { prosecutionsEn } from '../../prosecutions/i18n/en';
import { referralsEn } from '../../referrals/i18n/en';
import { statusEn } from '../../status/i18n/en';
import { coreEn } from './en';

/** English (a chunk of its own, loaded only when the interface is in English). Each area's texts; top-level groups (`cases`, `users`, ...) belong to exactly one area. */
export const ENGLISH_AREAS: readonly { area: string; texts: TranslationObject }[] = [
  { area: 'core', texts: coreEn },
  { area: 'errors', texts: errorPagesEn },
  { area: 'status', texts: statusEn },
  { area: 'login', texts: loginEn },
  { area: 'profile', texts: profileEn },
  { area: 'home', texts: homeEn },
  { area: 'admin', texts: adminEn },
  { area: 'audit', texts: auditEn },
  { area: 'cases', texts: casesEn },
  { area: 'referrals', texts: referralsEn },
  { area: 'indicators', texts: indicatorsEn },
  { area: 'hotline', texts: hotlineEn },
  { area: 'prosecutions', texts: prosecutionsEn },
  { area: 'assistance', texts: assistanceEn },
  { area: 'privacy', texts: privacyEn },
];

/** Every area's English texts in one dictionary. */
export const ENGLISH: TranslationObject = Object.assign({}, ...ENGLISH_AREAS.map((a) => a.texts));
