import { labelled, OptionOf } from '../common/labelled';

export const CASE_SOURCE = labelled({
  hotline: ['Línea gratuita', 'Hotline'],
  police_operation: ['Operativo policial', 'Police operation'],
  self_referral: ['Presentación voluntaria', 'Self-referral'],
  consulate: ['Consulado', 'Consulate'],
  ngo: ['ONG', 'NGO'],
  other_institution: ['Otra institución', 'Other institution'],
  media: ['Medios de comunicación', 'Media'],
});
export type CaseSource = OptionOf<typeof CASE_SOURCE>;

export const CASE_SCOPE = labelled({
  internal: ['Interna', 'Internal'],
  international: ['Externa (internacional)', 'International'],
});
export type CaseScope = OptionOf<typeof CASE_SCOPE>;

/** Only for international cases: inbound to Colombia or outbound from it. */
export const CASE_DIRECTION = labelled({
  inbound: ['Hacia Colombia', 'Inbound'],
  outbound: ['Desde Colombia', 'Outbound'],
});
export type CaseDirection = OptionOf<typeof CASE_DIRECTION>;

/** HTCDS victim trafficking status, decided by an institution. */
export const TRAFFICKING_STATUS = labelled({
  possible: ['Posible víctima', 'Possible victim'],
  confirmed: ['Víctima confirmada', 'Confirmed victim'],
  ruled_out: ['No es víctima', 'Not a victim'],
});
export type TraffickingStatus = OptionOf<typeof TRAFFICKING_STATUS>;

/** CTDC age bands, from the age at identification. */
export const AGE_BAND = labelled({
  '0-8': ['0 a 8 años', '0–8 years'],
  '9-17': ['9 a 17 años', '9–17 years'],
  '18-20': ['18 a 20 años', '18–20 years'],
  '21-23': ['21 a 23 años', '21–23 years'],
  '24-26': ['24 a 26 años', '24–26 years'],
  '27-29': ['27 a 29 años', '27–29 years'],
  '30-38': ['30 a 38 años', '30–38 years'],
  '39-47': ['39 a 47 años', '39–47 years'],
  '48+': ['48 años o más', '48 years or more'],
});
export type AgeBand = OptionOf<typeof AGE_BAND>;
