import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { HealthReport } from '@ruta/shared';
import { catchError, map, Observable, of } from 'rxjs';

export interface HealthState {
  /** The API answered at all (even with 503). */
  reachable: boolean;
  report: HealthReport;
}

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /** `GET /api/health`; a 503 carries the report too. */
  check(): Observable<HealthState> {
    return this.http.get<HealthReport>('/api/health').pipe(
      map((report) => ({ reachable: true, report })),
      catchError((error: unknown) => {
        const body = error instanceof HttpErrorResponse ? (error.error as HealthReport | null) : null;
        if (body && typeof body === 'object' && (body.status === 'ok' || body.status === 'error')) {
          return of({ reachable: true, report: body });
        }
        const reachable = error instanceof HttpErrorResponse && error.status !== 0;
        return of({ reachable, report: { status: 'error' as const } });
      }),
    );
  }
}
