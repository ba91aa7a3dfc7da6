import { labelled, OptionOf } from '../common/labelled';

/** What kind of police or DAS operation identified the victims. */
/** The direction of a list's order (by date for proceedings and operations, by name for alleged traffickers). */
export const LIST_ORDER = labelled({
  desc: ['Descendente', 'Descending'],
  asc: ['Ascendente', 'Ascending'],
});
export type ListOrder = OptionOf<typeof LIST_ORDER>;

export const OPERATION_TYPE = labelled({
  raid: ['Allanamiento', 'Raid'],
  rescue: ['Rescate', 'Rescue'],
  border_control: ['Control fronterizo', 'Border control'],
  online: ['Operación en línea', 'Online operation'],
  other: ['Otro', 'Other'],
});
export type OperationType = OptionOf<typeof OPERATION_TYPE>;

/** Person or criminal organisation. */
export const TRAFFICKER_KIND = labelled({
  person: ['Persona', 'Person'],
  organisation: ['Organización criminal', 'Criminal organisation'],
});
export type TraffickerKind = OptionOf<typeof TRAFFICKER_KIND>;

/** The part an alleged trafficker played. */
export const TRAFFICKER_ROLE = labelled({
  recruiter: ['Captador', 'Recruiter'],
  transporter: ['Transportador', 'Transporter'],
  harbourer: ['Receptor o acogedor', 'Harbourer'],
  exploiter: ['Explotador', 'Exploiter'],
  financier: ['Financiador', 'Financier'],
  facilitator: ['Facilitador', 'Facilitator'],
  other: ['Otro', 'Other'],
});
export type TraffickerRole = OptionOf<typeof TRAFFICKER_ROLE>;

/** Sex of a defendant, as the indicators count it. */
export const DEFENDANT_SEX = labelled({
  female: ['Mujer', 'Female'],
  male: ['Hombre', 'Male'],
  intersex: ['Intersexual', 'Intersex'],
  unknown: ['Sin información', 'Unknown'],
});
export type DefendantSex = OptionOf<typeof DEFENDANT_SEX>;

/** Offences charged (Colombian Penal Code), with a free "other". */
export const OFFENCE = labelled({
  art_188a: ['Trata de personas (art. 188A)', 'Trafficking in persons (art. 188A)'],
  art_188b: ['Circunstancias de agravación (art. 188B)', 'Aggravating circumstances (art. 188B)'],
  art_188: ['Tráfico de migrantes (art. 188)', 'Migrant smuggling (art. 188)'],
  art_213: ['Inducción a la prostitución (art. 213)', 'Inducement to prostitution (art. 213)'],
  art_213a: ['Proxenetismo con menor de edad (art. 213A)', 'Pimping of a minor (art. 213A)'],
  art_214: ['Constreñimiento a la prostitución (art. 214)', 'Coercion into prostitution (art. 214)'],
  other: ['Otro delito', 'Other offence'],
});
export type Offence = OptionOf<typeof OFFENCE>;

/** Role of a victim in a proceeding. */
export const PROCEEDING_VICTIM_ROLE = labelled({
  victim: ['Víctima', 'Victim'],
  victim_witness: ['Víctima testigo', 'Victim-witness'],
});
export type ProceedingVictimRole = OptionOf<typeof PROCEEDING_VICTIM_ROLE>;

/** Protection measures for victims and witnesses. */
export const PROTECTION_MEASURE = labelled({
  witness_programme: ['Programa de protección a testigos', 'Witness protection programme'],
  identity_reserve: ['Reserva de identidad', 'Identity reserve'],
  police_protection: ['Protección policial', 'Police protection'],
  relocation: ['Reubicación', 'Relocation'],
  remote_testimony: ['Testimonio a distancia', 'Remote testimony'],
  other: ['Otra', 'Other'],
});
export type ProtectionMeasure = OptionOf<typeof PROTECTION_MEASURE>;

/** Hearings of the accusatory procedure. */
export const HEARING_TYPE = labelled({
  control_garantias: ['Control de garantías', 'Judicial review'],
  imputacion: ['Formulación de imputación', 'Charging'],
  medida_aseguramiento: ['Medida de aseguramiento', 'Pre-trial detention'],
  acusacion: ['Formulación de acusación', 'Indictment'],
  preparatoria: ['Audiencia preparatoria', 'Preparatory hearing'],
  juicio_oral: ['Juicio oral', 'Trial'],
  lectura_fallo: ['Lectura de fallo', 'Reading of the judgment'],
  reparacion: ['Incidente de reparación integral', 'Reparation hearing'],
  preacuerdo: ['Verificación de preacuerdo', 'Plea agreement review'],
  other: ['Otra', 'Other'],
});
export type HearingType = OptionOf<typeof HEARING_TYPE>;

/** Who appeals. */
export const APPELLANT = labelled({
  prosecution: ['Fiscalía', 'Prosecution'],
  defence: ['Defensa', 'Defence'],
  victim: ['Representante de víctimas', 'Victims’ counsel'],
  ministerio_publico: ['Ministerio Público', 'Public ministry'],
});
export type Appellant = OptionOf<typeof APPELLANT>;

/** How an appeal was decided. */
export const APPEAL_DECISION = labelled({
  pending: ['Pendiente', 'Pending'],
  confirmed: ['Confirmada', 'Upheld'],
  revoked: ['Revocada', 'Reversed'],
  modified: ['Modificada', 'Modified'],
});
export type AppealDecision = OptionOf<typeof APPEAL_DECISION>;
