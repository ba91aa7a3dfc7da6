import { labelled, OptionOf } from '../common/labelled';
import { InstitutionRef } from '../common/refs';
import { DuplicateMatch } from './duplicates-api';

export const LINK_REQUEST_STATUS = labelled({
  pending: ['Pendiente', 'Pending'],
  accepted: ['Aceptada', 'Accepted'],
  declined: ['Rechazada', 'Declined'],
});
export type LinkRequestStatus = OptionOf<typeof LINK_REQUEST_STATUS>;

/** Why an institution declines to link: a closed list, so that no free text about a person travels between scopes. */
export const LINK_DECLINE_REASON = labelled({
  not_same_person: ['No es la misma persona', 'Not the same person'],
  insufficient_information: ['Información insuficiente', 'Insufficient information'],
  legal_restriction: ['Restricción legal (reserva)', 'Legal restriction (reserve)'],
  other: ['Otro motivo', 'Other reason'],
});
export type LinkDeclineReason = OptionOf<typeof LINK_DECLINE_REASON>;

/** Ask the institution that holds a possible duplicate to link it with this case. */
export interface CreateLinkRequest {
  institutionId: string;
  matchedOn: DuplicateMatch;
}

/** Accept: the target institution names which of its own matching cases is the same person. */
export interface AcceptLinkRequest {
  version: number;
  caseCode: string;
}

export interface DeclineLinkRequest {
  version: number;
  reason: LinkDeclineReason;
}

/** A request as the institution it was sent to sees it: the requester's code, and only its own matching cases. */
export interface IncomingLinkRequestView {
  id: string;
  version: number;
  status: LinkRequestStatus;
  matchedOn: DuplicateMatch;
  requestingInstitution: InstitutionRef;
  requestingCaseCode: string;
  requestedAt: string;
  /** The target institution's own cases that match, that the user can see; resolved server-side. */
  matches: string[];
  /** When accepted: the own case it was linked to. */
  linkedCaseCode: string | null;
  declineReason: LinkDeclineReason | null;
  decidedAt: string | null;
}

/** A request as the requesting case shows it: the institution asked, never the other case. */
export interface OutgoingLinkRequestView {
  id: string;
  status: LinkRequestStatus;
  matchedOn: DuplicateMatch;
  targetInstitution: InstitutionRef;
  requestedAt: string;
  declineReason: LinkDeclineReason | null;
  decidedAt: string | null;
}

/** "Linked to a case at institution X": the other code only when the user's scope already reaches that case. */
export interface CaseLinkView {
  institution: InstitutionRef;
  code: string | null;
  linkedAt: string;
}

export interface CaseLinksView {
  links: CaseLinkView[];
  requests: OutgoingLinkRequestView[];
}
