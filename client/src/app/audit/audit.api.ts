import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AuditEventView, AuditHeadView, AuditQuery, AuditVerifyResponse, Page, UserView } from '@ruta/shared';
import { Observable } from 'rxjs';
import { queryParams } from '../core/http/query-params';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  events(query: AuditQuery): Observable<Page<AuditEventView>> {
    return this.http.get<Page<AuditEventView>>('/api/audit/events', { params: queryParams(query) });
  }

  /** The newest seal and the newest anchor kept outside the database. */
  head(): Observable<AuditHeadView> {
    return this.http.get<AuditHeadView>('/api/audit/head');
  }

  verify(): Observable<AuditVerifyResponse> {
    return this.http.post<AuditVerifyResponse>('/api/audit/verify', {});
  }

  /** Users for the filter (first 100). */
  users(): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>('/api/users', { params: queryParams({ limit: 100 }) });
  }
}
