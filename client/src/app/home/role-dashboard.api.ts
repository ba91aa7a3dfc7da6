import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { DashboardKind, RoleDashboard } from '@ruta/shared';
import { Observable } from 'rxjs';

/** The role dashboards of the home page (counts only, over the user's scope). */
@Injectable({ providedIn: 'root' })
export class RoleDashboardApi {
  private readonly http = inject(HttpClient);

  get(kind: DashboardKind): Observable<RoleDashboard> {
    return this.http.get<RoleDashboard>(`/api/indicators/dashboards/${kind}`);
  }
}
