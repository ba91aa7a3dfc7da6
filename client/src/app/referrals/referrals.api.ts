import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateReferralRequest,
  InstitutionReferralStats,
  NotificationPage,
  ReferralBadge,
  ReferralBox,
  ReferralConsentCheck,
  ReferralDeadlineSettings,
  ReferralDeadlinesUpdate,
  ReferralListQuery,
  ReferralMoveBody,
  ReferralNetwork,
  ReferralPage,
  ReferralSection,
  ReferralView,
  SharedCaseView,
} from '@ruta/shared';
import { Observable } from 'rxjs';

/** The filters, order and page of an inbox or outbox request (`box` aside). */
export type ReferralListFilters = Omit<ReferralListQuery, 'box'>;

/** The referrals API: inbox and outbox, one referral, its shared case view and its moves; notifications; review; settings. */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  list(box: ReferralBox, filters: ReferralListFilters = {}): Observable<ReferralPage> {
    let params = new HttpParams().set('box', box);
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<ReferralPage>('/api/referrals', { params });
  }

  badge(): Observable<ReferralBadge> {
    return this.http.get<ReferralBadge>('/api/referrals/badge');
  }

  get(id: string): Observable<ReferralView> {
    return this.http.get<ReferralView>(`/api/referrals/${encodeURIComponent(id)}`);
  }

  sharedCase(id: string): Observable<SharedCaseView> {
    return this.http.get<SharedCaseView>(`/api/referrals/${encodeURIComponent(id)}/case`);
  }

  create(request: CreateReferralRequest): Observable<ReferralView> {
    return this.http.post<ReferralView>('/api/referrals', request);
  }

  /** The consent gate as sending would apply it, without sending (the refer dialog's live check). */
  checkConsent(request: { caseCode: string; toInstitutionId: string; sections: ReferralSection[] }): Observable<ReferralConsentCheck> {
    return this.http.post<ReferralConsentCheck>('/api/referrals/consent-check', request);
  }

  deadlines(): Observable<ReferralDeadlineSettings> {
    return this.http.get<ReferralDeadlineSettings>('/api/referrals/deadlines');
  }

  /** The administrator's reading of the same settings (an administrator does not read referrals). */
  deadlineSettings(): Observable<ReferralDeadlineSettings> {
    return this.http.get<ReferralDeadlineSettings>('/api/referrals/deadline-settings');
  }

  saveDeadlines(update: ReferralDeadlinesUpdate): Observable<ReferralDeadlineSettings> {
    return this.http.put<ReferralDeadlineSettings>('/api/referrals/deadlines', update);
  }

  move(id: string, body: ReferralMoveBody): Observable<ReferralView> {
    return this.http.post<ReferralView>(`/api/referrals/${encodeURIComponent(id)}/transitions`, body);
  }

  /** The case's disclosure record as a PDF, in Spanish or English. */
  disclosurePdf(caseCode: string, lang: 'es' | 'en'): Observable<Blob> {
    return this.http.get(`/api/cases/${encodeURIComponent(caseCode)}/referrals/disclosure-pdf`, { params: { lang }, responseType: 'blob' });
  }

  notifications(cursor?: string, limit = 25): Observable<NotificationPage> {
    const params: Record<string, string> = { limit: String(limit) };
    if (cursor) params['cursor'] = cursor;
    return this.http.get<NotificationPage>('/api/notifications', { params });
  }

  readNotification(id: string): Observable<{ read: number }> {
    return this.http.post<{ read: number }>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
  }

  readAllNotifications(): Observable<{ read: number }> {
    return this.http.post<{ read: number }>('/api/notifications/read-all', {});
  }

  reviewStats(): Observable<InstitutionReferralStats[]> {
    return this.http.get<InstitutionReferralStats[]>('/api/referral-review/stats');
  }

  reviewNetwork(): Observable<ReferralNetwork> {
    return this.http.get<ReferralNetwork>('/api/referral-review/network');
  }
}
