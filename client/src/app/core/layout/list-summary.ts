import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { ListTotal } from '../http/cursor-list';
import { ListTotalNouns, ListTotalText } from './list-total';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/**
 * The line above a list: how many items match ("42 casos", "Más de 10.000 casos", in the user's locale) and the page
 * size. Every list with a total uses it; `nouns` are the list's keys for one, many and "more than" (with {{count}}).
 */
@Component({
  selector: 'ruta-list-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListTotalText, MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    <span class="list-total" data-testid="list-total">
      @if (total(); as t) {
        <ruta-list-total [total]="t" [nouns]="nouns()" />
      }
    </span>
    <mat-form-field class="page-size" subscriptSizing="dynamic">
      <mat-label>{{ 'list.pageSize' | translate }}</mat-label>
      <mat-select [value]="pageSize()" (valueChange)="pageSizeChange.emit($event)" data-testid="list-page-size">
        @for (size of sizes; track size) {
          <mat-option [value]="size" [attr.data-testid]="'list-page-size-' + size">{{ size }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  host: { class: 'list-summary' },
})
export class ListSummary {
  protected readonly sizes = PAGE_SIZES;
  readonly total = input.required<ListTotal | null>();
  readonly nouns = input.required<ListTotalNouns>();
  readonly pageSize = input.required<PageSize>();
  readonly pageSizeChange = output<PageSize>();
}
