import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '../core/auth/auth.store';
import { newMe } from '../core/auth/auth.testing';
import { ReferralBadgeStore } from './referral-badge.store';

describe('ReferralBadgeStore', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('counts new and overdue referrals for a user who reads referrals, and asks again on refresh', () => {
    const store = TestBed.inject(ReferralBadgeStore);
    TestBed.inject(AuthStore).setMe(newMe({}, ['referrals:read']));
    TestBed.tick();
    http.expectOne('/api/referrals/badge').flush({ newCount: 2, overdueCount: 1, unreadNotifications: 0 });
    expect([store.newCount(), store.overdueCount()]).toEqual([2, 1]);
    store.refresh();
    http.expectOne('/api/referrals/badge').flush({ newCount: 1, overdueCount: 0, unreadNotifications: 0 });
    expect([store.newCount(), store.overdueCount()]).toEqual([1, 0]);
  });

  it('asks nothing for a user without referrals:read', () => {
    const store = TestBed.inject(ReferralBadgeStore);
    TestBed.inject(AuthStore).setMe(newMe({}, ['users:manage']));
    TestBed.tick();
    http.expectNone('/api/referrals/badge');
    expect(store.newCount()).toBe(0);
  });
});
