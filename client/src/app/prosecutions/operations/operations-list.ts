import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { OPERATION_TYPE, ListOrder } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { PlaceNamePipe } from '../../cases/place-name.pipe';
import { FormError } from '../../core/http/form-error';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { ListOrderSelect } from '../list-order';
import { ListTotalText } from '../../core/layout/list-total';
import { PagedList, PROSECUTIONS_TOTAL } from '../paged-list';
import { ProsecutionsApi } from '../prosecutions.api';

/** Police and DAS operations, newest first. */
@Component({
  selector: 'ruta-operations-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListTotalText, ListOrderSelect, RouterLink, MatButtonModule, TranslatePipe, OptionLabelPipe, PlaceNamePipe, CalendarDatePipe, FormError],
  template: `
    <ruta-form-error [message]="list.error()" />
    <p class="muted" data-testid="operations-total"><ruta-list-total [total]="list.total()" [nouns]="totalNouns" /></p>
    <ruta-list-order by="date" testId="operations-order" [order]="order()" (orderChange)="reorder($event)" />
    <ul class="stack" data-testid="operations-list" [attr.data-loaded]="list.loaded()">
      @for (o of list.items(); track o.id) {
        <li>
          <a [routerLink]="['/judicializacion/operativos', o.id]">{{ o.name }}</a>
          · {{ o.occurredOn | rutaDate }} · {{ o.type | rutaOption: types }} · {{ { countryCode: 'CO', municipalityCode: o.municipalityCode } | rutaPlace }}
          · {{ 'prosecutions.operationCounts' | translate: { cases: o.cases, arrests: o.arrests } }}
        </li>
      } @empty {
        @if (list.loaded()) { <li class="muted">{{ 'prosecutions.empty' | translate }}</li> }
      }
    </ul>
    @if (list.more()) {
      <button mat-stroked-button type="button" (click)="list.load(true)">{{ 'prosecutions.more' | translate }}</button>
    }
  `,
})
export class OperationsList implements OnInit {
  private readonly api = inject(ProsecutionsApi);
  protected readonly types = OPERATION_TYPE;
  protected readonly order = signal<ListOrder>('desc');
  protected readonly totalNouns = PROSECUTIONS_TOTAL;
  protected readonly list = new PagedList((cursor) => this.api.operations({ cursor, limit: 25, order: this.order() }));

  protected reorder(order: ListOrder): void {
    this.order.set(order);
    this.list.load();
  }

  ngOnInit(): void {
    this.list.load();
  }
}
