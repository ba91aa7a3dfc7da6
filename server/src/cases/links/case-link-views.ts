import { CaseLinkView, IncomingLinkRequestView, OutgoingLinkRequestView } from '@ruta/shared';
import { institutionRef } from '@ruta/identity';
import { CaseLinkRequestEntity } from './case-link-request.entity';
import { CaseLinkRow } from './case-link-requests.repository';

export function toOutgoingView(r: CaseLinkRequestEntity): OutgoingLinkRequestView {
  return {
    id: r.id,
    status: r.status,
    matchedOn: r.matchedOn,
    targetInstitution: institutionRef(r.targetInstitution!),
    requestedAt: r.createdAt.toISOString(),
    declineReason: r.declineReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export function toIncomingView(r: CaseLinkRequestEntity, matches: string[], linkedCaseCode: string | null): IncomingLinkRequestView {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    matchedOn: r.matchedOn,
    requestingInstitution: institutionRef(r.requestingInstitution!),
    requestingCaseCode: r.requestingCaseCode,
    requestedAt: r.createdAt.toISOString(),
    matches,
    linkedCaseCode,
    declineReason: r.declineReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export function toLinkView(l: CaseLinkRow): CaseLinkView {
  return { institution: { id: l.institutionId, code: l.institutionCode, name: l.institutionName }, code: l.code, linkedAt: new Date(l.linkedAt).toISOString() };
}
