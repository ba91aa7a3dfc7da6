import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { AccessChangeRequestView, TemporaryPasswordResponse } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { AccessRequestsPage } from './access-requests.page';

function pendingUser(overrides: Partial<AccessChangeRequestView> = {}): AccessChangeRequestView {
  return {
    id: 'req-1',
    kind: 'user_create',
    status: 'pending',
    roleId: 'r-1',
    userId: null,
    summary: {
      role: { code: 'investigator', nameEs: 'Investigador', nameEn: 'Investigator', scope: 'institution', requiresMfa: true, permissions: ['cases:read', 'victim_location:read'] },
      user: { name: 'Inés Ficticia', email: 'ines@policia.demo', institution: { id: 'i-1', code: 'policia', name: 'Policía Nacional' } },
    },
    requestedBy: { id: 'u-1', name: 'Ana Administradora' },
    requestedAt: '2026-03-01T10:00:00Z',
    decidedBy: null,
    decidedAt: null,
    reason: null,
    canDecide: true,
    canCancel: false,
    version: 1,
    ...overrides,
  };
}

describe('AccessRequestsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideTestI18n('en')] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(requests: AccessChangeRequestView[]) {
    const fixture = TestBed.createComponent(AccessRequestsPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/access-requests' && r.params.get('status') === 'pending').flush(requests);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows a pending request in readable labels, not codes', async () => {
    const { el } = await open([pendingUser()]);
    const card = el.querySelector('[data-testid="access-request"]')!;
    expect(card.textContent).toContain('New user: Inés Ficticia');
    expect(card.textContent).toContain('Requested by Ana Administradora');
    expect(card.textContent).toContain('Cases of their institution');
    expect(card.textContent).toContain('See victim location');
    expect(card.textContent).toContain('Pending');
    expect(card.textContent).not.toContain('victim_location:read');
  });

  it('approves with the version seen and shows the new user\'s temporary password once, to the approver', async () => {
    const { fixture, el } = await open([pendingUser()]);
    el.querySelector<HTMLButtonElement>('[data-testid="access-request-approve"]')!.click();
    const approve = http.expectOne('/api/access-requests/req-1/approve');
    expect(approve.request.body).toEqual({ version: 1 });
    const credentials = { user: { name: 'Inés Ficticia' }, temporaryPassword: 'tmp-abc-123' } as TemporaryPasswordResponse;
    approve.flush({ request: pendingUser({ status: 'approved', canDecide: false, decidedBy: { id: 'u-2', name: 'Óscar' }, version: 2 }), credentials });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="access-request-status"]')!.textContent).toContain('Approved');
    expect(document.querySelector('[data-testid="temporary-password"]')?.textContent).toContain('tmp-abc-123');
  });

  it('refuses only with a reason', async () => {
    const { fixture, el } = await open([pendingUser()]);
    el.querySelector<HTMLButtonElement>('[data-testid="access-request-refuse"]')!.click();
    http.expectNone('/api/access-requests/req-1/refuse');
    const reason = el.querySelector<HTMLInputElement>('[data-testid="access-request-reason"]')!;
    reason.value = 'No corresponde a su cargo';
    reason.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="access-request-refuse"]')!.click();
    const refuse = http.expectOne('/api/access-requests/req-1/refuse');
    expect(refuse.request.body).toEqual({ version: 1, reason: 'No corresponde a su cargo' });
    refuse.flush({ request: pendingUser({ status: 'refused', canDecide: false, reason: 'No corresponde a su cargo', version: 2 }) });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="access-request-status"]')!.textContent).toContain('Refused');
  });

  it('lets the requester withdraw their own request, which they cannot approve', async () => {
    const { fixture, el } = await open([pendingUser({ canDecide: false, canCancel: true })]);
    expect(el.querySelector('[data-testid="access-request-approve"]')).toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid="access-request-cancel"]')!.click();
    http.expectOne('/api/access-requests/req-1/cancel').flush(pendingUser({ status: 'cancelled', canCancel: false, version: 2 }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="access-request-status"]')!.textContent).toContain('Withdrawn');
  });
});
