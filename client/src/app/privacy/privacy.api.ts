import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreateErasureRequest,
  ErasureRequestsPage,
  ErasureRequestsQuery,
  ErasureRequestView,
  PostponeRetentionRequest,
  RetentionItemView,
  RetentionQueuePage,
  RetentionQueueQuery,
  RetentionRunResult,
  RetentionSettingView,
} from '@ruta/shared';
import { Observable } from 'rxjs';
import { queryParams } from '../core/http/query-params';

/** The data-protection API (`/api/privacy`): retention queue and settings, erasure requests and certificates. */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<RetentionSettingView[]> {
    return this.http.get<RetentionSettingView[]>('/api/privacy/retention/settings');
  }

  updateSetting(recordType: string, years: number, version: number): Observable<RetentionSettingView[]> {
    return this.http.put<RetentionSettingView[]>(`/api/privacy/retention/settings/${encodeURIComponent(recordType)}`, { years, version });
  }

  queue(query: RetentionQueueQuery): Observable<RetentionQueuePage> {
    return this.http.get<RetentionQueuePage>('/api/privacy/retention/items', { params: queryParams({ ...query }) });
  }

  runRetention(): Observable<RetentionRunResult> {
    return this.http.post<RetentionRunResult>('/api/privacy/retention/run', {});
  }

  confirm(item: RetentionItemView): Observable<RetentionItemView> {
    return this.http.post<RetentionItemView>(`/api/privacy/retention/items/${encodeURIComponent(item.id)}/confirm`, { version: item.version });
  }

  postpone(item: RetentionItemView, body: Omit<PostponeRetentionRequest, 'version'>): Observable<RetentionItemView> {
    return this.http.post<RetentionItemView>(`/api/privacy/retention/items/${encodeURIComponent(item.id)}/postpone`, { ...body, version: item.version });
  }

  requests(query: ErasureRequestsQuery): Observable<ErasureRequestsPage> {
    return this.http.get<ErasureRequestsPage>('/api/privacy/erasure-requests', { params: queryParams({ ...query }) });
  }

  createRequest(body: CreateErasureRequest): Observable<ErasureRequestView> {
    return this.http.post<ErasureRequestView>('/api/privacy/erasure-requests', body);
  }

  approve(r: ErasureRequestView): Observable<ErasureRequestView> {
    return this.http.post<ErasureRequestView>(`/api/privacy/erasure-requests/${encodeURIComponent(r.id)}/approve`, { version: r.version });
  }

  refuse(r: ErasureRequestView, reason: string): Observable<ErasureRequestView> {
    return this.http.post<ErasureRequestView>(`/api/privacy/erasure-requests/${encodeURIComponent(r.id)}/refuse`, { version: r.version, reason });
  }

  carryOut(r: ErasureRequestView): Observable<ErasureRequestView> {
    return this.http.post<ErasureRequestView>(`/api/privacy/erasure-requests/${encodeURIComponent(r.id)}/carry-out`, { version: r.version });
  }

  /** The certificate's download address (a plain link: the browser saves the PDF). */
  certificateUrl(r: ErasureRequestView, language: 'es' | 'en'): string {
    return `/api/privacy/erasure-requests/${encodeURIComponent(r.id)}/certificate?language=${language}`;
  }
}
