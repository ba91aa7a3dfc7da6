import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, CASE_STATUS, caseSortOf, caseSortParts, CaseSortColumn, CaseSummaryView, EXPLOITATION_PURPOSE, TRAFFICKING_STATUS } from '@ruta/shared';
import { catchError, finalize, of } from 'rxjs';
import { CanDirective } from '../../core/auth/can.directive';
import { CursorList } from '../../core/http/cursor-list';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ListSummary, PageSize } from '../../core/layout/list-summary';
import { CasesApi } from '../cases.api';
import { OptionLabelPipe, OptionLabelsPipe } from '../option-label.pipe';
import { PlacesApi } from '../places.api';
import { CaseFilters } from './case-filters';
import { CaseSearchCriteria } from './case-search-filters';
import { CaseExportPanel } from '../../indicators/exports/case-export-panel';

const SORTABLE: Record<string, CaseSortColumn> = { code: 'code', createdAt: 'created', updatedAt: 'updated' };

/**
 * Cases in the user's scope: one row of filters, the total, sortable columns (sorted by the server on indexes), a page
 * size and keyset "load more". Below 600 px the table's rows become cards. Pseudonymised rows show what the API gives.
 */
@Component({
  selector: 'ruta-case-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatTableModule, MatSortModule, MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe, CanDirective, OptionLabelPipe, OptionLabelsPipe, CaseFilters, FormError, ListSummary, CaseExportPanel],
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
  protected readonly nouns = { one: 'cases.totalOne', other: 'cases.total', more: 'cases.totalMore' };
  private readonly filters = viewChild.required(CaseFilters);

  protected readonly columns = ['code', 'victim', 'status', 'institution', 'purposes', 'department', 'identifiedOn', 'createdAt', 'updatedAt', 'flags'];
  protected readonly criteria = signal<CaseSearchCriteria>({ sort: 'created_desc' });
  /** The export panel (`cases:export`): the list as a file, with its current filters. */
  protected readonly exporting = signal(false);
  protected readonly pageSize = signal<PageSize>(25);
  protected readonly sortActive = computed(() => {
    const { column } = caseSortParts(this.criteria().sort);
    return Object.keys(SORTABLE).find((key) => SORTABLE[key] === column) ?? 'createdAt';
  });
  protected readonly sortDirection = computed(() => caseSortParts(this.criteria().sort).direction);
  /** Filters beyond the default order: an empty answer then says to widen them, not that there are no cases. */
  protected readonly filtered = computed(() => Object.keys(this.criteria()).some((key) => key !== 'sort'));
  protected readonly error = signal<ErrorMessage | null>(null);
  /** Completed searches: lets a reader (or a browser test) tell a fresh answer from the previous one. */
  protected readonly searches = signal(0);
  protected readonly cases = new CursorList<CaseSummaryView>((cursor) => {
    const request = this.api.search({ ...this.criteria(), cursor, limit: this.pageSize() });
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
    this.criteria.set(criteria);
    this.error.set(null);
    this.cases.reload();
  }

  protected sortBy(sort: Sort): void {
    const column = SORTABLE[sort.active];
    if (column) this.filters().sortBy(caseSortOf(column, sort.direction === 'asc' ? 'asc' : 'desc'));
  }

  protected resize(size: PageSize): void {
    this.pageSize.set(size);
    this.error.set(null);
    this.cases.reload();
  }

  protected clearFilters(): void {
    this.filters().clear();
  }
}
