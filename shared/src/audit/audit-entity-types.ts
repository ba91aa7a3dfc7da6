/**
 * What an audit event is about (`audit_events."entityType"`), as the server records it; `null` when an event concerns
 * no entity (an access denial, a failed login for an unknown email). `case_stats` and the link-request inbox are read
 * without an entity id; a `case_draft` event carries its author's user id, since a user has at most one draft.
 */
export const AUDIT_ENTITY_TYPES = ['access_change_request', 'case', 'case_draft', 'case_link_request', 'case_stats', 'export_job', 'hotline_contact', 'hotline_import', 'hotline_stats', 'indicators', 'institution', 'link_graph', 'operation', 'proceeding', 'prosecution_indicators', 'role', 'trafficker', 'user'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
