import { Permission, RecordScope } from '@ruta/shared';

/** The signed-in user acting on a request, resolved from the session by the AccessGuard. */
export interface Actor {
  userId: string;
  sessionId: string;
  institutionId: string;
  institutionCode: string;
  roleId: string;
  roleCode: string;
  scope: RecordScope;
  permissions: ReadonlySet<Permission>;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
