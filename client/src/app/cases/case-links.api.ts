import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AcceptLinkRequest, CaseLinksView, CreateLinkRequest, DeclineLinkRequest, DuplicateHint, IncomingLinkRequestView } from '@ruta/shared';
import { Observable } from 'rxjs';
import { casePath } from './cases.api';

/** Possible duplicates of an existing case, its links, and the link requests between institutions. */
@Injectable({ providedIn: 'root' })
export class CaseLinksApi {
  private readonly http = inject(HttpClient);

  duplicates(code: string): Observable<DuplicateHint[]> {
    return this.http.get<DuplicateHint[]>(`${casePath(code)}/duplicates`);
  }

  links(code: string): Observable<CaseLinksView> {
    return this.http.get<CaseLinksView>(`${casePath(code)}/links`);
  }

  request(code: string, request: CreateLinkRequest): Observable<CaseLinksView> {
    return this.http.post<CaseLinksView>(`${casePath(code)}/link-requests`, request);
  }

  incoming(): Observable<IncomingLinkRequestView[]> {
    return this.http.get<IncomingLinkRequestView[]>('/api/case-link-requests');
  }

  accept(id: string, request: AcceptLinkRequest): Observable<IncomingLinkRequestView> {
    return this.http.post<IncomingLinkRequestView>(`/api/case-link-requests/${encodeURIComponent(id)}/accept`, request);
  }

  decline(id: string, request: DeclineLinkRequest): Observable<IncomingLinkRequestView> {
    return this.http.post<IncomingLinkRequestView>(`/api/case-link-requests/${encodeURIComponent(id)}/decline`, request);
  }
}
