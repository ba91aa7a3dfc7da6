import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, CASE_STATUS, CaseSummaryView, EXPLOITATION_PURPOSE, TRAFFICKING_STATUS } from '@ruta/shared';
import { catchError, finalize, of } from 'rxjs';
import { CanDirective } from '../../core/auth/can.directive';
import { CursorList } from '../../core/http/cursor-list';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { CasesApi } from '../cases.api';
import { OptionLabelPipe, OptionLabelsPipe } from '../option-label.pipe';
import { PlacesApi } from '../places.api';
import { CaseFilters } from './case-filters';
import { CaseSearchCriteria } from './case-search-filters';

/** Cases in the user's scope, newest first, with filters and keyset "load more". Pseudonymised rows show what the API gives. */
@Component({
  selector: 'ruta-case-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatTableModule, MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe, CanDirective, OptionLabelPipe, OptionLabelsPipe, CaseFilters, FormError],
  templateUrl: './case-list.page.html',
})
export class CaseListPage implements OnInit {
  private readonly api = inject(CasesApi);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly statuses = CASE_STATUS;
  protected readonly traffickingStatuses = TRAFFICKING_STATUS;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly ageBands = AGE_BAND;

  protected readonly columns = ['code', 'victim', 'status', 'institution', 'purposes', 'department', 'identifiedOn', 'flags'];
  private criteria: CaseSearchCriteria = { sort: 'created_desc' };
  protected readonly error = signal<ErrorMessage | null>(null);
  /** Completed searches: lets a reader (or a browser test) tell a fresh answer from the previous one. */
  protected readonly searches = signal(0);
  protected readonly cases = new CursorList<CaseSummaryView>((cursor) => {
    const request = this.api.search({ ...this.criteria, cursor, limit: 25 });
    return request.pipe(
      catchError((error: unknown) => {
        this.error.set(problemMessage(error));
        throw error;
      }),
      finalize(() => this.searches.update((n) => n + 1)),
    );
  });

  private readonly departments = toSignal(inject(PlacesApi).departments$.pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly departmentNames = computed(() => new Map(this.departments().map((d) => [d.code, d.name])));

  ngOnInit(): void {
    this.cases.reload();
  }

  protected filter(criteria: CaseSearchCriteria): void {
    this.criteria = criteria;
    this.error.set(null);
    this.cases.reload();
  }
}
