import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { TRAFFICKER_KIND, TRAFFICKER_ROLE, ListOrder } from '@ruta/shared';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { ListOrderSelect } from '../list-order';
import { ListTotalText } from '../../core/layout/list-total';
import { PagedList, PROSECUTIONS_TOTAL } from '../paged-list';
import { ProsecutionsApi } from '../prosecutions.api';

/**
 * Alleged traffickers of the user's institution, newest record first (or oldest: their names are stored encrypted and
 * have no order), searched by name or alias (a typo and missing accents allowed) or exact document number.
 */
@Component({
  selector: 'ruta-traffickers-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListTotalText, ListOrderSelect, RouterLink, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, FormError],
  template: `
    <form (ngSubmit)="list.load()" class="filter">
      <mat-form-field>
        <mat-label>{{ 'prosecutions.searchName' | translate }}</mat-label>
        <input matInput [formControl]="query" data-testid="traffickers-search" />
      </mat-form-field>
      <button mat-stroked-button type="submit">{{ 'prosecutions.search' | translate }}</button>
    </form>
    <ruta-form-error [message]="list.error()" />
    <p class="muted" data-testid="traffickers-total"><ruta-list-total [total]="list.total()" [nouns]="totalNouns" /></p>
    <ruta-list-order by="date" testId="traffickers-order" [order]="order()" (orderChange)="reorder($event)" />
    <ul class="stack" data-testid="traffickers-list" [attr.data-loaded]="list.loaded()">
      @for (t of list.items(); track t.id) {
        <li>
          <a [routerLink]="['/judicializacion/perfiles', t.id]">{{ t.name }}</a>
          · {{ t.kind | rutaOption: kinds }} · {{ t.roles | rutaOptions: roles }}
        </li>
      } @empty {
        @if (list.loaded()) { <li class="muted">{{ 'prosecutions.empty' | translate }}</li> }
      }
    </ul>
    @if (list.more()) {
      <button mat-stroked-button type="button" (click)="list.load(true)">{{ 'prosecutions.more' | translate }}</button>
    }
  `,
  styles: `
    .filter { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
  `,
})
export class TraffickersList implements OnInit {
  private readonly api = inject(ProsecutionsApi);
  protected readonly kinds = TRAFFICKER_KIND;
  protected readonly roles = TRAFFICKER_ROLE;
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly order = signal<ListOrder>('desc');
  protected readonly totalNouns = PROSECUTIONS_TOTAL;
  protected readonly list = new PagedList((cursor) => this.api.traffickers({ cursor, limit: 25, order: this.order(), q: this.query.value.trim() || undefined }));

  protected reorder(order: ListOrder): void {
    this.order.set(order);
    this.list.load();
  }

  ngOnInit(): void {
    this.list.load();
  }
}
