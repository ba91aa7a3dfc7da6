import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ReferralStatus, ReferralView } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { newMe } from '../../core/auth/auth.testing';
import { provideTouchedErrorState } from '../../core/http/touched-error-state';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { ReferralMoveDialog } from './referral-move.dialog';

const OIM = { id: 'i-oim', code: 'oim', name: 'OIM' };
const MOVE = '/api/referrals/ref-1/transitions';

function newReferral(status: ReferralStatus): ReferralView {
  return {
    id: 'ref-1',
    caseCode: 'RT-2026-000001',
    from: { id: 'i-pol', code: 'policia', name: 'Policía' },
    to: OIM,
    purpose: 'lodging',
    urgency: 'urgent',
    status,
    version: 3,
    moves: [],
  } as unknown as ReferralView;
}

// The first render compiles Material's autocomplete and dialog pieces: slow on a loaded machine.
jest.setTimeout(30_000);

describe('ReferralMoveDialog', () => {
  let http: HttpTestingController;
  let closed: unknown;

  async function render(to: ReferralStatus, permissions: string[] = ['referrals:manage', 'users:read']) {
    closed = undefined;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestI18n('en'),
        provideTouchedErrorState(),
        { provide: MAT_DIALOG_DATA, useValue: { referral: newReferral(to === 'accepted' ? 'received' : 'in_progress'), to } },
        { provide: MatDialogRef, useValue: { close: (value: unknown) => (closed = value) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setMe(newMe({ id: 'u-me', name: 'Carla Caseworker', institution: OIM }, permissions as never));
    const fixture = TestBed.createComponent(ReferralMoveDialog);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const find = <T extends HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`)!;
    const type = async (id: string, value: string) => {
      const box = find<HTMLInputElement | HTMLTextAreaElement>(id);
      box.value = value;
      box.dispatchEvent(new Event('input'));
      box.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const confirm = async () => {
      find('referral-move-confirm').click();
      await fixture.whenStable();
    };
    return { fixture, el, find, type, confirm };
  }

  afterEach(() => http.verify());

  it('accepts with an assignee chosen among the users of the receiving institution', async () => {
    const { type, confirm } = await render('accepted');
    http.expectOne((r) => r.url === '/api/users' && r.params.get('institutionId') === OIM.id).flush({
      items: [
        { id: 'u-me', name: 'Carla Caseworker', active: true, institution: OIM },
        { id: 'u-2', name: 'Diego Díaz', active: true, institution: OIM },
      ],
      nextCursor: null,
    });
    await confirm();
    http.expectNone(MOVE);
    await type('referral-assignee', 'diego diaz');
    await confirm();
    const request = http.expectOne(MOVE);
    expect(request.request.body).toEqual({ version: 3, to: 'accepted', assigneeId: 'u-2' });
    request.flush({ ...newReferral('accepted'), assignee: { id: 'u-2', name: 'Diego Díaz' } });
    expect(closed).toMatchObject({ status: 'accepted' });
  });

  it('offers only the reader as assignee without users:read', async () => {
    const { type, confirm } = await render('accepted', ['referrals:manage']);
    http.expectNone('/api/users');
    await type('referral-assignee', 'Carla Caseworker');
    await confirm();
    expect(http.expectOne(MOVE).request.body).toEqual({ version: 3, to: 'accepted', assigneeId: 'u-me' });
  });

  it('shows the server error of the outcome under its field', async () => {
    const { el, type, confirm, fixture } = await render('completed');
    await confirm();
    http.expectNone(MOVE);
    await type('referral-outcome', '  Alojada en el albergue  ');
    await confirm();
    const request = http.expectOne(MOVE);
    expect(request.request.body).toEqual({ version: 3, to: 'completed', outcome: 'Alojada en el albergue' });
    request.flush(
      { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation_failed', errors: [{ field: 'outcome', code: 'outcome_required', message: 'outcome is required' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBeTruthy();
    expect(closed).toBeUndefined();
  });

  it('closes as stale on a 409 so that the page reloads the referral', async () => {
    const { type, confirm } = await render('cancelled');
    await type('referral-cancel-reason', 'Se remitió por error');
    await confirm();
    const request = http.expectOne(MOVE);
    expect(request.request.body).toEqual({ version: 3, to: 'cancelled', reason: 'Se remitió por error' });
    request.flush({ type: 'about:blank', title: 'Conflict', status: 409, code: 'stale_version' }, { status: 409, statusText: 'Conflict' });
    expect(closed).toBe('stale');
  });

  it('does not decline without a reason from the closed list', async () => {
    const { el, confirm } = await render('declined');
    await confirm();
    http.expectNone(MOVE);
    expect(el.querySelector('[data-testid="referral-decline-reason"]')).not.toBeNull();
  });
});
