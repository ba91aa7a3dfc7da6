import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Page, UserView } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { UsersPage } from './users.page';

function newUser(id: string, name: string): UserView {
  return {
    id,
    name,
    email: `${id}@example.org`,
    active: true,
    institution: { id: 'i-1', code: 'oim', name: 'OIM' },
    role: { id: 'r-1', code: 'caseworker', nameEs: 'Profesional de asistencia', nameEn: 'Caseworker' },
    mfaEnabled: false,
    lastLoginAt: null,
    version: 1,
  };
}

describe('UsersPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en')] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists users page by page with the cursor', async () => {
    const fixture = TestBed.createComponent(UsersPage);
    await fixture.whenStable();
    http.expectOne('/api/institutions').flush([]);
    http.expectOne('/api/roles').flush([]);
    http.expectOne((r) => r.url === '/api/access-requests' && r.params.get('status') === 'pending').flush([]);
    const first: Page<UserView> = { items: [newUser('u-1', 'Camila')], nextCursor: 'c-2', limit: 50 };
    http.expectOne((r) => r.url === '/api/users' && !r.params.has('cursor')).flush(first);
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    const table = el.querySelector('[data-testid="users-table"]')!;
    expect(table.querySelectorAll('th')[0].textContent).toContain('Name');
    expect(table.textContent).toContain('Camila');
    expect(table.textContent).toContain('Caseworker');
    expect(table.textContent).toContain('Never');

    el.querySelector<HTMLButtonElement>('[data-testid="users-more"]')!.click();
    const next = http.expectOne((r) => r.url === '/api/users' && r.params.get('cursor') === 'c-2');
    next.flush({ items: [newUser('u-2', 'Sergio')], limit: 50 });
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid^="user-row-"]')).toHaveLength(2);
    expect(el.querySelector('[data-testid="users-more"]')).toBeNull();
  });
});
