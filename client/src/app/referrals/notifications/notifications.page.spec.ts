import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { provideRouter, Router } from '@angular/router';
import { NotificationPage } from '@ruta/shared';
import { provideTestI18n } from '../../core/i18n/i18n.testing';
import { NotificationsPage } from './notifications.page';

jest.setTimeout(30_000);

const PAGE: NotificationPage = {
  items: [
    { id: 'n1', kind: 'referral_received', referralId: 'r1', caseCode: 'RT-2026-000001', status: 'sent', createdAt: '2026-03-01T10:00:00Z', readAt: null },
    { id: 'n2', kind: 'referral_overdue', referralId: 'r2', caseCode: 'RT-2026-000002', status: null, createdAt: '2026-02-28T10:00:00Z', readAt: '2026-02-28T11:00:00Z' },
  ],
  total: 2,
  unread: 1,
  limit: 25,
};

@Component({ selector: 'ruta-test-referral', template: '' })
class ReferralStub {}

describe('NotificationsPage', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideTestI18n('en'), provideRouter([{ path: 'remisiones/:id', component: ReferralStub }])] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationsPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/notifications').flush(PAGE);
    await fixture.whenStable();
    return { http, fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists what happened to which case, unread first marked, with the counts', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="notifications-summary"]')?.textContent).toContain('2 notifications, 1 unread.');
    const unread = el.querySelector('[data-testid="notification-RT-2026-000001-referral_received"]')!;
    expect(unread.getAttribute('data-unread')).toBe('true');
    expect(unread.textContent).toContain('New referral of case RT-2026-000001');
    expect(el.querySelector('[data-testid="notification-RT-2026-000002-referral_overdue"]')?.getAttribute('data-unread')).toBe('false');
  });

  it('marks one read on opening it and goes to its referral; nothing left to mark read', async () => {
    const { http, fixture, el } = await render();
    const router = TestBed.inject(Router);
    (el.querySelector('[data-testid="notification-RT-2026-000001-referral_received"] a') as HTMLAnchorElement).click();
    http.expectOne('/api/notifications/n1/read').flush({ read: 1 });
    http.match('/api/referrals/badge').forEach((r) => r.flush({ newCount: 0, overdueCount: 0, unreadNotifications: 0 }));
    await fixture.whenStable();
    expect(router.url).toBe('/remisiones/r1');
    expect(el.querySelector('[data-testid="notification-RT-2026-000001-referral_received"]')?.getAttribute('data-unread')).toBe('false');
    expect(el.querySelector('[data-testid="notifications-summary"]')?.textContent).toContain('0 unread');
    expect((el.querySelector('[data-testid="notifications-read-all"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
