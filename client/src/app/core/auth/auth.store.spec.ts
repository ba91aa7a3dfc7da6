import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from './auth.store';
import { newMe } from './auth.testing';

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('knows nobody is signed in when /api/auth/me answers 401', async () => {
    const loading = store.load();
    http.expectOne('/api/auth/me').flush({ code: 'unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await expect(loading).resolves.toBeNull();
    expect(store.me()).toBeNull();
    expect(store.isAuthenticated()).toBe(false);
    expect(store.routeForStage()).toBe('/ingresar');
  });

  it('holds the user and their permissions after a completed login', () => {
    store.login({ email: 'a@b.co', password: 'x' }).subscribe();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    request.flush({ stage: 'done', me: newMe({}, ['users:manage']) });
    expect(store.isAuthenticated()).toBe(true);
    expect(store.can('users:manage')).toBe(true);
    expect(store.can(['audit:read', 'users:manage'])).toBe(true);
    expect(store.can('audit:read')).toBe(false);
  });

  it('grants no permission before the login is complete', () => {
    store.setMe(newMe({ stage: 'totp' }, ['users:manage']));
    expect(store.can('users:manage')).toBe(false);
    expect(store.routeForStage()).toBe('/ingresar/verificacion');
  });

  it('ends the session after a password change, with a notice for the login page', () => {
    store.setMe(newMe());
    store.changePassword({ currentPassword: 'old', newPassword: 'a-new-long-password' }).subscribe();
    http.expectOne('/api/auth/password').flush(null, { status: 204, statusText: 'No Content' });
    expect(store.me()).toBeNull();
    expect(store.notice()).toBe('password.changedSignIn');
  });

  it('sends the password in the body to switch MFA off', () => {
    store.setMe(newMe({ mfaEnabled: true }));
    store.disableMfa('secret').subscribe();
    const request = http.expectOne('/api/auth/mfa');
    expect(request.request.method).toBe('DELETE');
    expect(request.request.body).toEqual({ password: 'secret' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(store.me()?.mfaEnabled).toBe(false);
  });
});
