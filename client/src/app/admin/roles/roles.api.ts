import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AccessChangeRequestView, CreateRoleRequest, RoleView, UpdateRoleRequest } from '@ruta/shared';
import { Observable } from 'rxjs';
import { AccessChangeOutcome, toOutcome } from '../access-requests/access-change-outcome';

@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<RoleView[]> {
    return this.http.get<RoleView[]>('/api/roles');
  }

  /** A protected role waits for a second administrator (four eyes): the outcome says which. */
  create(request: CreateRoleRequest): Observable<AccessChangeOutcome<RoleView>> {
    return this.http.post<RoleView | AccessChangeRequestView>('/api/roles', request, { observe: 'response' }).pipe(toOutcome<RoleView>());
  }

  update(id: string, request: UpdateRoleRequest): Observable<AccessChangeOutcome<RoleView>> {
    return this.http
      .patch<RoleView | AccessChangeRequestView>(`/api/roles/${encodeURIComponent(id)}`, request, { observe: 'response' })
      .pipe(toOutcome<RoleView>());
  }
}
