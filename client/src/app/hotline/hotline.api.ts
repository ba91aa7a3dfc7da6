import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  HotlineCasePrefill,
  HotlineContactInput,
  HotlineContactPage,
  HotlineContactView,
  HotlineCrisisItem,
  HotlineImportField,
  HotlineImportView,
  HotlineListQuery,
  HotlineMoveRequest,
  HotlineOutcomeRequest,
  HotlineStats,
  HotlineStatsPeriod,
  InstitutionView,
} from '@ruta/shared';
import { Observable } from 'rxjs';

/** The hotline API: contacts, the crisis list, outcomes, the case prefill, imports and statistics. */
@Injectable({ providedIn: 'root' })
export class HotlineApi {
  private readonly http = inject(HttpClient);

  create(input: HotlineContactInput): Observable<HotlineContactView> {
    return this.http.post<HotlineContactView>('/api/hotline/contacts', input);
  }

  list(query: HotlineListQuery): Observable<HotlineContactPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get<HotlineContactPage>('/api/hotline/contacts', { params });
  }

  get(id: string): Observable<HotlineContactView> {
    return this.http.get<HotlineContactView>(`/api/hotline/contacts/${encodeURIComponent(id)}`);
  }

  crisis(): Observable<HotlineCrisisItem[]> {
    return this.http.get<HotlineCrisisItem[]>('/api/hotline/crisis');
  }

  take(id: string, version: number): Observable<HotlineContactView> {
    return this.http.post<HotlineContactView>(`/api/hotline/contacts/${encodeURIComponent(id)}/take`, { version });
  }

  move(id: string, body: HotlineMoveRequest): Observable<HotlineContactView> {
    return this.http.post<HotlineContactView>(`/api/hotline/contacts/${encodeURIComponent(id)}/transitions`, body);
  }

  outcome(id: string, body: HotlineOutcomeRequest): Observable<HotlineContactView> {
    return this.http.post<HotlineContactView>(`/api/hotline/contacts/${encodeURIComponent(id)}/outcome`, body);
  }

  casePrefill(id: string): Observable<HotlineCasePrefill> {
    return this.http.get<HotlineCasePrefill>(`/api/hotline/contacts/${encodeURIComponent(id)}/case-prefill`);
  }

  startImport(file: File, mapping: Partial<Record<HotlineImportField, string>>): Observable<HotlineImportView> {
    const body = new FormData();
    body.append('mapping', JSON.stringify(mapping));
    body.append('file', file, file.name);
    return this.http.post<HotlineImportView>('/api/hotline/imports', body);
  }

  importStatus(id: string): Observable<HotlineImportView> {
    return this.http.get<HotlineImportView>(`/api/hotline/imports/${encodeURIComponent(id)}`);
  }

  /** The institutions a tip or a referral can go to. */
  institutions(): Observable<InstitutionView[]> {
    return this.http.get<InstitutionView[]>('/api/institutions');
  }

  stats(period: HotlineStatsPeriod): Observable<HotlineStats> {
    return this.http.get<HotlineStats>('/api/hotline/stats', { params: new HttpParams().set('period', period) });
  }
}
