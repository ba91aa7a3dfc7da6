import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { provideCalendarDates } from './calendar-date-adapter';
import { provideTestI18n } from './i18n.testing';
import { LanguageService } from './language.service';

describe('CalendarDateAdapter', () => {
  function adapter(language: 'es' | 'en') {
    TestBed.configureTestingModule({ providers: [provideTestI18n(language), provideCalendarDates()] });
    const dates = TestBed.inject(DateAdapter) as DateAdapter<string>;
    TestBed.inject(LanguageService).apply(language);
    TestBed.tick();
    return dates;
  }

  it('shows and reads day/month/year in Spanish (es-CO), with month names in Spanish', () => {
    const dates = adapter('es');
    expect(dates.format('2010-03-15', 'input')).toBe('15/03/2010');
    expect(dates.parse('15/03/2010', 'input')).toBe('2010-03-15');
    expect(dates.parse('5-3-2010', 'input')).toBe('2010-03-05');
    expect(dates.getMonthNames('long')[2]).toBe('marzo');
    expect(dates.format('2010-03-15', { day: 'numeric', month: 'long', year: 'numeric' })).toBe('15 de marzo de 2010');
  });

  it('shows and reads month/day/year in English', () => {
    const dates = adapter('en');
    expect(dates.format('2010-03-15', 'input')).toBe('03/15/2010');
    expect(dates.parse('03/15/2010', 'input')).toBe('2010-03-15');
    expect(dates.getMonthNames('long')[2]).toBe('March');
  });

  it('accepts ISO, refuses impossible days, and keeps an empty field empty rather than invalid', () => {
    const dates = adapter('es');
    expect(dates.parse('2010-03-15', 'input')).toBe('2010-03-15');
    expect(dates.isValid(dates.parse('31/02/2010', 'input')!)).toBe(false);
    expect(dates.parse('', 'input')).toBeNull();
    expect(dates.deserialize('')).toBeNull();
    expect(dates.addCalendarMonths('2010-01-31', 1)).toBe('2010-02-28');
    expect(dates.addCalendarDays('2010-12-31', 1)).toBe('2011-01-01');
    expect(dates.getDayOfWeek('2026-12-01')).toBe(2);
  });
});
