import { labelled, OptionOf } from '../common/labelled';

/** The two phases of Law 985 art. 7 and Decree 1069/2014. */
export const ASSISTANCE_PHASE = labelled({
  immediate: ['Asistencia inmediata', 'Immediate assistance'],
  medium_term: ['Asistencia mediata', 'Medium-term assistance'],
});
export type AssistancePhase = OptionOf<typeof ASSISTANCE_PHASE>;

export const SERVICE_CATEGORY = labelled({
  lodging: ['Alojamiento', 'Lodging'],
  medical: ['Atención médica', 'Medical care'],
  psychosocial: ['Atención psicosocial', 'Psychosocial support'],
  material_kit: ['Kit de ayuda material', 'Material aid kit'],
  legal_advice: ['Asesoría jurídica', 'Legal advice'],
  documentation: ['Documentación', 'Documentation'],
  transport: ['Transporte', 'Transport'],
  return_repatriation: ['Retorno o repatriación', 'Return or repatriation'],
  security: ['Seguridad', 'Security'],
  education: ['Educación', 'Education'],
  job_training: ['Formación para el trabajo', 'Job training'],
  income_generation: ['Generación de ingresos', 'Income generation'],
  reintegration: ['Reintegración', 'Reintegration'],
  family_reunification: ['Reunificación familiar', 'Family reunification'],
});
export type ServiceCategory = OptionOf<typeof SERVICE_CATEGORY>;

export const SERVICE_STATUS = labelled({
  planned: ['Planeado', 'Planned'],
  in_progress: ['En curso', 'In progress'],
  delivered: ['Prestado', 'Delivered'],
  declined: ['Rechazado por la víctima', 'Declined by the victim'],
  cancelled: ['Cancelado', 'Cancelled'],
});
export type ServiceStatus = OptionOf<typeof SERVICE_STATUS>;

/** Who receives a service: the victim, or a first-degree relative, spouse or partner (a beneficiary participant). */
export const SERVICE_BENEFICIARY = labelled({
  victim: ['Víctima', 'Victim'],
  parent: ['Padre o madre', 'Parent'],
  child: ['Hijo o hija', 'Child'],
  sibling: ['Hermano o hermana', 'Sibling'],
  spouse: ['Cónyuge', 'Spouse'],
  partner: ['Compañero o compañera permanente', 'Permanent partner'],
});
export type ServiceBeneficiary = OptionOf<typeof SERVICE_BENEFICIARY>;

/** A beneficiary relative's relation to the victim: first degree, spouse or permanent partner (the services' beneficiaries). */
export type ParticipantRelation = Exclude<ServiceBeneficiary, 'victim'>;
export const PARTICIPANT_RELATIONS: readonly ParticipantRelation[] = ['parent', 'child', 'sibling', 'spouse', 'partner'];

export const RISK_LEVEL = labelled({
  low: ['Bajo', 'Low'],
  medium: ['Medio', 'Medium'],
  high: ['Alto', 'High'],
  extreme: ['Extremo', 'Extreme'],
});
export type RiskLevel = OptionOf<typeof RISK_LEVEL>;

/** Levels that alert the supervisor and suggest a protection referral. */
export const ALERTING_RISK_LEVELS: readonly RiskLevel[] = ['high', 'extreme'];

export const RISK_THREAT = labelled({
  traffickers: ['Amenazas de los tratantes', 'Threats from the traffickers'],
  family: ['Riesgo en la familia', 'Risk from family'],
  community: ['Riesgo en la comunidad', 'Risk from the community'],
  self_harm: ['Autolesión', 'Self-harm'],
  re_trafficking: ['Nueva captación', 'Re-trafficking'],
  health: ['Salud', 'Health'],
  migration: ['Situación migratoria', 'Migration status'],
  other: ['Otra', 'Other'],
});
export type RiskThreat = OptionOf<typeof RISK_THREAT>;

export const RISK_ASSESSMENT_KIND = labelled({
  initial: ['Inicial', 'Initial'],
  periodic: ['Periódica', 'Periodic'],
});
export type RiskAssessmentKind = OptionOf<typeof RISK_ASSESSMENT_KIND>;

export const FOLLOW_UP_CHANNEL = labelled({
  in_person: ['Presencial', 'In person'],
  phone: ['Teléfono', 'Phone'],
  video: ['Videollamada', 'Video call'],
  message: ['Mensaje', 'Message'],
  home_visit: ['Visita domiciliaria', 'Home visit'],
});
export type FollowUpChannel = OptionOf<typeof FOLLOW_UP_CHANNEL>;

export const FOLLOW_UP_OUTCOME = labelled({
  reached: ['Contacto logrado', 'Reached'],
  not_reached: ['Sin contacto', 'Not reached'],
  needs_action: ['Requiere acción', 'Needs action'],
});
export type FollowUpOutcome = OptionOf<typeof FOLLOW_UP_OUTCOME>;

export const CLOSURE_REASON = labelled({
  reintegrated: ['Reintegrada', 'Reintegrated'],
  returned: ['Retornó a su país de origen', 'Returned to country of origin'],
  lost_contact: ['Se perdió el contacto', 'Lost contact'],
  declined: ['Desistió de la asistencia', 'Declined further assistance'],
  transferred: ['Trasladada a otra entidad', 'Transferred'],
  deceased: ['Fallecimiento', 'Deceased'],
  other: ['Otro', 'Other'],
});
export type ClosureReason = OptionOf<typeof CLOSURE_REASON>;

export const CLOSURE_STATUS = labelled({
  pending: ['Pendiente de aprobación', 'Awaiting approval'],
  approved: ['Aprobado', 'Approved'],
  rejected: ['Rechazado', 'Rejected'],
});
export type ClosureStatus = OptionOf<typeof CLOSURE_STATUS>;

export const ASSISTANCE_ALERT_KIND = labelled({
  high_risk: ['Riesgo alto o extremo', 'High or extreme risk'],
  phase_overdue: ['Fase vencida', 'Phase overdue'],
  closure_requested: ['Cierre por aprobar', 'Closure to approve'],
  closure_decided: ['Cierre decidido', 'Closure decided'],
});
export type AssistanceAlertKind = OptionOf<typeof ASSISTANCE_ALERT_KIND>;
