import type { Response } from 'express';
import { AccessChangeRequestView, AccessChangeSummary, InstitutionRef, RoleAccess } from '@ruta/shared';

/** What a role or user change comes to: applied at once, or filed for a second administrator (four eyes). */
export type AccessChangeOutcome<T> = { applied: T } | { pending: AccessChangeRequestView };

export function applied<T>(value: T): AccessChangeOutcome<T> {
  return { applied: value };
}

export function pending<T>(request: AccessChangeRequestView): AccessChangeOutcome<T> {
  return { pending: request };
}

/** The four-eyes request a change was approved through, named in the audit event of the applied change. */
export interface ApprovalContext {
  requestId: string;
}

export function approvalDetails(approval?: ApprovalContext): Record<string, unknown> {
  return approval ? { approvalRequestId: approval.requestId } : {};
}

/** The HTTP answer: the applied result with the route's own status, or 202 Accepted with the request and where it lives. */
export function respond<T>(response: Response, outcome: AccessChangeOutcome<T>): T | AccessChangeRequestView {
  if ('applied' in outcome) return outcome.applied;
  response.status(202).location(`/api/access-requests/${outcome.pending.id}`);
  return outcome.pending;
}

/** How a role appears in a request's summary (as it would be after the change). */
export function roleSummary(role: RoleAccess & { code: string; nameEs: string; nameEn: string }): AccessChangeSummary['role'] {
  return { code: role.code, nameEs: role.nameEs, nameEn: role.nameEn, scope: role.scope, requiresMfa: role.requiresMfa, permissions: [...role.permissions].sort() };
}

export function userSummary(user: { name: string; email: string }, institution: InstitutionRef): NonNullable<AccessChangeSummary['user']> {
  return { name: user.name, email: user.email.toLowerCase(), institution: { id: institution.id, code: institution.code, name: institution.name } };
}
