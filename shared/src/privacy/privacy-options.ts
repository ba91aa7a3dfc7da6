import { labelled, OptionOf } from '../common/labelled';

/** The kinds of record a retention period applies to (one row each in `privacy_retention_settings`). */
export const RETENTION_RECORD_TYPE = labelled({
  closed_case: ['Caso cerrado', 'Closed case'],
  ruled_out_case: ['Caso descartado (no es víctima)', 'Ruled-out case (not a victim)'],
  hotline_contact: ['Contacto de la línea sin caso', 'Hotline contact without a case'],
});
export type RetentionRecordType = OptionOf<typeof RETENTION_RECORD_TYPE>;

/** Where an item of the retention queue stands. */
export const RETENTION_ITEM_STATUS = labelled({
  pending: ['Pendiente de revisión', 'Awaiting review'],
  postponed: ['Aplazado', 'Postponed'],
  erased: ['Datos retirados', 'Data erased'],
});
export type RetentionItemStatus = OptionOf<typeof RETENTION_ITEM_STATUS>;

/** The legal basis of an erasure request (Law 1581 of 2012). */
export const ERASURE_LEGAL_BASIS = labelled({
  law_1581_art_8: ['Ley 1581 de 2012, art. 8 (derecho a solicitar la supresión)', 'Law 1581 of 2012, art. 8 (right to request erasure)'],
  law_1581_art_15: ['Ley 1581 de 2012, art. 15 (reclamo del titular)', 'Law 1581 of 2012, art. 15 (claim by the data subject)'],
  consent_revoked: ['Revocatoria de la autorización (Ley 1581, art. 8 lit. e)', 'Authorisation revoked (Law 1581, art. 8 (e))'],
});
export type ErasureLegalBasis = OptionOf<typeof ERASURE_LEGAL_BASIS>;

/** Who asked for the erasure. */
export const ERASURE_REQUESTER = labelled({
  data_subject: ['La persona titular de los datos', 'The data subject'],
  legal_representative: ['Su representante legal o apoderado', 'Their legal representative or attorney'],
  guardian: ['Su madre, padre o tutor (menor de edad)', 'Their parent or guardian (a minor)'],
  ombudsman: ['Defensoría del Pueblo o Procuraduría', 'Ombudsman or Inspector General'],
});
export type ErasureRequester = OptionOf<typeof ERASURE_REQUESTER>;

export const ERASURE_STATUS = labelled({
  pending: ['Pendiente de aprobación', 'Awaiting approval'],
  approved: ['Aprobada', 'Approved'],
  refused: ['Rechazada', 'Refused'],
  carried_out: ['Ejecutada', 'Carried out'],
});
export type ErasureStatus = OptionOf<typeof ERASURE_STATUS>;

/** The categories of data that an erasure removes (or keeps); the certificate lists them by these names. */
export const DATA_CATEGORY = labelled({
  victim_identity: ['Identidad de la víctima (nombres, alias, documento, fecha de nacimiento)', "The victim's identity (names, aliases, document, birth date)"],
  victim_profile: ['Datos sensibles del perfil (identidad de género, etnia, discapacidad, situación migratoria, idiomas)', 'Sensitive profile data (gender identity, ethnicity, disability, migration status, languages)'],
  victim_contacts: ['Datos de contacto y ubicación (teléfono, correo, ubicación actual, lugar de acogida)', 'Contact details and whereabouts (phone, e-mail, current location, shelter)'],
  notes: ['Notas del caso y textos libres (seguimientos, medidas, mensajes de remisión)', 'Case notes and free texts (follow-ups, measures, referral messages)'],
  documents: ['Contenido de los documentos cargados', 'Content of the uploaded documents'],
  relatives: ['Identidad de los familiares beneficiarios', 'Identity of the beneficiary relatives'],
  hotline_callers: ['Número y relato de quien llamó a la línea', "The hotline caller's number and account"],
});
export type DataCategory = OptionOf<typeof DATA_CATEGORY>;

/** Why a category is kept rather than erased. */
export const KEEP_GROUND = labelled({
  open_proceeding: [
    'Proceso penal en curso (Ley 906 de 2004): la Fiscalía y el juez necesitan estos datos mientras el proceso siga abierto',
    'Criminal proceeding in progress (Law 906 of 2004): the prosecution and the court need these data while the proceeding is open',
  ],
});
export type KeepGround = OptionOf<typeof KEEP_GROUND>;

/**
 * What is kept after any erasure, by law or for statistics (Law 1581 art. 10 and 17; Law 985 art. 17, the national
 * information system on trafficking): dates, status history, purposes, sex, age band, department, counts.
 */
export const STATISTICS_KEPT = {
  es: 'Se conservan sin identidad: fechas, historial de estados, finalidades de explotación, sexo, rango de edad, nacionalidad, departamento y conteos de remisiones, servicios y procesos, que alimentan las estadísticas oficiales (Ley 985 de 2005, art. 17).',
  en: 'Kept without identity: dates, status history, purposes of exploitation, sex, age band, nationality, department and the counts of referrals, services and proceedings, which feed the official statistics (Law 985 of 2005, art. 17).',
} as const;
