import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, CanActivateFn, provideRouter, RouterStateSnapshot, UrlTree } from '@angular/router';
import { anonymousGuard, authGuard, permissionGuard, stageGuard } from './auth.guards';
import { AuthStore } from './auth.store';
import { newMe } from './auth.testing';

function run(guard: CanActivateFn, url = '/admin/usuarios'): true | string {
  const result = runInInjectionContext(TestBed.inject(EnvironmentInjector), () =>
    guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
  );
  return result instanceof UrlTree ? result.toString() : (result as true);
}

describe('guards', () => {
  let auth: AuthStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthStore);
  });

  describe('authGuard', () => {
    it('lets a completed login through', () => {
      auth.setMe(newMe());
      expect(run(authGuard)).toBe(true);
    });

    it('sends an anonymous visitor to the login page and remembers where they were going', () => {
      auth.setMe(null);
      expect(run(authGuard, '/auditoria')).toBe('/ingresar');
      expect(auth.returnUrl).toBe('/auditoria');
    });

    it.each([
      ['totp', '/ingresar/verificacion'],
      ['enrol_totp', '/ingresar/activar-verificacion'],
      ['change_password', '/ingresar/nueva-clave'],
    ] as const)('sends a login at stage %s to %s', (stage, route) => {
      auth.setMe(newMe({ stage }));
      expect(run(authGuard)).toBe(route);
    });
  });

  describe('permissionGuard', () => {
    it('admits a user holding the permission', () => {
      auth.setMe(newMe({}, ['users:manage']));
      expect(run(permissionGuard('users:manage'))).toBe(true);
    });

    it('denies a signed-in user without it', () => {
      auth.setMe(newMe({}, ['audit:read']));
      expect(run(permissionGuard('users:manage'))).toBe('/sin-acceso');
    });

    it('sends an anonymous visitor to login', () => {
      auth.setMe(null);
      expect(run(permissionGuard('users:manage'))).toBe('/ingresar');
    });
  });

  it('stageGuard opens a login step only at its stage', () => {
    auth.setMe(newMe({ stage: 'totp' }));
    expect(run(stageGuard('totp'))).toBe(true);
    expect(run(stageGuard('enrol_totp'))).toBe('/ingresar/verificacion');
    auth.setMe(null);
    expect(run(stageGuard('totp'))).toBe('/ingresar');
  });

  it('anonymousGuard sends a signed-in user home', () => {
    auth.setMe(newMe());
    expect(run(anonymousGuard)).toBe('/inicio');
    auth.setMe(null);
    expect(run(anonymousGuard)).toBe(true);
  });
});
