import { TranslationObject } from '@ngx-translate/core';
import { adminEs } from '../../admin/i18n/es';
import { assistanceEs } from '../../assistance/i18n/es';
import { auditEs } from '../../audit/i18n/es';
import { casesEs } from '../../cases/i18n/es';
import { errorPagesEs } from '../../errors/i18n/es';
import { homeEs } from '../../home/i18n/es';
import { hotlineEs } from '../../hotline/i18n/es';
import { indicatorsEs } from '../../indicators/i18n/es';
import { loginEs } from '../../login/i18n/es';
import { privacyEs } from '../../privacy/i18n/es';
import { profileEs } from '../../profile/i18n/es';
import { prosecutionsEs } from '../../prosecutions/i18n/es';
import { referralsEs } from '../../referrals/i18n/es';
import { statusEs } from '../../status/i18n/es';
import { coreEs } from './es';

/** Spanish, the interface language by default and the fallback of a missing English text (a chunk of its own, loaded at start). Each area's texts; top-level groups (`cases`, `users`, ...) belong to exactly one area. */
export const SPANISH_AREAS: readonly { area: string; texts: TranslationObject }[] = [
  { area: 'core', texts: coreEs },
  { area: 'errors', texts: errorPagesEs },
  { area: 'status', texts: statusEs },
  { area: 'login', texts: loginEs },
  { area: 'profile', texts: profileEs },
  { area: 'home', texts: homeEs },
  { area: 'admin', texts: adminEs },
  { area: 'audit', texts: auditEs },
  { area: 'cases', texts: casesEs },
  { area: 'referrals', texts: referralsEs },
  { area: 'indicators', texts: indicatorsEs },
  { area: 'hotline', texts: hotlineEs },
  { area: 'prosecutions', texts: prosecutionsEs },
  { area: 'assistance', texts: assistanceEs },
  { area: 'privacy', texts: privacyEs },
];

/** Every area's Spanish texts in one dictionary. */
export const SPANISH: TranslationObject = Object.assign({}, ...SPANISH_AREAS.map((a) => a.texts));
