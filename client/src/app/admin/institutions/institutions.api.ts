import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateInstitutionRequest, InstitutionView, UpdateInstitutionRequest } from '@ruta/shared';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InstitutionsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<InstitutionView[]> {
    return this.http.get<InstitutionView[]>('/api/institutions');
  }

  create(request: CreateInstitutionRequest): Observable<InstitutionView> {
    return this.http.post<InstitutionView>('/api/institutions', request);
  }

  update(id: string, request: UpdateInstitutionRequest): Observable<InstitutionView> {
    return this.http.patch<InstitutionView>(`/api/institutions/${encodeURIComponent(id)}`, request);
  }
}
