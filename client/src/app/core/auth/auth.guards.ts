import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { LoginStage, Permission } from '@ruta/shared';
import { AuthStore, HOME_ROUTE } from './auth.store';

/** Opens a route only to a completed login; otherwise sends the user to the step their login is at. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (auth.isAuthenticated()) return true;
  if (auth.stage() === null) auth.returnUrl = state.url;
  return inject(Router).parseUrl(auth.routeForStage());
};

/** Like `authGuard`, and the user must hold one of the permissions (else the "no access" page). */
export function permissionGuard(...required: Permission[]): CanActivateFn {
  return (route, state) => {
    const auth = inject(AuthStore);
    if (!auth.isAuthenticated()) return authGuard(route, state);
    return auth.can(required) ? true : inject(Router).parseUrl('/sin-acceso');
  };
}

/** A login step page opens only at its own stage. */
export function stageGuard(...stages: LoginStage[]): CanActivateFn {
  return () => {
    const auth = inject(AuthStore);
    const stage = auth.stage();
    if (stage !== null && stages.includes(stage)) return true;
    return inject(Router).parseUrl(auth.routeForStage());
  };
}

/** The login form is for people not yet signed in. */
export const anonymousGuard: CanActivateFn = () => {
  const auth = inject(AuthStore);
  return auth.isAuthenticated() ? inject(Router).parseUrl(HOME_ROUTE) : true;
};
