import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AccessChangeDecision,
  AccessChangeRequestView,
  AccessChangeStatus,
  ApproveAccessChangeRequest,
  CancelAccessChangeRequest,
  RefuseAccessChangeRequest,
} from '@ruta/shared';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/http/query-params';

@Injectable({ providedIn: 'root' })
export class AccessRequestsApi {
  private readonly http = inject(HttpClient);

  list(status?: AccessChangeStatus): Observable<AccessChangeRequestView[]> {
    return this.http.get<AccessChangeRequestView[]>('/api/access-requests', { params: queryParams({ status }) });
  }

  approve(id: string, request: ApproveAccessChangeRequest): Observable<AccessChangeDecision> {
    return this.http.post<AccessChangeDecision>(`/api/access-requests/${encodeURIComponent(id)}/approve`, request);
  }

  refuse(id: string, request: RefuseAccessChangeRequest): Observable<AccessChangeDecision> {
    return this.http.post<AccessChangeDecision>(`/api/access-requests/${encodeURIComponent(id)}/refuse`, request);
  }

  cancel(id: string, request: CancelAccessChangeRequest): Observable<AccessChangeRequestView> {
    return this.http.post<AccessChangeRequestView>(`/api/access-requests/${encodeURIComponent(id)}/cancel`, request);
  }
}
