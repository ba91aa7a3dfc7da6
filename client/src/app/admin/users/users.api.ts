import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateUserRequest, Page, TemporaryPasswordResponse, UpdateUserRequest, UserView } from '@ruta/shared';
import { Observable } from 'rxjs';
import { queryParams } from '../../core/http/query-params';

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

  create(request: CreateUserRequest): Observable<TemporaryPasswordResponse> {
    return this.http.post<TemporaryPasswordResponse>('/api/users', request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserView> {
    return this.http.patch<UserView>(`/api/users/${encodeURIComponent(id)}`, request);
  }

  resetPassword(id: string): Observable<TemporaryPasswordResponse> {
    return this.http.post<TemporaryPasswordResponse>(`/api/users/${encodeURIComponent(id)}/reset-password`, {});
  }
}
