import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateReferralRequest, ReferralBadge, ReferralConsentCheck, ReferralDeadlineSettings, ReferralSection, ReferralBox, ReferralMoveBody, ReferralPage, ReferralView, SharedCaseView } from '@ruta/shared';
import { Observable } from 'rxjs';

/** The referrals API: inbox and outbox, one referral, its shared case view and its moves. */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  list(box: ReferralBox, filters: { overdue?: boolean; limit?: number } = {}): Observable<ReferralPage> {
    let params = new HttpParams().set('box', box);
    if (filters.overdue !== undefined) params = params.set('overdue', String(filters.overdue));
    if (filters.limit !== undefined) params = params.set('limit', String(filters.limit));
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

  move(id: string, body: ReferralMoveBody): Observable<ReferralView> {
    return this.http.post<ReferralView>(`/api/referrals/${encodeURIComponent(id)}/transitions`, body);
  }
}
