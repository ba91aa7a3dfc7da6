import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AccessChangeRequestView, CreateUserRequest, Page, TemporaryPasswordResponse, UpdateUserRequest, UserView } from '@ruta/shared';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/http/query-params';
import { AccessChangeOutcome, toOutcome } from '../access-requests/access-change-outcome';

export interface UserQuery {
  q?: string;
  institutionId?: string;
  cursor?: string;
  limit?: number;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserQuery): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>('/api/users', { params: queryParams(query) });
  }

  /** Giving someone a protected role waits for a second administrator (four eyes): the outcome says which. */
  create(request: CreateUserRequest): Observable<AccessChangeOutcome<TemporaryPasswordResponse>> {
    return this.http
      .post<TemporaryPasswordResponse | AccessChangeRequestView>('/api/users', request, { observe: 'response' })
      .pipe(toOutcome<TemporaryPasswordResponse>());
  }

  update(id: string, request: UpdateUserRequest): Observable<AccessChangeOutcome<UserView>> {
    return this.http
      .patch<UserView | AccessChangeRequestView>(`/api/users/${encodeURIComponent(id)}`, request, { observe: 'response' })
      .pipe(toOutcome<UserView>());
  }

  resetPassword(id: string): Observable<AccessChangeOutcome<TemporaryPasswordResponse>> {
    return this.http
      .post<TemporaryPasswordResponse | AccessChangeRequestView>(`/api/users/${encodeURIComponent(id)}/reset-password`, {}, { observe: 'response' })
      .pipe(toOutcome<TemporaryPasswordResponse>());
  }
}
