import { labelled, OptionOf } from '../common/labelled';

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
