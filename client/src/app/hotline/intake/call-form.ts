import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { HotlineCallerType, HotlineCallType, HotlineChannel, HotlineContactInput, HotlineUrgency, Labelled, ScreeningAct, ScreeningMeans, ExploitationPurpose } from '@ruta/shared';
import { compact } from '../../cases/compact';
import { TypeaheadOption } from '../../core/forms/option-typeahead';

/** The one-screen intake's model; control names are the API's, so its field errors land on them. */
export function buildCallForm(fb: NonNullableFormBuilder) {
  return fb.group({
    callType: ['' as HotlineCallType | '', Validators.required],
    callerType: ['' as HotlineCallerType | '', Validators.required],
    channel: ['phone' as HotlineChannel | '', Validators.required],
    urgency: ['routine' as HotlineUrgency | '', Validators.required],
    departmentCode: [''],
    municipalityCode: [''],
    abroad: [false],
    countryCode: [''],
    destinationCountryCode: [''],
    purposes: [[] as string[]],
    acts: [[] as string[]],
    means: [[] as string[]],
    childInvolved: [false],
    consentToAuthorities: [false],
    phone: ['', Validators.pattern(/^\+?[0-9 ()-]{6,25}$/)],
    summary: ['', Validators.maxLength(4000)],
  });
}
export type CallForm = ReturnType<typeof buildCallForm>;
export type CallValue = ReturnType<CallForm['getRawValue']>;

/** The form as the body of `POST /api/hotline/contacts`: the call started at `startedAt` and lasted until `now`. */
export function toContactInput(v: CallValue, startedAt: number, now: number): HotlineContactInput {
  return {
    ...(compact({
      departmentCode: v.abroad || v.municipalityCode ? '' : v.departmentCode,
      municipalityCode: v.abroad ? '' : v.municipalityCode,
      countryCode: v.abroad ? v.countryCode : '',
      destinationCountryCode: v.destinationCountryCode,
      summary: v.summary.trim(),
      phone: v.phone.trim(),
    }) as Partial<HotlineContactInput>),
    channel: v.channel as HotlineChannel,
    callerType: v.callerType as HotlineCallerType,
    callType: v.callType as HotlineCallType,
    urgency: v.urgency as HotlineUrgency,
    startedAt: new Date(startedAt).toISOString(),
    durationSeconds: Math.max(0, Math.round((now - startedAt) / 1000)),
    purposes: v.purposes as ExploitationPurpose[],
    acts: v.acts as ScreeningAct[],
    means: v.means as ScreeningMeans[],
    childInvolved: v.childInvolved,
    consentToAuthorities: v.consentToAuthorities,
  };
}

/** A closed list as typeahead options in the interface language. */
export function optionsOf(list: Labelled<string>, language: 'es' | 'en'): TypeaheadOption[] {
  return list.values.map((value) => ({ value, label: list.labels[value][language] }));
}
