import { labelled, OptionOf } from '../common/labelled';

/** Why a case goes to another institution. */
export const REFERRAL_PURPOSE = labelled({
  protection: ['Protección', 'Protection'],
  lodging: ['Alojamiento', 'Lodging'],
  health: ['Salud', 'Health'],
  psychosocial: ['Atención psicosocial', 'Psychosocial support'],
  legal: ['Asesoría jurídica', 'Legal advice'],
  documentation: ['Documentación', 'Documentation'],
  investigation: ['Investigación', 'Investigation'],
  prosecution: ['Judicialización', 'Prosecution'],
  return: ['Retorno', 'Return'],
  education_employment: ['Educación y empleo', 'Education and employment'],
  other: ['Otro', 'Other'],
});
export type ReferralPurpose = OptionOf<typeof REFERRAL_PURPOSE>;

/** How fast the receiving institution must answer; each urgency has a response deadline (administrator setting). */
export const REFERRAL_URGENCY = labelled({
  emergency: ['Emergencia', 'Emergency'],
  urgent: ['Urgente', 'Urgent'],
  routine: ['Ordinaria', 'Routine'],
});
export type ReferralUrgency = OptionOf<typeof REFERRAL_URGENCY>;

/** The response deadline of each urgency, in hours, until an administrator changes it: 24 h, 72 h, 10 days. */
export const DEFAULT_REFERRAL_DEADLINE_HOURS: Readonly<Record<ReferralUrgency, number>> = { emergency: 24, urgent: 72, routine: 240 };

/**
 * What of the case the receiving institution sees. `summary` always (code, status, age band, place, forms of
 * exploitation); the rest only when chosen, and identity, situation and documents only under a valid consent for that
 * institution or a recorded legal ground (the consent gate).
 */
export const REFERRAL_SECTION = labelled({
  summary: ['Resumen', 'Summary'],
  identity: ['Identidad', 'Identity'],
  situation: ['Situación de trata', 'Trafficking situation'],
  assistance: ['Asistencia', 'Assistance'],
  documents: ['Documentos', 'Documents'],
});
export type ReferralSection = OptionOf<typeof REFERRAL_SECTION>;

/** Sections that may be shared only under a consent covering the destination (or an override with a legal ground). */
export const CONSENT_GATED_SECTIONS: readonly ReferralSection[] = ['identity', 'situation', 'documents'];

/** Sections that the referral shares beyond the summary: which need the consent gate. */
export function sectionsNeedingConsent(sections: readonly ReferralSection[]): ReferralSection[] {
  return sections.filter((s) => CONSENT_GATED_SECTIONS.includes(s));
}

/** The legal grounds on which data may be shared without consent (Law 1581/2012 art. 10; Law 1098/2006). */
export const REFERRAL_OVERRIDE_GROUND = labelled({
  child_at_risk: ['Niño, niña o adolescente en riesgo', 'Child at risk'],
  imminent_harm: ['Riesgo inminente para la vida', 'Imminent harm to life'],
  court_order: ['Orden judicial', 'Court order'],
});
export type ReferralOverrideGround = OptionOf<typeof REFERRAL_OVERRIDE_GROUND>;

/** Why the receiving institution's access ended before the referral closed. */
export const REFERRAL_ACCESS_END = labelled({
  consent_revoked: ['Consentimiento revocado', 'Consent revoked'],
});
export type ReferralAccessEnd = OptionOf<typeof REFERRAL_ACCESS_END>;

/** Why a receiving institution declines a referral (sent as the move's `reason`; older free-text reasons show as they are). */
export const REFERRAL_DECLINE_REASON = labelled({
  outside_mandate: ['Fuera de la competencia de la institución', 'Outside the institution’s mandate'],
  no_capacity: ['Sin cupo o capacidad disponible', 'No place or capacity available'],
  insufficient_information: ['Información insuficiente', 'Insufficient information'],
  person_declined: ['La persona no acepta la atención', 'The person declines the service'],
  already_served: ['Ya recibe atención de la institución', 'Already served by the institution'],
  wrong_institution: ['Debe remitirse a otra institución', 'Should go to another institution'],
});
export type ReferralDeclineReason = OptionOf<typeof REFERRAL_DECLINE_REASON>;

/** A decline's reason must be one of the closed list (the server answers 400 otherwise). */
export function isReferralDeclineReason(value: string | null | undefined): value is ReferralDeclineReason {
  return !!value && (REFERRAL_DECLINE_REASON.values as readonly string[]).includes(value);
}
