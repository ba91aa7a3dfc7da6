import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Problem } from '@ruta/shared';
import { newMe } from '../core/auth/auth.testing';
import { provideTestI18n } from '../core/i18n/i18n.testing';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  let http: HttpTestingController;

  async function render(language: 'es' | 'en' = 'es') {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestI18n(language)],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')!.click();
      await fixture.whenStable();
    };
    return { fixture, el, type, submit };
  }

  afterEach(() => http.verify());

  it('checks the fields before calling the API', async () => {
    const { el, submit } = await render();
    await submit();
    http.expectNone('/api/auth/login');
    expect(el.textContent).toContain('Este campo es obligatorio.');
  });

  it('shows the field errors of a problem under their fields, translated by code', async () => {
    const { fixture, el, type, submit } = await render('en');
    type('login-email', 'ana@example.org');
    type('login-password', 'x');
    await submit();
    const problem: Problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      requestId: 'r-9',
      errors: [{ field: 'email', code: 'isEmail', message: 'email must be an email' }],
    };
    http.expectOne('/api/auth/login').flush(problem, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('Enter a valid email address.');
  });

  it('says the credentials are wrong', async () => {
    const { fixture, el, type, submit } = await render();
    type('login-email', 'ana@example.org');
    type('login-password', 'wrong-password');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'invalid_credentials', status: 401, requestId: 'r' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="form-error"]')?.textContent).toContain('Correo o contraseña incorrectos.');
  });

  it('continues to the TOTP step when the second factor is owed', async () => {
    const { fixture, type, submit } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('login-email', 'ana@example.org');
    type('login-password', 'a-long-password');
    await submit();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'ana@example.org', password: 'a-long-password' });
    request.flush({ stage: 'totp', me: newMe({ stage: 'totp' }) });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/ingresar/verificacion');
  });
});
