import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { HOTLINE_CALL_TYPE } from '@ruta/shared';
import { buildCallForm, optionsOf, toContactInput } from './call-form';
import { elapsedText } from './call-timer';
import { csvHeader } from '../import/hotline-import.page';
import { prefilledIntake } from '../detail/call-to-case';

describe('hotline intake form', () => {
  const fb = () => TestBed.inject(NonNullableFormBuilder);

  it('needs the call type and the caller, and starts as a routine phone call', () => {
    const form = buildCallForm(fb());
    expect(form.valid).toBe(false);
    expect(form.controls.channel.value).toBe('phone');
    expect(form.controls.urgency.value).toBe('routine');
    form.patchValue({ callType: 'tip', callerType: 'relative' });
    expect(form.valid).toBe(true);
  });

  it('sends a municipality without its department, no place codes for a place abroad, and the duration from the timer', () => {
    const form = buildCallForm(fb());
    form.patchValue({ callType: 'tip', callerType: 'witness', departmentCode: '76', municipalityCode: '76001', phone: ' 300 555 1234 ', summary: '  ' });
    const start = Date.parse('2026-11-30T10:00:00Z');
    const body = toContactInput(form.getRawValue(), start, start + 95_400);
    expect(body).toMatchObject({ municipalityCode: '76001', phone: '300 555 1234', durationSeconds: 95, startedAt: '2026-11-30T10:00:00.000Z' });
    expect(body).not.toHaveProperty('departmentCode');
    expect(body).not.toHaveProperty('summary');

    form.patchValue({ abroad: true, countryCode: 'EC' });
    const abroad = toContactInput(form.getRawValue(), start, start);
    expect(abroad).toMatchObject({ countryCode: 'EC' });
    expect(abroad).not.toHaveProperty('municipalityCode');
  });

  it('offers the options in the interface language', () => {
    expect(optionsOf(HOTLINE_CALL_TYPE, 'es')[0]).toEqual({ value: 'crisis', label: 'Crisis (actuar en 24 h)' });
    expect(optionsOf(HOTLINE_CALL_TYPE, 'en')[0].label).toBe('Crisis (act within 24 h)');
  });

  it('shows the timer as mm:ss, and h:mm:ss past an hour', () => {
    expect(elapsedText(65_000)).toBe('01:05');
    expect(elapsedText(3_725_000)).toBe('1:02:05');
    expect(elapsedText(-5)).toBe('00:00');
  });

  it('reads a CSV header with quoted names and a BOM', () => {
    expect(csvHeader('\uFEFFfecha,"canal, medio",tipo\r\n2024-01-01,x,y')).toEqual(['fecha', 'canal, medio', 'tipo']);
  });

  it('turns the call into the intake wizard’s draft: hotline source, place, date, indicators and purposes', () => {
    const value = prefilledIntake(fb(), {
      case: { source: 'hotline', scope: 'internal', identifiedOn: '2026-11-30', municipalityCode: '76001' },
      screening: { screenedOn: '2026-11-30', acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'], indicators: [], result: 'needs_more_information' },
      situation: { purposes: ['forced_labour'] },
    });
    expect(value.case).toMatchObject({ source: 'hotline', departmentCode: '76', municipalityCode: '76001', identifiedOn: '2026-11-30' });
    expect(value.screening).toMatchObject({ acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour'], result: 'needs_more_information' });
    expect(value.situation.purposes).toEqual(['forced_labour']);
    expect(value.victim.givenNames).toBe('');
  });
});
