import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { routes } from './app.routes';
import { AuthStore } from './core/auth/auth.store';
import { newMe } from './core/auth/auth.testing';
import { provideTestI18n } from './core/i18n/i18n.testing';

describe('App shell', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter(routes), provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  }

  it('has a skip link, a header, and the main content landmark', async () => {
    TestBed.inject(AuthStore).setMe(null);
    const { el } = await render();
    expect(el.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main-content');
    expect(el.querySelector('header [data-testid="language-switch"]')).not.toBeNull();
    expect(el.querySelector('main#main-content')).not.toBeNull();
    expect(el.querySelector('nav')).toBeNull();
    expect(el.querySelector('[data-testid="sign-in-link"]')).not.toBeNull();
  });

  it('shows the navigation and the user menu once signed in', async () => {
    TestBed.inject(AuthStore).setMe(newMe({}, ['users:manage']));
    const { el } = await render();
    expect(el.querySelector('nav [data-testid="nav-users"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="user-menu"]')?.getAttribute('aria-label')).toBe('Menú de usuario de Ana Administradora');
  });

  it('switches the language from the top bar', async () => {
    TestBed.inject(AuthStore).setMe(null);
    const { el, stable } = await render();
    const button = el.querySelector<HTMLButtonElement>('[data-testid="language-switch"]')!;
    // Its name is its own text: the hidden prefix, then the language as shown (long on a wide screen, short on a phone).
    expect(button.getAttribute('aria-label')).toBeNull();
    expect(button.querySelector('.cdk-visually-hidden')?.textContent).toBe('Cambiar el idioma a ');
    expect(button.querySelector('.language-long')?.textContent).toBe('English');
    expect(button.querySelector('.language-short')?.textContent).toBe('en');
    button.click();
    await stable();
    TestBed.inject(HttpTestingController).verify();
    expect(document.documentElement.lang).toBe('en');
    expect(el.querySelector('a.skip-link')?.textContent).toContain('Skip to content');
  });
});
