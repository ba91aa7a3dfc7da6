import { inject, Pipe, PipeTransform } from '@angular/core';
import { LanguageService, LOCALES } from './language.service';

/**
 * A moment (an ISO timestamp from the API: when a note was written, a status changed) in the interface language and
 * the user's time zone: "4 mar 2026, 5:00 a. m." / "Mar 4, 2026, 5:00 AM". Never shows the ISO form.
 */
@Pipe({ name: 'rutaDateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | null | undefined): string {
    if (!value) return '—';
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return '—';
    return new Intl.DateTimeFormat(LOCALES[this.language.current()], { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  }
}
