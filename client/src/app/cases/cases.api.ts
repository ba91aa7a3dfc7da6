import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CaseAssignmentView,
  CaseDetailView,
  CaseSearchPage,
  CaseSearchRequest,
  CaseTransitionRequest,
  CreateCaseRequest,
  CreateCaseResponse,
  DuplicateCheckRequest,
  DuplicateHint,
  TimelineEntry,
  UpdateCaseRequest,
  UpdateVictimRequest,
} from '@ruta/shared';
import { Observable } from 'rxjs';
import { errorsShownInPlace } from '../core/http/api-error.interceptor';

/** The case path of a code; codes are pseudonymous (`RT-2026-000123`), never personal data. */
export function casePath(code: string): string {
  return `/api/cases/${encodeURIComponent(code)}`;
}

/** Cases: search (filters in the POST body, never in the URL), intake, detail, edits, status and assignments. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** The list shows a failure in its own error line (one message, no snack bar too). */
  search(request: CaseSearchRequest): Observable<CaseSearchPage> {
    return this.http.post<CaseSearchPage>('/api/cases/search', request, { context: errorsShownInPlace() });
  }

  get(code: string): Observable<CaseDetailView> {
    return this.http.get<CaseDetailView>(casePath(code));
  }

  create(request: CreateCaseRequest): Observable<CreateCaseResponse> {
    return this.http.post<CreateCaseResponse>('/api/cases', request);
  }

  duplicates(request: DuplicateCheckRequest): Observable<DuplicateHint[]> {
    return this.http.post<DuplicateHint[]>('/api/cases/duplicates', request);
  }

  update(code: string, request: UpdateCaseRequest): Observable<CaseDetailView> {
    return this.http.patch<CaseDetailView>(casePath(code), request);
  }

  updateVictim(code: string, request: UpdateVictimRequest): Observable<CaseDetailView> {
    return this.http.patch<CaseDetailView>(`${casePath(code)}/victim`, request);
  }

  transition(code: string, request: CaseTransitionRequest): Observable<CaseDetailView> {
    return this.http.post<CaseDetailView>(`${casePath(code)}/transitions`, request);
  }

  assign(code: string, userId: string): Observable<CaseAssignmentView[]> {
    return this.http.post<CaseAssignmentView[]>(`${casePath(code)}/assignments`, { userId });
  }

  unassign(code: string, userId: string): Observable<CaseAssignmentView[]> {
    return this.http.delete<CaseAssignmentView[]>(`${casePath(code)}/assignments/${encodeURIComponent(userId)}`);
  }

  timeline(code: string): Observable<TimelineEntry[]> {
    return this.http.get<TimelineEntry[]>(`${casePath(code)}/timeline`);
  }
}
