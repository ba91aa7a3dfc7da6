import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateRoleRequest, RoleView, UpdateRoleRequest } from '@ruta/shared';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<RoleView[]> {
    return this.http.get<RoleView[]>('/api/roles');
  }

  create(request: CreateRoleRequest): Observable<RoleView> {
    return this.http.post<RoleView>('/api/roles', request);
  }

  update(id: string, request: UpdateRoleRequest): Observable<RoleView> {
    return this.http.patch<RoleView>(`/api/roles/${encodeURIComponent(id)}`, request);
  }
}
