import { DatePipe, formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CaseSearchRequest, CaseSort, CaseSummaryView, EXPLOITATION_PURPOSE, ExploitationPurpose } from '@ruta/shared';
import { CasesApi } from '../../cases/cases.api';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { CursorList } from '../../core/http/cursor-list';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ListSummary, PageSize } from '../../core/layout/list-summary';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period from a link's `from` and `to` (calendar dates, `from` not after `to`), or null. */
function periodOf(from: string | null, to: string | null): { from: string; to: string } | null {
  return from && to && DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : null;
}

/**
 * The cases behind a dashboard figure: the year's (or a period's) identified cases, optionally minors or one purpose,
 * in the user's scope and as the case list shows them (pseudonymised for coordinators), with the total, sorting by
 * code or date and keyset "load more". The filters come from the card's link: dates and codes, never personal data.
 * Served at `/indicadores/casos` (coordinators) and at `/inicio/casos` (the home dashboards; route data `back`).
 */
@Component({
  selector: 'ruta-indicator-cases-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatTableModule, MatSortModule, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, ListSummary],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ heading.key | translate: heading.params }}</h1>
        <a mat-stroked-button [routerLink]="back.path"><mat-icon aria-hidden="true" svgIcon="arrow_back" />{{ back.label | translate }}</a>
      </div>
      @if (minor) { <p>{{ 'indicators.behind.minors' | translate }}</p> }
      @if (purpose) { <p>{{ purpose | rutaOption: purposes }}</p> }
      <div class="list-bar" role="status" data-testid="behind-status">
        <ruta-list-summary [total]="cases.loading() ? null : cases.total()" [nouns]="nouns" [pageSize]="pageSize()" (pageSizeChange)="resize($event)" />
      </div>
      <div class="table-wrap">
        <table mat-table class="responsive-table" [dataSource]="cases.items()" matSort matSortDisableClear [matSortActive]="sortActive()" [matSortDirection]="sortDirection()" (matSortChange)="sortBy($event)" [attr.aria-label]="heading.key | translate: heading.params" data-testid="behind-table">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">{{ 'cases.code' | translate }}</th>
            <td mat-cell *matCellDef="let c" class="card-title" [attr.data-label]="'cases.code' | translate"><a [routerLink]="['/casos', c.code]"><code>{{ c.code }}</code></a></td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'cases.status' | translate }}</th>
            <td mat-cell *matCellDef="let c" [attr.data-label]="'cases.status' | translate">{{ c.status | rutaOption: statuses }}</td>
          </ng-container>
          <ng-container matColumnDef="institution">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'cases.institution' | translate }}</th>
            <td mat-cell *matCellDef="let c" [attr.data-label]="'cases.institution' | translate">{{ c.ownerInstitution.name }}</td>
          </ng-container>
          <ng-container matColumnDef="purposes">
            <th mat-header-cell *matHeaderCellDef scope="col">{{ 'cases.purpose' | translate }}</th>
            <td mat-cell *matCellDef="let c" [attr.data-label]="'cases.purpose' | translate">{{ c.purposes | rutaOptions: purposes }}</td>
          </ng-container>
          <ng-container matColumnDef="createdAt">
            <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col">{{ 'cases.identifiedOn' | translate }}</th>
            <td mat-cell *matCellDef="let c" [attr.data-label]="'cases.identifiedOn' | translate">{{ c.identifiedOn | date: 'mediumDate' : 'UTC' : locales[language.current()] }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
      @if (cases.nextCursor()) {
        <button mat-stroked-button type="button" (click)="cases.more()" [disabled]="cases.loading()">{{ 'common.loadMore' | translate }}</button>
      }
    </section>
  `,
})
export class IndicatorCasesPage implements OnInit {
  private readonly api = inject(CasesApi);
  private readonly params = inject(ActivatedRoute).snapshot.queryParamMap;
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly statuses = CASE_STATUS;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly nouns = { one: 'cases.totalOne', other: 'cases.total', more: 'cases.totalMore' };
  protected readonly columns = ['code', 'status', 'institution', 'purposes', 'createdAt'];
  protected readonly year = Number(this.params.get('year')) || new Date().getFullYear();
  private readonly period = periodOf(this.params.get('from'), this.params.get('to'));
  protected readonly heading = this.period
    ? { key: 'indicators.behind.period', params: { from: this.day(this.period.from), to: this.day(this.period.to) } }
    : { key: 'indicators.behind.heading', params: { year: this.year } };
  protected readonly back: { path: string; label: string } = inject(ActivatedRoute).snapshot.data['back'] ?? { path: '/indicadores', label: 'indicators.behind.back' };
  protected readonly minor = this.params.get('minor') === 'yes';
  protected readonly purpose = (EXPLOITATION_PURPOSE.values as readonly string[]).includes(this.params.get('purpose') ?? '') ? (this.params.get('purpose') as ExploitationPurpose) : null;
  protected readonly pageSize = signal<PageSize>(25);
  private readonly sort = signal<CaseSort>('code_asc');
  protected readonly sortActive = computed(() => (this.sort().startsWith('code') ? 'code' : 'createdAt'));
  protected readonly sortDirection = computed(() => (this.sort().endsWith('asc') ? 'asc' : 'desc'));
  protected readonly cases = new CursorList<CaseSummaryView>((cursor) => this.api.search({ ...this.request(), cursor, limit: this.pageSize() }));

  ngOnInit(): void {
    this.cases.reload();
  }

  private request(): CaseSearchRequest {
    const { from, to } = this.period ?? { from: `${this.year}-01-01`, to: `${this.year}-12-31` };
    const request: CaseSearchRequest = { identifiedFrom: from, identifiedTo: to, sort: this.sort() };
    if (this.minor) request.minor = true;
    if (this.purpose) request.purpose = [this.purpose];
    return request;
  }

  private day(date: string): string {
    return formatDate(date, 'mediumDate', LOCALES[this.language.current()], 'UTC');
  }

  protected sortBy(sort: Sort): void {
    const direction = sort.direction === 'desc' ? 'desc' : 'asc';
    this.sort.set(sort.active === 'code' ? `code_${direction}` : `created_${direction}`);
    this.cases.reload();
  }

  protected resize(size: PageSize): void {
    this.pageSize.set(size);
    this.cases.reload();
  }
}
