import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_STAGE, OFFENCE, ListOrder } from '@ruta/shared';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { ListOrderSelect } from '../list-order';
import { ListTotalText } from '../../core/layout/list-total';
import { PagedList, PROSECUTIONS_TOTAL } from '../paged-list';
import { ProsecutionsApi } from '../prosecutions.api';

/** Proceedings, newest noticia criminal first, with the stage of each defendant. */
@Component({
  selector: 'ruta-proceedings-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListTotalText, ListOrderSelect, RouterLink, MatButtonModule, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, CalendarDatePipe, FormError],
  template: `
    <ruta-form-error [message]="list.error()" />
    <p class="muted" data-testid="proceedings-total"><ruta-list-total [total]="list.total()" [nouns]="totalNouns" /></p>
    <ruta-list-order by="date" testId="proceedings-order" [order]="order()" (orderChange)="reorder($event)" />
    <ul class="stack" data-testid="proceedings-list" [attr.data-loaded]="list.loaded()">
      @for (p of list.items(); track p.id) {
        <li [attr.data-testid]="'proceeding-' + p.nunc">
          <a [routerLink]="['/judicializacion/procesos', p.id]">{{ p.nunc }}</a>
          · {{ p.reportedOn | rutaDate }} · {{ p.offences | rutaOptions: offences }}
          · {{ 'prosecutions.defendantsCount' | translate: { count: p.defendants } }}
          @for (s of p.stages; track $index) { · {{ s | rutaOption: stages }} }
        </li>
      } @empty {
        @if (list.loaded()) { <li class="muted">{{ 'prosecutions.empty' | translate }}</li> }
      }
    </ul>
    @if (list.more()) {
      <button mat-stroked-button type="button" (click)="list.load(true)" data-testid="proceedings-more">{{ 'prosecutions.more' | translate }}</button>
    }
  `,
})
export class ProceedingsList implements OnInit {
  private readonly api = inject(ProsecutionsApi);
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly offences = OFFENCE;
  protected readonly order = signal<ListOrder>('desc');
  protected readonly totalNouns = PROSECUTIONS_TOTAL;
  protected readonly list = new PagedList((cursor) => this.api.proceedings({ cursor, limit: 25, order: this.order() }));

  protected reorder(order: ListOrder): void {
    this.order.set(order);
    this.list.load();
  }

  ngOnInit(): void {
    this.list.load();
  }
}
