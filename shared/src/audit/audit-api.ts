import { PageQuery } from '../common/paging';

export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'login_locked',
  'logout',
  'mfa_verified',
  'mfa_failed',
  'mfa_enrolled',
  'password_changed',
  'password_reset',
  'access_denied',
  'create',
  /** Alert: one user ran an unusual burst of duplicate checks (a possible probe of other institutions' cases). */
  'duplicate_check_burst',
  'read',
  'update',
  'delete',
  'export',
  'search',
  'transition',
  'change_requested',
  'change_approved',
  'change_refused',
  'change_cancelled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorInstitutionCode: string | null;
  actorRole: string | null;
  action: AuditAction;
  entityType: string | null;
  entityId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery extends PageQuery {
  userId?: string;
  entityType?: string;
  entityId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

export interface AuditVerifyResponse {
  ok: boolean;
  /** Events whose seal was recomputed and matched. */
  checked: number;
  /** Events written but not yet sealed (sealing runs every second). */
  unsealed: number;
  /** First event where the chain breaks, when it does. */
  brokenAt?: { eventId: string; reason: 'hash_mismatch' | 'missing_event' | 'chain_gap' };
}
