import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CASE_STATUS, CLOSURE_REASON, RISK_LEVEL, SERVICE_CATEGORY, WORKLIST_SORTS, WorklistItem, WorklistKind, WorklistSort } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AssistanceApi } from '../assistance.api';

/**
 * `/asistencia/lista/:kind`: the cases behind one card of "my day", by date (oldest or newest first, the server's
 * `sort`), in keyset pages, with the total. Changing the order reloads the list from its first page.
 */
@Component({
  selector: 'ruta-worklist-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatFormFieldModule, MatSelectModule, TranslatePipe, FormError, CalendarDatePipe, OptionLabelPipe],
  providers: [OptionLabelPipe],
  template: `
    <section class="page" aria-labelledby="worklist-title">
      <h1 id="worklist-title">{{ 'assistance.worklist.' + kind() | translate }}</h1>
      <a routerLink="/asistencia">{{ 'assistance.myDay.back' | translate }}</a>
      <ruta-form-error [message]="error()" />
      <mat-form-field class="sort">
        <mat-label>{{ 'assistance.worklist.sort' | translate }}</mat-label>
        <mat-select [value]="sort()" (selectionChange)="order($event.value)" data-testid="worklist-sort">
          @for (s of sorts; track s) {
            <mat-option [value]="s" [attr.data-testid]="'worklist-sort-' + s">{{ 'assistance.worklist.sorts.' + (s === 'date' ? 'oldest' : 'newest') | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <p data-testid="worklist-total">{{ 'assistance.worklist.total' | translate: { total: total() } }}</p>
      <ul class="stack" data-testid="worklist">
        @for (i of items(); track i.caseCode + i.on + $index) {
          <li>
            <a [routerLink]="['/casos', i.caseCode]"><code>{{ i.caseCode }}</code></a> · {{ i.caseStatus | rutaOption: l.CASE_STATUS }} · {{ i.on | rutaDate }}
            @if (i.detail) { · {{ detail(i) }} }
          </li>
        } @empty {
          <li class="muted">{{ 'assistance.worklist.none' | translate }}</li>
        }
      </ul>
      @if (nextCursor()) {
        <button mat-stroked-button type="button" (click)="load(nextCursor())" data-testid="worklist-more">{{ 'assistance.more' | translate }}</button>
      }
    </section>
  `,
})
export class WorklistPage implements OnInit {
  private readonly api = inject(AssistanceApi);
  private readonly labels = inject(OptionLabelPipe);
  readonly kind = input.required<WorklistKind>();
  protected readonly l = { CASE_STATUS };
  protected readonly items = signal<WorklistItem[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | undefined>(undefined);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly sorts = WORKLIST_SORTS;
  protected readonly sort = signal<WorklistSort>('date');

  ngOnInit(): void {
    this.load();
  }

  protected order(sort: WorklistSort): void {
    if (sort === this.sort()) return;
    this.sort.set(sort);
    this.load();
  }

  protected load(cursor?: string): void {
    const sort = this.sort();
    this.api.worklist(this.kind(), { cursor, limit: 25, sort }).subscribe({
      next: (page) => {
        // An answer for an order since replaced is dropped.
        if (sort !== this.sort()) return;
        this.items.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
      },
      error: (e: unknown) => this.error.set(problemMessage(e)),
    });
  }

  /** The item's detail as a label: a service category, a risk level or a closure reason. */
  protected detail(item: WorklistItem): string {
    const list = this.kind() === 'services_overdue' ? SERVICE_CATEGORY : this.kind() === 'high_risk' ? RISK_LEVEL : CLOSURE_REASON;
    return this.labels.transform(item.detail, list);
  }
}
