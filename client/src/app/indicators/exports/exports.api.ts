import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateExportRequest, ExportJobView } from '@ruta/shared';
import { Observable } from 'rxjs';

/** List exports: ask for one, follow its progress, download it while the link lasts. */
@Injectable({ providedIn: 'root' })
export class ExportsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateExportRequest): Observable<ExportJobView> {
    return this.http.post<ExportJobView>('/api/indicators/exports', request);
  }

  mine(): Observable<ExportJobView[]> {
    return this.http.get<ExportJobView[]>('/api/indicators/exports');
  }
}
