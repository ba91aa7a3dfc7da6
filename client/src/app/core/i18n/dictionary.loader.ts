import { Injectable } from '@angular/core';
import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Language } from '@ruta/shared';
import { Observable, of } from 'rxjs';
import { adminEn } from '../../admin/i18n/en';
import { adminEs } from '../../admin/i18n/es';
import { auditEn } from '../../audit/i18n/en';
import { auditEs } from '../../audit/i18n/es';
import { casesEn } from '../../cases/i18n/en';
import { casesEs } from '../../cases/i18n/es';
import { errorPagesEn } from '../../errors/i18n/en';
import { errorPagesEs } from '../../errors/i18n/es';
import { homeEn } from '../../home/i18n/en';
import { homeEs } from '../../home/i18n/es';
import { loginEn } from '../../login/i18n/en';
import { loginEs } from '../../login/i18n/es';
import { profileEn } from '../../profile/i18n/en';
import { profileEs } from '../../profile/i18n/es';
import { referralsEn } from '../../referrals/i18n/en';
import { referralsEs } from '../../referrals/i18n/es';
import { assistanceEn } from '../../assistance/i18n/en';
import { assistanceEs } from '../../assistance/i18n/es';
import { prosecutionsEn } from '../../prosecutions/i18n/en';
import { prosecutionsEs } from '../../prosecutions/i18n/es';
import { hotlineEn } from '../../hotline/i18n/en';
import { hotlineEs } from '../../hotline/i18n/es';
import { indicatorsEn } from '../../indicators/i18n/en';
import { indicatorsEs } from '../../indicators/i18n/es';
import { privacyEn } from '../../privacy/i18n/en';
import { privacyEs } from '../../privacy/i18n/es';
import { statusEn } from '../../status/i18n/en';
import { statusEs } from '../../status/i18n/es';
import { coreEn } from './en';
import { coreEs } from './es';

/** Each area's texts, by language. Top-level groups (`cases`, `users`, ...) belong to exactly one area. */
export const AREA_DICTIONARIES: readonly { area: string; es: TranslationObject; en: TranslationObject }[] = [
  { area: 'core', es: coreEs, en: coreEn },
  { area: 'errors', es: errorPagesEs, en: errorPagesEn },
  { area: 'status', es: statusEs, en: statusEn },
  { area: 'login', es: loginEs, en: loginEn },
  { area: 'profile', es: profileEs, en: profileEn },
  { area: 'home', es: homeEs, en: homeEn },
  { area: 'admin', es: adminEs, en: adminEn },
  { area: 'audit', es: auditEs, en: auditEn },
  { area: 'cases', es: casesEs, en: casesEn },
  { area: 'referrals', es: referralsEs, en: referralsEn },
  { area: 'indicators', es: indicatorsEs, en: indicatorsEn },
  { area: 'hotline', es: hotlineEs, en: hotlineEn },
  { area: 'prosecutions', es: prosecutionsEs, en: prosecutionsEn },
  { area: 'assistance', es: assistanceEs, en: assistanceEn },
  { area: 'privacy', es: privacyEs, en: privacyEn },
];

function merged(language: Language): TranslationObject {
  return Object.assign({}, ...AREA_DICTIONARIES.map((area) => area[language]));
}

/** One dictionary per language, all areas merged. */
export const DICTIONARIES: Record<Language, TranslationObject> = { es: merged('es'), en: merged('en') };

/** The dictionaries are bundled TypeScript objects: no HTTP, available at once. */
@Injectable()
export class DictionaryLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(DICTIONARIES[lang as Language] ?? DICTIONARIES.es);
  }
}
