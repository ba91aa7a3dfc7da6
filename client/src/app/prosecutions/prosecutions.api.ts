import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AddDefendantRequest,
  CaseProceedingSummary,
  CaseProsecutionsView,
  CountedPage,
  CreateAppealRequest,
  CreateHearingRequest,
  CreateOperationRequest,
  CreateProceedingRequest,
  CreateTraffickerRequest,
  CreateTraffickerResponse,
  JusticeIndicators,
  LinkOperationTraffickerRequest,
  LinkGraph,
  ListOrder,
  MoveDefendantRequest,
  OperationListItem,
  OperationView,
  ProceedingListItem,
  ProceedingView,
  TraffickerListItem,
  TraffickerView,
  UpdateAppealRequest,
} from '@ruta/shared';
import { Observable } from 'rxjs';

/** The prosecutions API: proceedings and their defendants, hearings, operations, alleged traffickers, indicators, link chart. */
@Injectable({ providedIn: 'root' })
export class ProsecutionsApi {
  private readonly http = inject(HttpClient);

  private page(params: { limit?: number; cursor?: string; order?: ListOrder }): HttpParams {
    let p = new HttpParams();
    if (params.order) p = p.set('order', params.order);
    if (params.limit) p = p.set('limit', String(params.limit));
    if (params.cursor) p = p.set('cursor', params.cursor);
    return p;
  }

  proceedings(params: { limit?: number; cursor?: string; order?: ListOrder } = {}): Observable<CountedPage<ProceedingListItem>> {
    return this.http.get<CountedPage<ProceedingListItem>>('/api/proceedings', { params: this.page(params) });
  }

  proceeding(id: string): Observable<ProceedingView> {
    return this.http.get<ProceedingView>(`/api/proceedings/${encodeURIComponent(id)}`);
  }

  createProceeding(request: CreateProceedingRequest): Observable<ProceedingView> {
    return this.http.post<ProceedingView>('/api/proceedings', request);
  }

  addDefendant(id: string, request: AddDefendantRequest): Observable<ProceedingView> {
    return this.http.post<ProceedingView>(`/api/proceedings/${encodeURIComponent(id)}/defendants`, request);
  }

  moveDefendant(id: string, defendantId: string, request: MoveDefendantRequest): Observable<ProceedingView> {
    return this.http.post<ProceedingView>(`/api/proceedings/${encodeURIComponent(id)}/defendants/${encodeURIComponent(defendantId)}/transitions`, request);
  }

  addHearing(id: string, request: CreateHearingRequest): Observable<ProceedingView> {
    return this.http.post<ProceedingView>(`/api/proceedings/${encodeURIComponent(id)}/hearings`, request);
  }

  addAppeal(id: string, request: CreateAppealRequest): Observable<ProceedingView> {
    return this.http.post<ProceedingView>(`/api/proceedings/${encodeURIComponent(id)}/appeals`, request);
  }

  updateAppeal(id: string, appealId: string, request: UpdateAppealRequest): Observable<ProceedingView> {
    return this.http.patch<ProceedingView>(`/api/proceedings/${encodeURIComponent(id)}/appeals/${encodeURIComponent(appealId)}`, request);
  }

  summaryOfCase(code: string): Observable<CaseProceedingSummary[]> {
    return this.http.get<CaseProceedingSummary[]>(`/api/cases/${encodeURIComponent(code)}/proceedings-summary`);
  }

  ofCase(code: string): Observable<CaseProsecutionsView> {
    return this.http.get<CaseProsecutionsView>(`/api/cases/${encodeURIComponent(code)}/proceedings`);
  }

  operations(params: { limit?: number; cursor?: string; order?: ListOrder } = {}): Observable<CountedPage<OperationListItem>> {
    return this.http.get<CountedPage<OperationListItem>>('/api/operations', { params: this.page(params) });
  }

  operation(id: string): Observable<OperationView> {
    return this.http.get<OperationView>(`/api/operations/${encodeURIComponent(id)}`);
  }

  createOperation(request: CreateOperationRequest): Observable<OperationView> {
    return this.http.post<OperationView>('/api/operations', request);
  }

  linkOperationTrafficker(id: string, request: LinkOperationTraffickerRequest): Observable<OperationView> {
    return this.http.post<OperationView>(`/api/operations/${encodeURIComponent(id)}/traffickers`, request);
  }

  unlinkOperationTrafficker(id: string, traffickerId: string): Observable<OperationView> {
    return this.http.delete<OperationView>(`/api/operations/${encodeURIComponent(id)}/traffickers/${encodeURIComponent(traffickerId)}`);
  }

  unlinkTraffickerCase(id: string, caseCode: string): Observable<TraffickerView> {
    return this.http.delete<TraffickerView>(`/api/traffickers/${encodeURIComponent(id)}/cases/${encodeURIComponent(caseCode)}`);
  }

  traffickers(params: { limit?: number; cursor?: string; q?: string; order?: ListOrder } = {}): Observable<CountedPage<TraffickerListItem>> {
    let p = this.page(params);
    if (params.q) p = p.set('q', params.q);
    return this.http.get<CountedPage<TraffickerListItem>>('/api/traffickers', { params: p });
  }

  trafficker(id: string): Observable<TraffickerView> {
    return this.http.get<TraffickerView>(`/api/traffickers/${encodeURIComponent(id)}`);
  }

  createTrafficker(request: CreateTraffickerRequest): Observable<CreateTraffickerResponse> {
    return this.http.post<CreateTraffickerResponse>('/api/traffickers', request);
  }

  indicators(year: number, quarter?: number | null): Observable<JusticeIndicators> {
    let params = new HttpParams().set('year', String(year));
    if (quarter) params = params.set('quarter', String(quarter));
    return this.http.get<JusticeIndicators>('/api/prosecution-indicators', { params });
  }

  /** One hop around a node: `case:<code>`, `operation:<id>`, `proceeding:<id>`, `trafficker:<id>`. */
  graph(node: string): Observable<LinkGraph> {
    return this.http.get<LinkGraph>('/api/link-graph', { params: new HttpParams().set('node', node) });
  }
}
