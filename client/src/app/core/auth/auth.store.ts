import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import {
  ChangePasswordRequest,
  Language,
  LoginRequest,
  LoginResponse,
  LoginStage,
  MeResponse,
  Permission,
  TotpConfirmResponse,
  TotpEnrolmentResponse,
} from '@ruta/shared';
import { firstValueFrom, Observable, tap } from 'rxjs';

/** Where each login stage continues. `done` opens the application. */
export const STAGE_ROUTES: Record<LoginStage, string> = {
  totp: '/ingresar/verificacion',
  enrol_totp: '/ingresar/activar-verificacion',
  change_password: '/ingresar/nueva-clave',
  done: '/inicio',
};

export const LOGIN_ROUTE = '/ingresar';
export const HOME_ROUTE = STAGE_ROUTES.done;

/**
 * The signed-in user as the API last described it. `undefined` until the first `GET /api/auth/me` answers,
 * `null` when nobody is signed in. Permissions only hide what a role cannot do; the server decides.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly state = signal<MeResponse | null | undefined>(undefined);

  readonly me = this.state.asReadonly();
  readonly stage = computed<LoginStage | null>(() => this.state()?.stage ?? null);
  readonly isAuthenticated = computed(() => this.stage() === 'done');
  readonly permissions = computed<ReadonlySet<Permission>>(
    () => new Set(this.isAuthenticated() ? (this.state()?.permissions ?? []) : []),
  );
  /** A message for the login page after the session ended (translation key), shown once. */
  readonly notice = signal<string | null>(null);
  /** Where to go after login, when a guard or a 401 sent the user away. Paths only, no personal data. */
  returnUrl: string | null = null;

  /** True when the user holds at least one of the permissions. */
  can(required: Permission | readonly Permission[]): boolean {
    const wanted = typeof required === 'string' ? [required] : required;
    const held = this.permissions();
    return wanted.some((permission) => held.has(permission));
  }

  /** Asks the API who is signed in; a 401 (or an unreachable API) means nobody. */
  async load(): Promise<MeResponse | null> {
    try {
      const me = await firstValueFrom(this.http.get<MeResponse>('/api/auth/me'));
      this.state.set(me);
      return me;
    } catch (error) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      this.state.set(null);
      return null;
    }
  }

  setMe(me: MeResponse | null): void {
    this.state.set(me);
  }

  /** Where the current stage continues, or the login page when signed out. */
  routeForStage(): string {
    const stage = this.stage();
    return stage ? STAGE_ROUTES[stage] : LOGIN_ROUTE;
  }

  /** Consumes the remembered destination after a successful login. */
  takeReturnUrl(): string {
    const url = this.returnUrl ?? HOME_ROUTE;
    this.returnUrl = null;
    return url;
  }

  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/login', request).pipe(tap((res) => this.state.set(res.me)));
  }

  verifyTotp(code: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/totp', { code }).pipe(tap((res) => this.state.set(res.me)));
  }

  enrolTotp(): Observable<TotpEnrolmentResponse> {
    return this.http.post<TotpEnrolmentResponse>('/api/auth/mfa/enrol', {});
  }

  confirmTotp(code: string): Observable<TotpConfirmResponse> {
    return this.http.post<TotpConfirmResponse>('/api/auth/mfa/confirm', { code }).pipe(
      tap((res) => this.state.update((me) => (me ? { ...me, stage: res.stage, mfaEnabled: true } : me))),
    );
  }

  disableMfa(password: string): Observable<void> {
    return this.http
      .delete<void>('/api/auth/mfa', { body: { password } })
      .pipe(tap(() => this.state.update((me) => (me ? { ...me, mfaEnabled: false } : me))));
  }

  /** Every session ends when the password changes: the user signs in again. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password', request).pipe(tap(() => this.endSession('password.changedSignIn')));
  }

  updateLanguage(language: Language): Observable<MeResponse> {
    return this.http.patch<MeResponse>('/api/auth/me', { language }).pipe(tap((me) => this.state.set(me)));
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(tap(() => this.endSession('login.loggedOut')));
  }

  endSession(noticeKey: string | null = null): void {
    this.state.set(null);
    this.returnUrl = null;
    this.notice.set(noticeKey);
  }
}
