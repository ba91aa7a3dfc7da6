import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { buildEventGroup } from '../trafficking-event-form';
import { buildIntakeForm, IntakeForm, toCreateCaseRequest, toDuplicateCheck } from './intake-form';

function filledForm(): IntakeForm {
  const fb = TestBed.inject(NonNullableFormBuilder);
  const form = buildIntakeForm(fb, '2026-03-10');
  form.controls.case.patchValue({ source: 'police_operation', scope: 'internal', direction: 'inbound', departmentCode: '11', municipalityCode: '11001' });
  form.controls.screening.patchValue({ acts: ['recruitment'], purposes: ['forced_labour'], result: 'possible_victim' });
  form.controls.victim.patchValue({
    givenNames: ' José ',
    familyNames: 'Pérez Ficticio',
    aliases: 'Pepe, El Mono ;',
    sex: 'male',
    birthDate: '1990-05-01',
    estimatedAge: 35,
    nationality: 'co',
    documentType: 'cedula',
    documentNumber: ' 1.020.304 ',
    languages: ['es'],
    shelterLocation: 'Hogar confidencial',
  });
  form.controls.situation.patchValue({ purposes: ['forced_labour'], labourSector: 'agriculture', sexualExploitationType: 'online' });
  const events = form.controls.situation.controls.events;
  events.push(buildEventGroup(fb, { kind: 'recruitment', countryCode: 'CO', departmentCode: '05', municipalityCode: '05001' }));
  events.push(buildEventGroup(fb, { kind: 'exploitation', countryCode: 'PE', departmentCode: '05', city: ' Lima ', startedOn: '2025-01-01' }));
  events.push(buildEventGroup(fb, { kind: 'transit', countryCode: 'CO', departmentCode: '76' }));
  form.controls.consents.at(0).patchValue({ granted: true });
  return form;
}

describe('intake form → create request', () => {
  it('is invalid without source, result, given names and sex; means are never required', () => {
    const form = buildIntakeForm(TestBed.inject(NonNullableFormBuilder), '2026-03-10');
    expect(form.controls.case.controls.source.hasError('required')).toBe(true);
    expect(form.controls.screening.controls.result.hasError('required')).toBe(true);
    expect(form.controls.victim.controls.givenNames.hasError('required')).toBe(true);
    expect(form.controls.screening.controls.means.valid).toBe(true);
    expect(filledForm().valid).toBe(true);
  });

  it('maps every step to the API body, leaving empty optional fields out', () => {
    const request = toCreateCaseRequest(filledForm().getRawValue(), { withShelter: true });
    expect(request.case).toEqual({ source: 'police_operation', scope: 'internal', identifiedOn: '2026-03-10', municipalityCode: '11001' });
    expect(request.screening).toEqual({ screenedOn: '2026-03-10', acts: ['recruitment'], means: [], purposes: ['forced_labour'], indicators: [], result: 'possible_victim' });
    expect(request.victim).toEqual({
      givenNames: 'José',
      familyNames: 'Pérez Ficticio',
      aliases: ['Pepe', 'El Mono'],
      sex: 'male',
      birthDate: '1990-05-01',
      nationality: 'CO',
      documentType: 'cedula',
      documentNumber: '1.020.304',
      languages: ['es'],
      shelterLocation: 'Hogar confidencial',
    });
    expect(request.situation).toEqual({
      purposes: ['forced_labour'],
      labourSector: 'agriculture',
      events: [
        { kind: 'recruitment', countryCode: 'CO', municipalityCode: '05001' },
        { kind: 'exploitation', countryCode: 'PE', city: 'Lima', startedOn: '2025-01-01' },
        { kind: 'transit', countryCode: 'CO', departmentCode: '76' },
      ],
    });
    expect(request.consents).toEqual([{ purpose: 'data_processing', grantedBy: 'self', method: 'written', grantedAt: '2026-03-10' }]);
  });

  it('drops the shelter location for roles that may not record it, and the direction of an internal case', () => {
    const request = toCreateCaseRequest(filledForm().getRawValue(), { withShelter: false });
    expect(request.victim.shelterLocation).toBeUndefined();
    expect(request.case.direction).toBeUndefined();
  });

  it('sends an estimated age only without a birth date', () => {
    const form = filledForm();
    form.controls.victim.patchValue({ birthDate: '', estimatedAge: 16 });
    expect(toCreateCaseRequest(form.getRawValue(), { withShelter: true }).victim).toMatchObject({ estimatedAge: 16 });
  });

  it('asks for duplicates with given and family names plus a document number or a birth date, else not at all', () => {
    const victim = filledForm().controls.victim;
    expect(toDuplicateCheck(victim.getRawValue())).toEqual({ documentNumber: '1.020.304', givenNames: 'José', familyNames: 'Pérez Ficticio', birthDate: '1990-05-01', sex: 'male' });
    victim.patchValue({ documentNumber: '', birthDate: '' });
    expect(toDuplicateCheck(victim.getRawValue())).toBeNull();
    victim.patchValue({ documentNumber: 'AB-1' });
    expect(toDuplicateCheck(victim.getRawValue())).toEqual({ documentNumber: 'AB-1', givenNames: 'José', familyNames: 'Pérez Ficticio', sex: 'male' });
    victim.patchValue({ familyNames: '' });
    expect(toDuplicateCheck(victim.getRawValue())).toBeNull();
  });
});
