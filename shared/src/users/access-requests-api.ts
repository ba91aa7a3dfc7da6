import { InstitutionRef, UserRef } from '../common/refs';
import { Permission } from '../access/permissions';
import { RecordScope } from '../access/record-scope';
import { TemporaryPasswordResponse } from './users-api';

/**
 * A change of access that waits for a second administrator (four eyes; see `protected-access.ts`). The roles and users
 * endpoints answer `202 Accepted` with one of these instead of applying a protected change.
 */
export const ACCESS_CHANGE_KINDS = ['role_create', 'role_update', 'user_create', 'user_update', 'password_reset'] as const;
export type AccessChangeKind = (typeof ACCESS_CHANGE_KINDS)[number];

export const ACCESS_CHANGE_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type AccessChangeStatus = (typeof ACCESS_CHANGE_STATUSES)[number];

export const ACCESS_CHANGE_REASON_MAX_LENGTH = 500;

/** What the change is about, as the requester saw it: shown to the approver in readable labels. */
export interface AccessChangeSummary {
  /** The role created or changed (as it would be after), or the role the user would hold. */
  role: { code: string; nameEs: string; nameEn: string; scope: RecordScope; requiresMfa: boolean; permissions: Permission[] };
  /** `role_update`: the role before the change. */
  previous?: { scope: RecordScope; requiresMfa: boolean; permissions: Permission[] };
  /** User kinds: the user as they would be after. */
  user?: { name: string; email: string; institution: InstitutionRef };
}

export interface AccessChangeRequestView {
  id: string;
  kind: AccessChangeKind;
  status: AccessChangeStatus;
  /** The role concerned; null for a role not created yet. */
  roleId: string | null;
  /** The user concerned; null for a user not created yet. */
  userId: string | null;
  summary: AccessChangeSummary;
  requestedBy: UserRef;
  requestedAt: string;
  decidedBy: UserRef | null;
  decidedAt: string | null;
  /** Why it was refused. */
  reason: string | null;
  /** The signed-in administrator may approve or refuse it: pending, someone else's, and not about themselves. */
  canDecide: boolean;
  /** The signed-in administrator filed it and it is still pending. */
  canCancel: boolean;
  version: number;
}

export interface AccessChangeListQuery {
  status?: AccessChangeStatus;
}

export interface ApproveAccessChangeRequest {
  version: number;
}

export interface RefuseAccessChangeRequest {
  version: number;
  reason: string;
}

export interface CancelAccessChangeRequest {
  version: number;
}

/** The decided request; a new user or a reset password comes with its temporary password, shown once to the approver. */
export interface AccessChangeDecision {
  request: AccessChangeRequestView;
  credentials?: TemporaryPasswordResponse;
}
