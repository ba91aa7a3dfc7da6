import { PageQuery } from '../common/paging';
import { AuditEntityType } from './audit-entity-types';

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
  entityType: AuditEntityType | null;
  entityId: string | null;
  /** The case's pseudonymous code when the event is about a case (the screen shows it instead of the id). */
  entityCode: string | null;
  outcome: 'success' | 'denied' | 'failure';
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery extends PageQuery {
  userId?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

/** Why the chain inside the database does not hold together. */
export const AUDIT_CHAIN_BREAKS = ['hash_mismatch', 'missing_event', 'chain_gap'] as const;
export type AuditChainBreak = (typeof AUDIT_CHAIN_BREAKS)[number];

/**
 * Why the chain disagrees with the anchor file kept outside the database: a seal no longer has the hash it was
 * anchored with (rewritten and re-sealed), an anchored seal no longer exists (truncated), or a line of the file is not
 * one Ruta wrote (its MAC does not verify).
 */
export const AUDIT_ANCHOR_BREAKS = ['anchor_mismatch', 'anchor_missing', 'anchor_invalid'] as const;
export type AuditAnchorBreak = (typeof AUDIT_ANCHOR_BREAKS)[number];

/** One exported chain head: seal `seq` (event `eventId`) had hash `hash`, `events` events were sealed, at `at`. */
export interface AuditAnchorView {
  seq: string;
  eventId: string;
  hash: string;
  events: number;
  at: string;
}

export interface AuditAnchorReport {
  /** Anchor lines compared with the seals they name. */
  checked: number;
  /** The anchor with the highest seal number, if the file has any. */
  newest: AuditAnchorView | null;
  /**
   * The anchor the chain disagrees with, when it does (`line` is its line in the file): the lowest seal that no longer
   * matches, else the newest anchored seal that no longer exists, else the first line that is not a valid anchor.
   */
  brokenAt?: { line: number; seq: string | null; eventId: string | null; reason: AuditAnchorBreak };
}

export interface AuditVerifyResponse {
  /** The chain recomputes and agrees with every anchor. */
  ok: boolean;
  /** Events whose seal was recomputed and matched. */
  checked: number;
  /** Events written but not yet sealed (sealing runs every second). */
  unsealed: number;
  /** First event where the chain breaks, when it does. */
  brokenAt?: { eventId: string; reason: AuditChainBreak };
  /** The chain compared with the anchors exported outside the database. */
  anchors: AuditAnchorReport;
}

/** `GET /api/audit/head`: the newest seal in the database and the newest anchor outside it. */
export interface AuditHeadView {
  /** Newest seal, or null before the first event is sealed. */
  head: { seq: string; eventId: string; hash: string; sealedAt: string } | null;
  /** Events sealed so far (the chain's length). */
  sealed: number;
  lastAnchor: AuditAnchorView | null;
}
