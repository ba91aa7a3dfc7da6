import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { REFERRAL_PURPOSE, REFERRAL_STATUS, REFERRAL_URGENCY, ReferralBox, ReferralListItem, ReferralSort } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';

/** Column ids that the server sorts (on its indexes), and the sort each asks for. */
const SORTABLE: Record<string, ReferralSort> = { caseCode: 'case', deadlineAt: 'deadline', createdAt: 'created' };

export interface ReferralOrder {
  sort: ReferralSort;
  direction: 'asc' | 'desc';
}

/**
 * The rows of an inbox or outbox: case code (a link to the referral), the other institution, purpose, urgency, status
 * with the overdue mark, deadline and date. Case code, deadline and date sort on the server. Cards below 600 px.
 */
@Component({
  selector: 'ruta-referral-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatTableModule, MatSortModule, TranslatePipe, OptionLabelPipe],
  template: `
    <div class="table-wrap">
      <table
        mat-table
        class="responsive-table"
        [dataSource]="items()"
        matSort
        matSortDisableClear
        [matSortActive]="active()"
        [matSortDirection]="order().direction"
        (matSortChange)="sortBy($event)"
        data-testid="referrals-table"
        [attr.aria-label]="'referrals.title' | translate"
        [attr.aria-busy]="loading()"
      >
        <ng-container matColumnDef="caseCode">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col" data-testid="referrals-sort-case" [sortActionDescription]="'referrals.sortBy' | translate: { column: ('referrals.caseCode' | translate) }">{{ 'referrals.caseCode' | translate }}</th>
          <td mat-cell *matCellDef="let r" class="nowrap card-title" [attr.data-label]="'referrals.caseCode' | translate"><a [routerLink]="['/remisiones', r.id]"><code>{{ r.caseCode }}</code></a></td>
        </ng-container>
        <ng-container matColumnDef="institution">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ (box() === 'inbox' ? 'referrals.filters.from' : box() === 'outbox' ? 'referrals.filters.to' : 'referrals.route') | translate }}</th>
          <td mat-cell *matCellDef="let r" [attr.data-label]="'referrals.route' | translate">{{ box() === 'inbox' ? r.from.name : box() === 'outbox' ? r.to.name : r.from.name + ' → ' + r.to.name }}</td>
        </ng-container>
        <ng-container matColumnDef="purpose">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'referrals.purpose' | translate }}</th>
          <td mat-cell *matCellDef="let r" [attr.data-label]="'referrals.purpose' | translate">{{ r.purpose | rutaOption: purposes }}</td>
        </ng-container>
        <ng-container matColumnDef="urgency">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'referrals.refer.urgency' | translate }}</th>
          <td mat-cell *matCellDef="let r" [attr.data-label]="'referrals.refer.urgency' | translate">{{ r.urgency | rutaOption: urgencies }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'referrals.statusLabel' | translate }}</th>
          <td mat-cell *matCellDef="let r" [attr.data-label]="'referrals.statusLabel' | translate" data-testid="referral-row-status">
            {{ r.status | rutaOption: statuses }}
            @if (r.overdue) { · <strong class="form-error">{{ 'referrals.overdue' | translate }}</strong> }
          </td>
        </ng-container>
        <ng-container matColumnDef="deadlineAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col" data-testid="referrals-sort-deadline" [sortActionDescription]="'referrals.sortBy' | translate: { column: ('referrals.deadline' | translate) }">{{ 'referrals.deadline' | translate }}</th>
          <td mat-cell *matCellDef="let r" class="nowrap" [attr.data-label]="'referrals.deadline' | translate">{{ r.deadlineAt ? (r.deadlineAt | date: 'short' : undefined : locales[language.current()]) : '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header scope="col" data-testid="referrals-sort-created" [sortActionDescription]="'referrals.sortBy' | translate: { column: ('referrals.createdAt' | translate) }">{{ 'referrals.createdAt' | translate }}</th>
          <td mat-cell *matCellDef="let r" class="nowrap" [attr.data-label]="'referrals.createdAt' | translate">{{ r.createdAt | date: 'mediumDate' : undefined : locales[language.current()] }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" [attr.data-testid]="'referral-' + row.caseCode"></tr>
        <tr class="mat-mdc-row empty-row" *matNoDataRow>
          <td class="mat-mdc-cell" [attr.colspan]="columns.length" data-testid="referrals-empty">{{ (loading() ? 'app.loading' : 'referrals.empty') | translate }}</td>
        </tr>
      </table>
    </div>
  `,
})
export class ReferralTable {
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly purposes = REFERRAL_PURPOSE;
  protected readonly urgencies = REFERRAL_URGENCY;
  protected readonly statuses = REFERRAL_STATUS;
  protected readonly columns = ['caseCode', 'institution', 'purpose', 'urgency', 'status', 'deadlineAt', 'createdAt'];
  readonly items = input.required<ReferralListItem[]>();
  readonly box = input.required<ReferralBox>();
  readonly order = input.required<ReferralOrder>();
  readonly loading = input(false);
  readonly orderChange = output<ReferralOrder>();

  protected active(): string {
    return Object.keys(SORTABLE).find((key) => SORTABLE[key] === this.order().sort) ?? 'createdAt';
  }

  protected sortBy(sort: Sort): void {
    const column = SORTABLE[sort.active];
    if (column) this.orderChange.emit({ sort: column, direction: sort.direction === 'asc' ? 'asc' : 'desc' });
  }
}
