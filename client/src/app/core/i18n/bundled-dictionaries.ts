import { Injectable } from '@angular/core';
import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Language } from '@ruta/shared';
import { Observable, of } from 'rxjs';
import { ENGLISH, ENGLISH_AREAS } from './en.dictionary';
import { SPANISH, SPANISH_AREAS } from './es.dictionary';

/** Both languages at once, for specs (the app loads one language at a time: `DictionaryLoader`). */
export const DICTIONARIES: Record<Language, TranslationObject> = { es: SPANISH, en: ENGLISH };

/** Each area's texts in both languages. */
export const AREA_DICTIONARIES: readonly { area: string; es: TranslationObject; en: TranslationObject }[] = SPANISH_AREAS.map(({ area, texts }) => ({
  area,
  es: texts,
  en: ENGLISH_AREAS.find((english) => english.area === area)?.texts ?? {},
}));

/** The dictionaries at once, with no chunk to wait for: component specs render translated text synchronously. */
@Injectable()
export class BundledDictionaryLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(DICTIONARIES[lang as Language] ?? DICTIONARIES.es);
  }
}
