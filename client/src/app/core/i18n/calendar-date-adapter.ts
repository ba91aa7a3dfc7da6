import { effect, EnvironmentProviders, inject, Injectable, makeEnvironmentProviders } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MatDateFormats } from '@angular/material/core';
import { LanguageService, LOCALES } from './language.service';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What a person types: day/month/year in Spanish (es-CO), month/day/year in English; `/`, `-` or `.` between. */
const TYPED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Material's date picker over calendar dates as the API and the forms hold them (`YYYY-MM-DD` strings, no time zone),
 * shown and typed in the interface language: 15/03/2010 in Spanish (es-CO), 03/15/2010 in English. ISO input is
 * accepted too. Every date field of every screen gets it from `provideCalendarDates()`.
 */
@Injectable()
export class CalendarDateAdapter extends DateAdapter<string> {
  private readonly language = inject(LanguageService);

  constructor() {
    super();
    effect(() => this.setLocale(LOCALES[this.language.current()]));
  }

  private get dayFirst(): boolean {
    return !String(this.locale ?? 'es-CO').startsWith('en');
  }

  private parts(date: string): [number, number, number] {
    const [, y, m, d] = ISO.exec(date) ?? [];
    return [Number(y), Number(m) - 1, Number(d)];
  }

  private intl(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(String(this.locale ?? 'es-CO'), { ...options, timeZone: 'UTC' });
  }

  getYear(date: string): number {
    return this.parts(date)[0];
  }
  getMonth(date: string): number {
    return this.parts(date)[1];
  }
  getDate(date: string): number {
    return this.parts(date)[2];
  }
  getDayOfWeek(date: string): number {
    const [y, m, d] = this.parts(date);
    return new Date(Date.UTC(y, m, d)).getUTCDay();
  }
  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = this.intl({ month: style });
    return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2017, m, 1))));
  }
  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }
  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = this.intl({ weekday: style });
    // 1 January 2017 was a Sunday.
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2017, 0, 1 + i))));
  }
  getYearName(date: string): string {
    return String(this.getYear(date));
  }
  getFirstDayOfWeek(): number {
    return 0;
  }
  getNumDaysInMonth(date: string): number {
    const [y, m] = this.parts(date);
    return new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  }
  clone(date: string): string {
    return date;
  }
  createDate(year: number, month: number, date: number): string {
    const made = new Date(Date.UTC(year, month, date));
    if (made.getUTCMonth() !== month || made.getUTCDate() !== date) throw Error(`Invalid date ${year}-${month + 1}-${date}`);
    return this.fromUtc(made);
  }
  today(): string {
    const now = new Date();
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  parse(value: unknown): string | null {
    if (typeof value !== 'string' || !value.trim()) return null;
    const text = value.trim();
    if (ISO.test(text)) return this.isValid(text) ? text : this.invalid();
    const typed = TYPED.exec(text);
    if (!typed) return this.invalid();
    const [first, second, year] = [Number(typed[1]), Number(typed[2]), Number(typed[3])];
    const [day, month] = this.dayFirst ? [first, second] : [second, first];
    const candidate = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    return this.isValid(candidate) ? candidate : this.invalid();
  }
  format(date: string, displayFormat: unknown): string {
    if (!this.isValid(date)) return '';
    const [y, m, d] = this.parts(date);
    if (displayFormat === 'input') return this.dayFirst ? `${pad(d)}/${pad(m + 1)}/${y}` : `${pad(m + 1)}/${pad(d)}/${y}`;
    return this.intl(displayFormat as Intl.DateTimeFormatOptions).format(new Date(Date.UTC(y, m, d)));
  }
  addCalendarYears(date: string, years: number): string {
    return this.addCalendarMonths(date, years * 12);
  }
  addCalendarMonths(date: string, months: number): string {
    const [y, m, d] = this.parts(date);
    const target = new Date(Date.UTC(y, m + months, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d, last));
    return this.fromUtc(target);
  }
  addCalendarDays(date: string, days: number): string {
    const [y, m, d] = this.parts(date);
    return this.fromUtc(new Date(Date.UTC(y, m, d + days)));
  }
  toIso8601(date: string): string {
    return date;
  }
  isDateInstance(value: unknown): boolean {
    return typeof value === 'string' && ISO.test(value);
  }
  isValid(date: string): boolean {
    if (!ISO.test(date)) return false;
    const [y, m, d] = this.parts(date);
    const made = new Date(Date.UTC(y, m, d));
    return made.getUTCFullYear() === y && made.getUTCMonth() === m && made.getUTCDate() === d;
  }
  invalid(): string {
    return 'invalid-date';
  }
  /** The forms' empty value is '' (no date): not an invalid one. */
  override deserialize(value: unknown): string | null {
    if (value === '' || value === null || value === undefined) return null;
    return typeof value === 'string' && this.isValid(value) ? value : this.invalid();
  }

  private fromUtc(date: Date): string {
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  }
}

export const CALENDAR_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: 'input' },
  display: {
    dateInput: 'input',
    monthLabel: { month: 'short' },
    monthYearLabel: { month: 'short', year: 'numeric' },
    dateA11yLabel: { day: 'numeric', month: 'long', year: 'numeric' },
    monthYearA11yLabel: { month: 'long', year: 'numeric' },
  },
};

/** Date pickers in the user's language over `YYYY-MM-DD` values (app config and component specs). */
export function provideCalendarDates(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: DateAdapter, useClass: CalendarDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: CALENDAR_DATE_FORMATS },
  ]);
}
