import { Injectable } from '@angular/core';
import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Observable, of } from 'rxjs';
import { en } from './en';
import { es } from './es';

export const DICTIONARIES: Record<string, TranslationObject> = { es, en };

/** The dictionaries are bundled TypeScript objects: no HTTP, available at once. */
@Injectable()
export class DictionaryLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of(DICTIONARIES[lang] ?? es);
  }
}
