import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import { Permission } from '@ruta/shared';

export const ACCESS_METADATA = 'ruta:access';

/** What a route requires. Every route declares exactly one; the global guard denies any that does not. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated'; allowIncompleteLogin?: boolean }
  | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not (health, login). */
export const Public = () => applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies RouteAccess), ApiExtension('x-access', 'public'));

/**
 * Any signed-in user, whatever the role: their own profile, logout, password change.
 * `allowIncompleteLogin` also admits a session still owing its second factor or a password change.
 */
export const Authenticated = (options: { allowIncompleteLogin?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'authenticated', ...options } satisfies RouteAccess),
    ApiCookieAuth('ruta_session'),
    ApiExtension('x-access', 'authenticated'),
  );

/** A role permission, checked by the guard before the handler and again per record in the service. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permission } satisfies RouteAccess),
    ApiCookieAuth('ruta_session'),
    ApiExtension('x-permission', permission),
  );
