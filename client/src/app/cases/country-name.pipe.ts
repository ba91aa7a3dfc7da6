import { computed, inject, Pipe, PipeTransform } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { CountryView } from '@ruta/shared';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { PlacesApi } from './places.api';

/** A country's name (ISO 3166-1 alpha-2 code) in the interface language: `{{ v.nationality | rutaCountry }}`. */
@Pipe({ name: 'rutaCountry', pure: false })
export class CountryNamePipe implements PipeTransform {
  private readonly language = inject(LanguageService);
  private readonly countries = toSignal(inject(PlacesApi).countries$.pipe(catchError(() => of([] as CountryView[]))), { initialValue: [] as CountryView[] });
  private readonly byCode = computed(() => new Map(this.countries().map((c) => [c.code, c])));

  transform(code: string | null | undefined): string {
    if (!code) return '—';
    const country = this.byCode().get(code);
    // Never the bare code while the list is on its way; a code the list lacks is shown as sent.
    if (!country) return this.countries().length ? code : '…';
    return this.language.current() === 'en' ? country.nameEn : country.nameEs;
  }
}
