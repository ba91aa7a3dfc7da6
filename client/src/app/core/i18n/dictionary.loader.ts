import { Injectable } from '@angular/core';
import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Language } from '@ruta/shared';
import { from, Observable } from 'rxjs';

/**
 * Each language's dictionary is a lazily loaded chunk of bundled TypeScript (no HTTP request of its own, no JSON to
 * keep in step): the first screen carries neither, and only the language in use is fetched (English also brings the
 * Spanish fallback). The app waits for the language at start (`LanguageService.init`), so no key is ever shown.
 */
const DICTIONARY_CHUNKS: Record<Language, () => Promise<TranslationObject>> = {
  es: () => import('./es.dictionary').then((m) => m.SPANISH),
  en: () => import('./en.dictionary').then((m) => m.ENGLISH),
};

@Injectable()
export class DictionaryLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return from((DICTIONARY_CHUNKS[lang as Language] ?? DICTIONARY_CHUNKS.es)());
  }
}
