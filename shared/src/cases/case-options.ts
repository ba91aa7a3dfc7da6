import { labelled, OptionOf } from './labelled';

/** Case status machine (DOMAIN.md). Transitions live in `CASE_TRANSITIONS`. */
export const CASE_STATUS = labelled({
  received: ['Recibido', 'Received'],
  screening: ['En valoración', 'Screening'],
  ruled_out: ['Descartado', 'Ruled out'],
  immediate_assistance: ['Asistencia inmediata', 'Immediate assistance'],
  medium_term_assistance: ['Asistencia mediata', 'Medium-term assistance'],
  follow_up: ['Seguimiento', 'Follow-up'],
  closed: ['Cerrado', 'Closed'],
  suspended: ['Suspendido', 'Suspended'],
});
export type CaseStatus = OptionOf<typeof CASE_STATUS>;

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

export const CLOSE_REASON = labelled({
  assistance_completed: ['Asistencia culminada', 'Assistance completed'],
  referred_elsewhere: ['Cerrado y remitido', 'Closed and referred'],
  victim_declined: ['La víctima desiste', 'Victim declined'],
  victim_unreachable: ['Sin contacto con la víctima', 'Victim unreachable'],
  not_a_victim: ['No es víctima', 'Not a victim'],
  duplicate: ['Caso duplicado', 'Duplicate case'],
  deceased: ['Fallecimiento', 'Deceased'],
  other: ['Otro', 'Other'],
});
export type CloseReason = OptionOf<typeof CLOSE_REASON>;

export const SUSPENSION_REASON = labelled({
  victim_unreachable: ['Sin contacto con la víctima', 'Victim unreachable'],
  victim_request: ['Solicitud de la víctima', 'Victim request'],
  security_risk: ['Riesgo de seguridad', 'Security risk'],
  other: ['Otro', 'Other'],
});
export type SuspensionReason = OptionOf<typeof SUSPENSION_REASON>;

/**
 * Allowed moves of the case status machine. Suspension returns to the status it left (`statusBeforeSuspension`);
 * a closed case can be reopened. No transition ever requires a complaint or a prosecution (C-470/2016).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['screening', 'immediate_assistance', 'suspended', 'closed'],
  screening: ['ruled_out', 'immediate_assistance', 'suspended', 'closed'],
  ruled_out: ['screening', 'closed'],
  immediate_assistance: ['medium_term_assistance', 'follow_up', 'suspended', 'closed'],
  medium_term_assistance: ['follow_up', 'suspended', 'closed'],
  follow_up: ['medium_term_assistance', 'suspended', 'closed'],
  suspended: [],
  closed: ['screening', 'follow_up'],
};

/** Colombian Penal Code art. 188A purposes of exploitation, mapped to HTCDS/CTDC types. */
export const EXPLOITATION_PURPOSE = labelled({
  sexual_exploitation: ['Explotación sexual', 'Sexual exploitation'],
  forced_labour: ['Trabajos o servicios forzados', 'Forced labour'],
  slavery: ['Esclavitud o prácticas análogas', 'Slavery and similar practices'],
  servitude: ['Servidumbre (incl. doméstica)', 'Servitude (incl. domestic)'],
  forced_begging: ['Mendicidad ajena', 'Forced begging'],
  servile_marriage: ['Matrimonio servil', 'Servile marriage'],
  organ_removal: ['Extracción de órganos', 'Organ removal'],
  sex_tourism: ['Turismo sexual', 'Sex tourism'],
  forced_recruitment: ['Reclutamiento forzado por grupos armados', 'Forced recruitment by armed groups'],
  other: ['Otra forma de explotación', 'Other'],
});
export type ExploitationPurpose = OptionOf<typeof EXPLOITATION_PURPOSE>;

/** CTDC labour sectors. */
export const LABOUR_SECTOR = labelled({
  agriculture: ['Agricultura', 'Agriculture'],
  aquafarming: ['Pesca y acuicultura', 'Aquafarming'],
  begging: ['Mendicidad', 'Begging'],
  construction: ['Construcción', 'Construction'],
  domestic_work: ['Trabajo doméstico', 'Domestic work'],
  hospitality: ['Hotelería y restaurantes', 'Hospitality'],
  illicit_activities: ['Actividades ilícitas', 'Illicit activities'],
  manufacturing: ['Manufactura', 'Manufacturing'],
  mining_or_drilling: ['Minería o perforación', 'Mining or drilling'],
  peddling: ['Ventas ambulantes', 'Peddling'],
  transportation: ['Transporte', 'Transportation'],
  other: ['Otro', 'Other'],
});
export type LabourSector = OptionOf<typeof LABOUR_SECTOR>;

export const SEXUAL_EXPLOITATION_TYPE = labelled({
  prostitution: ['Prostitución ajena', 'Prostitution'],
  pornography: ['Pornografía', 'Pornography'],
  sex_tourism: ['Turismo sexual', 'Sex tourism'],
  online: ['Explotación en línea (webcam)', 'Online (webcam)'],
  other: ['Otro', 'Other'],
});
export type SexualExploitationType = OptionOf<typeof SEXUAL_EXPLOITATION_TYPE>;

/** CTDC means of control. Recorded for comparability; Colombian law (188A) never requires them. */
export const MEANS_OF_CONTROL = labelled({
  debt_bondage: ['Servidumbre por deudas', 'Debt bondage'],
  takes_earnings: ['Retiene las ganancias', 'Takes earnings'],
  restricts_financial_access: ['Restringe el acceso financiero', 'Restricts financial access'],
  threats: ['Amenazas', 'Threats'],
  psychological_abuse: ['Abuso psicológico', 'Psychological abuse'],
  physical_abuse: ['Abuso físico', 'Physical abuse'],
  sexual_abuse: ['Abuso sexual', 'Sexual abuse'],
  false_promises: ['Falsas promesas', 'False promises'],
  psychoactive_substances: ['Sustancias psicoactivas', 'Psychoactive substances'],
  restricts_movement: ['Restringe la movilidad', 'Restricts movement'],
  restricts_medical_care: ['Restringe la atención médica', 'Restricts medical care'],
  excessive_working_hours: ['Jornadas excesivas', 'Excessive working hours'],
  uses_children: ['Utiliza a niños', 'Uses children'],
  threat_of_law_enforcement: ['Amenaza con las autoridades', 'Threat of law enforcement'],
  withholds_necessities: ['Priva de lo necesario', 'Withholds necessities'],
  withholds_documents: ['Retiene documentos', 'Withholds documents'],
  other: ['Otro', 'Other'],
});
export type MeansOfControl = OptionOf<typeof MEANS_OF_CONTROL>;

export const RECRUITER_RELATION = labelled({
  intimate_partner: ['Pareja', 'Intimate partner'],
  friend: ['Amistad', 'Friend'],
  family: ['Familiar', 'Family'],
  other: ['Otro', 'Other'],
  unknown: ['Desconocido', 'Unknown'],
});
export type RecruiterRelation = OptionOf<typeof RECRUITER_RELATION>;

export const RECRUITMENT_METHOD = labelled({
  job_offer: ['Oferta de empleo', 'Job offer'],
  study_offer: ['Oferta de estudio', 'Study offer'],
  romantic_relationship: ['Relación sentimental', 'Romantic relationship'],
  online: ['Redes sociales o internet', 'Online / social media'],
  agency: ['Agencia de empleo o modelaje', 'Employment or modelling agency'],
  abduction: ['Secuestro o rapto', 'Abduction'],
  family_arrangement: ['Acuerdo familiar', 'Family arrangement'],
  other: ['Otro', 'Other'],
});
export type RecruitmentMethod = OptionOf<typeof RECRUITMENT_METHOD>;

export const TRAFFICKING_EVENT_KIND = labelled({
  recruitment: ['Captación', 'Recruitment'],
  transit: ['Traslado', 'Transit'],
  exploitation: ['Explotación', 'Exploitation'],
});
export type TraffickingEventKind = OptionOf<typeof TRAFFICKING_EVENT_KIND>;

/** Palermo Protocol art. 3 checklist: act. */
export const SCREENING_ACT = labelled({
  recruitment: ['Captación', 'Recruitment'],
  transport: ['Transporte', 'Transportation'],
  transfer: ['Traslado', 'Transfer'],
  harbouring: ['Acogida', 'Harbouring'],
  receipt: ['Recepción', 'Receipt'],
});
export type ScreeningAct = OptionOf<typeof SCREENING_ACT>;

/** Palermo means. Never required: 188A has no means element, and children need none. */
export const SCREENING_MEANS = labelled({
  threat: ['Amenaza', 'Threat'],
  force: ['Uso de la fuerza', 'Use of force'],
  coercion: ['Coacción', 'Coercion'],
  abduction: ['Rapto', 'Abduction'],
  fraud: ['Fraude', 'Fraud'],
  deception: ['Engaño', 'Deception'],
  abuse_of_power: ['Abuso de poder', 'Abuse of power'],
  abuse_of_vulnerability: ['Abuso de situación de vulnerabilidad', 'Abuse of a position of vulnerability'],
  payments: ['Pagos o beneficios a quien tiene autoridad', 'Giving payments or benefits'],
});
export type ScreeningMeans = OptionOf<typeof SCREENING_MEANS>;

export const SCREENING_INDICATOR = labelled({
  no_identity_documents: ['No tiene sus documentos', 'Lacks own identity documents'],
  debt_to_employer: ['Deuda con el empleador', 'Owes a debt to employer'],
  restricted_movement: ['No puede salir libremente', 'Cannot move freely'],
  signs_of_violence: ['Señales de violencia', 'Signs of violence'],
  fear_or_anxiety: ['Miedo o ansiedad', 'Fear or anxiety'],
  unpaid_or_underpaid: ['Sin pago o pago mínimo', 'Unpaid or underpaid'],
  deceived_about_work: ['Engaño sobre el trabajo', 'Deceived about the work'],
  lives_at_workplace: ['Vive en el lugar de trabajo', 'Lives at the workplace'],
  isolated: ['Aislamiento', 'Isolation'],
  minor_working: ['Menor de edad trabajando', 'Minor working'],
});
export type ScreeningIndicator = OptionOf<typeof SCREENING_INDICATOR>;

export const SCREENING_RESULT = labelled({
  possible_victim: ['Posible víctima de trata', 'Possible trafficking victim'],
  not_a_victim: ['No es víctima de trata', 'Not a trafficking victim'],
  needs_more_information: ['Requiere más información', 'Needs more information'],
});
export type ScreeningResult = OptionOf<typeof SCREENING_RESULT>;

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
