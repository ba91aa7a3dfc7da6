import { labelled, OptionOf } from '../common/labelled';

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
