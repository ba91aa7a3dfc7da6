import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CaseStatsView } from '@ruta/shared';
import { Observable } from 'rxjs';

/** The dashboard's counts of the cases in the user's scope (counts only, never a code or a name). */
@Injectable({ providedIn: 'root' })
export class CaseStatsApi {
  private readonly http = inject(HttpClient);

  get(): Observable<CaseStatsView> {
    return this.http.get<CaseStatsView>('/api/cases/stats');
  }
}
