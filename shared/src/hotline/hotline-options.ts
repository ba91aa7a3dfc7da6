import { labelled, OptionOf } from '../common/labelled';

/** How the contact reached the hotline. */
export const HOTLINE_CHANNEL = labelled({
  phone: ['Teléfono', 'Phone'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
  email: ['Correo electrónico', 'E-mail'],
  web_form: ['Formulario web', 'Web form'],
  walk_in: ['Presencial', 'Walk-in'],
});
export type HotlineChannel = OptionOf<typeof HOTLINE_CHANNEL>;

/** Who is calling. */
export const HOTLINE_CALLER_TYPE = labelled({
  possible_victim: ['Posible víctima', 'Possible victim'],
  relative: ['Familiar', 'Relative'],
  witness: ['Testigo', 'Witness'],
  institution: ['Institución', 'Institution'],
  anonymous: ['Anónimo', 'Anonymous'],
});
export type HotlineCallerType = OptionOf<typeof HOTLINE_CALLER_TYPE>;

/** What the call is (DOMAIN.md). A crisis must be acted upon within 24 hours. */
export const HOTLINE_CALL_TYPE = labelled({
  crisis: ['Crisis (actuar en 24 h)', 'Crisis (act within 24 h)'],
  tip: ['Denuncia o información sobre un caso', 'Tip'],
  referral_request: ['Solicitud de asistencia o remisión', 'Request for assistance or referral'],
  information: ['Información u orientación', 'Information or orientation'],
  training: ['Capacitación', 'Training'],
  not_relevant: ['No pertinente o silenciosa', 'Not relevant or silent'],
});
export type HotlineCallType = OptionOf<typeof HOTLINE_CALL_TYPE>;

export const HOTLINE_URGENCY = labelled({
  emergency: ['Emergencia', 'Emergency'],
  urgent: ['Urgente', 'Urgent'],
  routine: ['Ordinaria', 'Routine'],
});
export type HotlineUrgency = OptionOf<typeof HOTLINE_URGENCY>;

/** What became of the contact. */
export const HOTLINE_OUTCOME = labelled({
  information_only: ['Solo información', 'Information only'],
  tip_sent: ['Denuncia enviada a Policía o Fiscalía', 'Tip sent to police or Fiscalía'],
  referral: ['Remisión para asistencia', 'Referral for assistance'],
  new_case: ['Caso nuevo', 'New case'],
  linked_case: ['Vinculado a un caso existente', 'Linked to an existing case'],
});
export type HotlineOutcome = OptionOf<typeof HOTLINE_OUTCOME>;

/**
 * The exceptions to the consent rule for reports to authorities (Law 985, Law 1098 for children): a child at risk or
 * imminent harm. Either one must be recorded as the ground when the caller did not consent.
 */
export const HOTLINE_REPORT_GROUND = labelled({
  child_at_risk: ['Niño, niña o adolescente en riesgo', 'Child at risk'],
  imminent_harm: ['Daño inminente', 'Imminent harm'],
});
export type HotlineReportGround = OptionOf<typeof HOTLINE_REPORT_GROUND>;

/** Columns a historical call log can be mapped to. */
export const HOTLINE_IMPORT_FIELDS = ['startedAt', 'durationSeconds', 'channel', 'callerType', 'callType', 'departmentCode', 'municipalityCode', 'countryCode', 'purposes', 'urgency', 'summary', 'consentToAuthorities', 'phone'] as const;
export type HotlineImportField = (typeof HOTLINE_IMPORT_FIELDS)[number];

export const HOTLINE_IMPORT_STATUS = labelled({
  pending: ['En espera', 'Waiting'],
  running: ['En curso', 'Running'],
  done: ['Terminada', 'Done'],
  failed: ['Fallida', 'Failed'],
});
export type HotlineImportStatus = OptionOf<typeof HOTLINE_IMPORT_STATUS>;
