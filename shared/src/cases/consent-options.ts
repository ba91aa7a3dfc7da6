import { labelled, OptionOf } from '../common/labelled';

/** Law 1581/2012: consent is purpose-bound. */
export const CONSENT_PURPOSE = labelled({
  data_processing: ['Tratamiento de datos personales', 'Personal data processing'],
  services: ['Recibir servicios de asistencia', 'Receiving assistance services'],
  sharing: ['Compartir información con una institución', 'Sharing with a named institution'],
  contact_authorities: ['Contacto con autoridades', 'Contact with authorities'],
  anonymous_statistics: ['Estadísticas anónimas', 'Anonymous statistics'],
});
export type ConsentPurpose = OptionOf<typeof CONSENT_PURPOSE>;

export const CONSENT_GRANTED_BY = labelled({
  self: ['La víctima', 'The victim'],
  guardian: ['Representante legal', 'Legal guardian'],
  icbf: ['ICBF (defensor de familia)', 'ICBF (family ombudsman)'],
});
export type ConsentGrantedBy = OptionOf<typeof CONSENT_GRANTED_BY>;

export const CONSENT_METHOD = labelled({
  written: ['Escrito firmado', 'Signed in writing'],
  verbal: ['Verbal, con testigo', 'Verbal, witnessed'],
  digital: ['Digital', 'Digital'],
});
export type ConsentMethod = OptionOf<typeof CONSENT_METHOD>;
