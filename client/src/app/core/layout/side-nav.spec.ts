import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { newMe } from '../auth/auth.testing';
import { provideTestI18n } from '../i18n/i18n.testing';
import { SideNav } from './side-nav';

describe('SideNav', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestI18n('es')],
    });
  });

  async function entries(): Promise<string[]> {
    const fixture = TestBed.createComponent(SideNav);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Navegación principal');
    return [...el.querySelectorAll('[data-testid^="nav-"]')].map((a) => a.getAttribute('data-testid')!);
  }

  it('shows an administrator the administration entries only', async () => {
    TestBed.inject(AuthStore).setMe(newMe({}, ['users:manage', 'institutions:manage', 'roles:manage']));
    expect(await entries()).toEqual(['nav-home', 'nav-users', 'nav-institutions', 'nav-referralDeadlines', 'nav-serviceDirectory', 'nav-roles', 'nav-accessRequests', 'nav-status']);
  });

  it('shows an auditor the audit entry only', async () => {
    TestBed.inject(AuthStore).setMe(newMe({}, ['audit:read', 'audit:verify', 'users:read']));
    expect(await entries()).toEqual(['nav-home', 'nav-audit', 'nav-status']);
  });
});
