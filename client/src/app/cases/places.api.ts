import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CountryView, DepartmentView, MunicipalityView } from '@ruta/shared';
import { Observable, shareReplay } from 'rxjs';

/** DIVIPOLA departments and municipalities, and ISO 3166 countries. Reference data: read once per session. */
@Injectable({ providedIn: 'root' })
export class PlacesApi {
  private readonly http = inject(HttpClient);
  private readonly municipalitiesByDepartment = new Map<string, Observable<MunicipalityView[]>>();

  readonly departments$: Observable<DepartmentView[]> = this.http.get<DepartmentView[]>('/api/places/departments').pipe(shareReplay(1));
  /** All 1,122 municipalities, for the place search across departments. */
  readonly allMunicipalities$: Observable<MunicipalityView[]> = this.http.get<MunicipalityView[]>('/api/places/municipalities').pipe(shareReplay(1));
  readonly countries$: Observable<CountryView[]> = this.http.get<CountryView[]>('/api/places/countries').pipe(shareReplay(1));

  municipalities(departmentCode: string): Observable<MunicipalityView[]> {
    let found = this.municipalitiesByDepartment.get(departmentCode);
    if (!found) {
      found = this.http
        .get<MunicipalityView[]>(`/api/places/departments/${encodeURIComponent(departmentCode)}/municipalities`)
        .pipe(shareReplay(1));
      this.municipalitiesByDepartment.set(departmentCode, found);
    }
    return found;
  }
}
