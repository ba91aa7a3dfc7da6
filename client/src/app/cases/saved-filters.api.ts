import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SavedFilterView, SaveFilterRequest } from '@ruta/shared';
import { Observable } from 'rxjs';

/** The signed-in user's saved case searches (filter codes only, never names or document numbers). */
@Injectable({ providedIn: 'root' })
export class SavedFiltersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<SavedFilterView[]> {
    return this.http.get<SavedFilterView[]>('/api/saved-filters');
  }

  create(request: SaveFilterRequest): Observable<SavedFilterView> {
    return this.http.post<SavedFilterView>('/api/saved-filters', request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/saved-filters/${encodeURIComponent(id)}`);
  }
}
