/**
 * Every permission in Ruta, named `resource:action`. The server checks them, the client only hides by them.
 * Adding a permission here is the only way to make a new one exist; roles are data that pick from this list.
 */
export const PERMISSIONS = {
  institutionsRead: 'institutions:read',
  institutionsManage: 'institutions:manage',
  usersRead: 'users:read',
  usersManage: 'users:manage',
  rolesRead: 'roles:read',
  rolesManage: 'roles:manage',
  auditRead: 'audit:read',
  auditVerify: 'audit:verify',
  casesRead: 'cases:read',
  casesCreate: 'cases:create',
  casesUpdate: 'cases:update',
  casesTransition: 'cases:transition',
  casesAssign: 'cases:assign',
  casesExport: 'cases:export',
  victimIdentityRead: 'victim_identity:read',
  victimIdentityUpdate: 'victim_identity:update',
  victimLocationRead: 'victim_location:read',
  consentRead: 'consent:read',
  consentManage: 'consent:manage',
  notesRead: 'notes:read',
  notesCreate: 'notes:create',
  documentsRead: 'documents:read',
  documentsUpload: 'documents:upload',
  assistanceRead: 'assistance:read',
  assistanceManage: 'assistance:manage',
  /** Approve or reject another user's request to close a case's assistance (the approval inbox). */
  assistanceApprove: 'assistance:approve',
  /** Close a case without a second person's approval (self-approval); without it, closing goes through the inbox. */
  assistanceSelfApprove: 'assistance:self_approve',
  referralsRead: 'referrals:read',
  referralsManage: 'referrals:manage',
  /** Send a referral sharing consent-gated sections without a consent, on a written legal ground (audited). */
  referralsOverride: 'referrals:override',
  proceedingsRead: 'proceedings:read',
  proceedingsManage: 'proceedings:manage',
  operationsRead: 'operations:read',
  operationsManage: 'operations:manage',
  hotlineRead: 'hotline:read',
  hotlineManage: 'hotline:manage',
  indicatorsRead: 'indicators:read',
  /** Review the retention queue and erasure requests (Law 1581): confirm, postpone, approve, carry out. */
  privacyReview: 'privacy:review',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

/** The resource part of a permission, used to group the checklist in the role editor. */
export function permissionResource(permission: Permission): string {
  return permission.split(':')[0];
}
