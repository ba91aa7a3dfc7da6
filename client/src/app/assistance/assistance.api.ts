import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AssistanceAlertView,
  AssistanceOverview,
  AssistancePlanRequest,
  ClosureDecisionRequest,
  ClosureInboxPage,
  ClosureRequestBody,
  ClosureRequestView,
  CreateServiceRequest,
  FollowUpRequest,
  MyDay,
  ParticipantRequest,
  PhaseExtensionRequest,
  RiskAssessmentRequest,
  ServiceCategory,
  ServiceProviderRequest,
  ServiceProviderView,
  UpdateServiceRequest,
  WorklistKind,
  WorklistPage,
  WorklistSort,
} from '@ruta/shared';
import { Observable } from 'rxjs';

/** The assistance API: a case's plan, services, risk, follow-ups, timers and closure; the approval inbox; "my day". */
@Injectable({ providedIn: 'root' })
export class AssistanceApi {
  private readonly http = inject(HttpClient);

  overview(code: string): Observable<AssistanceOverview> {
    return this.http.get<AssistanceOverview>(`/api/cases/${code}/assistance`);
  }

  savePlan(code: string, body: AssistancePlanRequest): Observable<AssistanceOverview> {
    return this.http.put<AssistanceOverview>(`/api/cases/${code}/assistance/plan`, body);
  }

  addParticipant(code: string, body: ParticipantRequest): Observable<AssistanceOverview> {
    return this.http.post<AssistanceOverview>(`/api/cases/${code}/assistance/participants`, body);
  }

  addService(code: string, body: CreateServiceRequest): Observable<AssistanceOverview> {
    return this.http.post<AssistanceOverview>(`/api/cases/${code}/assistance/services`, body);
  }

  updateService(id: string, body: UpdateServiceRequest): Observable<AssistanceOverview> {
    return this.http.patch<AssistanceOverview>(`/api/assistance/services/${id}`, body);
  }

  assessRisk(code: string, body: RiskAssessmentRequest): Observable<AssistanceOverview> {
    return this.http.post<AssistanceOverview>(`/api/cases/${code}/assistance/risk-assessments`, body);
  }

  addFollowUp(code: string, body: FollowUpRequest): Observable<AssistanceOverview> {
    return this.http.post<AssistanceOverview>(`/api/cases/${code}/assistance/follow-ups`, body);
  }

  extend(code: string, body: PhaseExtensionRequest): Observable<AssistanceOverview> {
    return this.http.post<AssistanceOverview>(`/api/cases/${code}/assistance/extensions`, body);
  }

  requestClosure(code: string, body: ClosureRequestBody): Observable<ClosureRequestView> {
    return this.http.post<ClosureRequestView>(`/api/cases/${code}/assistance/closure`, body);
  }

  closures(page: { cursor?: string; limit?: number } = {}): Observable<ClosureInboxPage> {
    let params = new HttpParams();
    if (page.cursor) params = params.set('cursor', page.cursor);
    if (page.limit) params = params.set('limit', String(page.limit));
    return this.http.get<ClosureInboxPage>('/api/assistance/closures', { params });
  }

  decide(id: string, body: ClosureDecisionRequest): Observable<ClosureRequestView> {
    return this.http.post<ClosureRequestView>(`/api/assistance/closures/${id}/decision`, body);
  }

  myDay(): Observable<MyDay> {
    return this.http.get<MyDay>('/api/assistance/my-day');
  }

  worklist(kind: WorklistKind, page: { cursor?: string; limit?: number; sort?: WorklistSort } = {}): Observable<WorklistPage> {
    let params = new HttpParams().set('kind', kind);
    if (page.sort && page.sort !== 'date') params = params.set('sort', page.sort);
    if (page.cursor) params = params.set('cursor', page.cursor);
    if (page.limit) params = params.set('limit', String(page.limit));
    return this.http.get<WorklistPage>('/api/assistance/worklist', { params });
  }

  alerts(): Observable<AssistanceAlertView[]> {
    return this.http.get<AssistanceAlertView[]>('/api/assistance/alerts');
  }

  markAlertRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/assistance/alerts/${id}/read`, {});
  }

  allProviders(): Observable<ServiceProviderView[]> {
    return this.http.get<ServiceProviderView[]>('/api/assistance/providers/all');
  }

  createProvider(body: ServiceProviderRequest): Observable<ServiceProviderView> {
    return this.http.post<ServiceProviderView>('/api/assistance/providers', body);
  }

  updateProvider(id: string, body: ServiceProviderRequest): Observable<ServiceProviderView> {
    return this.http.put<ServiceProviderView>(`/api/assistance/providers/${id}`, body);
  }

  providers(category: ServiceCategory, department: string | null): Observable<ServiceProviderView[]> {
    let params = new HttpParams().set('category', category);
    if (department) params = params.set('department', department);
    return this.http.get<ServiceProviderView[]>('/api/assistance/providers', { params });
  }
}
