import { inject, Injectable, signal } from '@angular/core';
import { CaseDetailView } from '@ruta/shared';
import { Observable, tap } from 'rxjs';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { CasesApi } from '../cases.api';

/** The case open in the detail page, shared by its tabs (provided by the page). */
@Injectable()
export class CaseDetailStore {
  private readonly api = inject(CasesApi);
  readonly detail = signal<CaseDetailView | null>(null);
  readonly error = signal<ErrorMessage | null>(null);
  private code = '';

  load(code: string): void {
    this.code = code;
    this.detail.set(null);
    this.error.set(null);
    this.api.get(code).subscribe({ next: (view) => this.detail.set(view), error: (error: unknown) => this.error.set(problemMessage(error, { not_found: 'caseDetail.outOfScope' })) });
  }

  /** Reads the case again (after a conflict); edit forms keep what the user typed. */
  reload(): Observable<CaseDetailView> {
    return this.api.get(this.code).pipe(tap((view) => this.detail.set(view)));
  }

  set(view: CaseDetailView): void {
    this.detail.set(view);
  }
}
