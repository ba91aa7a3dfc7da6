import { EnvironmentProviders, inject, provideAppInitializer, Provider } from '@angular/core';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { Language } from '@ruta/shared';
import { provideRutaIcons } from '../icons/provide-icons';
import { provideCalendarDates } from './calendar-date-adapter';
import { BundledDictionaryLoader } from './bundled-dictionaries';
import { LanguageService } from './language.service';

/** Translations for component specs, with the real dictionaries (and the app's icons, which every screen shows). */
export function provideTestI18n(language: Language = 'es'): (Provider | EnvironmentProviders)[] {
  return [
    provideTranslateService({ loader: provideTranslateLoader(BundledDictionaryLoader), fallbackLang: 'es', lang: language }),
    provideAppInitializer(() => inject(LanguageService).apply(language)),
    provideRutaIcons(),
    provideCalendarDates(),
  ];
}
