import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { TraffickingEventInput, TraffickingEventKind } from '@ruta/shared';
import { notInFuture } from './calendar-date';
import { compact } from './compact';

export const COLOMBIA = 'CO';

/** One recruitment / transit / exploitation event: a Colombian place (department → municipality) or a country and its city. */
export function buildEventGroup(fb: NonNullableFormBuilder, event?: Partial<TraffickingEventInput>) {
  return fb.group({
    kind: [event?.kind ?? ('recruitment' as TraffickingEventKind)],
    countryCode: [event?.countryCode ?? COLOMBIA],
    departmentCode: [event?.departmentCode ?? (event?.municipalityCode ? event.municipalityCode.slice(0, 2) : '')],
    municipalityCode: [event?.municipalityCode ?? ''],
    city: [event?.city ?? '', Validators.maxLength(120)],
    startedOn: [event?.startedOn ?? '', notInFuture],
    endedOn: [event?.endedOn ?? '', notInFuture],
  });
}
export type EventGroup = ReturnType<typeof buildEventGroup>;
export type EventValue = ReturnType<EventGroup['getRawValue']>;

/** Events as the API takes them: DIVIPOLA codes only in Colombia; the municipality implies the department. */
export function toEventInputs(events: EventValue[]): TraffickingEventInput[] {
  return events.map((e) => {
    const inColombia = e.countryCode === COLOMBIA;
    return compact({
      kind: e.kind,
      countryCode: e.countryCode,
      departmentCode: inColombia && !e.municipalityCode ? e.departmentCode : '',
      municipalityCode: inColombia ? e.municipalityCode : '',
      city: inColombia ? '' : e.city.trim(),
      startedOn: e.startedOn,
      endedOn: e.endedOn,
    }) as TraffickingEventInput;
  });
}
