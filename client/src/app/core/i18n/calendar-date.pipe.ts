import { inject, Pipe, PipeTransform } from '@angular/core';
import { LanguageService, LOCALES } from './language.service';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date (`YYYY-MM-DD`, as the API sends birth dates, identification and consent dates) in the interface
 * language: "15 mar 2010" / "Mar 15, 2010". Never shows the ISO form; no time zone shifts the day.
 */
@Pipe({ name: 'rutaDate', pure: false })
export class CalendarDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | null | undefined): string {
    if (!value) return '—';
    const day = value.slice(0, 10);
    if (!CALENDAR_DATE.test(day)) return value;
    return new Intl.DateTimeFormat(LOCALES[this.language.current()], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  }
}
