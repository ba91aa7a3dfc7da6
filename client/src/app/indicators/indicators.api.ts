import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AnnualReport, IndicatorsView } from '@ruta/shared';
import { Observable } from 'rxjs';

export interface IndicatorFilters {
  year: number;
  institutionId?: string;
  departmentCode?: string;
}

/** The indicators API: the figures of a year, the annual report table and its files. */
@Injectable({ providedIn: 'root' })
export class IndicatorsApi {
  private readonly http = inject(HttpClient);

  indicators(filters: IndicatorFilters): Observable<IndicatorsView> {
    let params = new HttpParams().set('year', String(filters.year));
    if (filters.institutionId) params = params.set('institutionId', filters.institutionId);
    if (filters.departmentCode) params = params.set('departmentCode', filters.departmentCode);
    return this.http.get<IndicatorsView>('/api/indicators', { params });
  }

  annualReport(year: number): Observable<AnnualReport> {
    return this.http.get<AnnualReport>('/api/indicators/annual-report', { params: new HttpParams().set('year', String(year)) });
  }

  /** A plain link (the browser downloads it with the session cookie): never personal data in it, only the year. */
  annualReportFile(year: number, format: 'xlsx' | 'pdf', language: 'es' | 'en'): string {
    return `/api/indicators/annual-report?year=${year}&format=${format}&language=${language}`;
  }
}
