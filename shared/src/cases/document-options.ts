import { labelled, OptionOf } from '../common/labelled';

export const CASE_DOCUMENT_KIND = labelled({
  consent_form: ['Formato de consentimiento', 'Consent form'],
  identity_document: ['Documento de identidad', 'Identity document'],
  screening_form: ['Formato de valoración', 'Screening form'],
  medical: ['Soporte médico', 'Medical record'],
  legal: ['Documento jurídico', 'Legal document'],
  photo: ['Fotografía', 'Photograph'],
  other: ['Otro', 'Other'],
});
export type CaseDocumentKind = OptionOf<typeof CASE_DOCUMENT_KIND>;

/** What an uploaded document may be: checked by its first bytes, never by its name. */
export const CASE_DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type CaseDocumentContentType = (typeof CASE_DOCUMENT_CONTENT_TYPES)[number];
export const CASE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
