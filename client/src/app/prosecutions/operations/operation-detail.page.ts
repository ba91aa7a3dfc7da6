import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { OPERATION_TYPE, OperationView } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { PlaceNamePipe } from '../../cases/place-name.pipe';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LinkChart } from '../graph/link-chart';
import { ProsecutionsApi } from '../prosecutions.api';
import { CanDirective } from '../../core/auth/can.directive';
import { LinkTrafficker } from './link-trafficker';

/** `/judicializacion/operativos/:id`: an operation, the victims it identified, the persons arrested, its link chart. */
@Component({
  selector: 'ruta-operation-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslatePipe, OptionLabelPipe, PlaceNamePipe, CalendarDatePipe, FormError, LinkChart, CanDirective, LinkTrafficker],
  template: `
    <section class="page">
      <ruta-form-error [message]="error()" />
      @if (operation(); as o) {
        <div class="page-header"><h1 tabindex="-1">{{ o.name }}</h1></div>
        <dl class="facts">
          <dt>{{ 'prosecutions.occurredOn' | translate }}</dt><dd>{{ o.occurredOn | rutaDate }}</dd>
          <dt>{{ 'prosecutions.place' | translate }}</dt><dd>{{ { countryCode: 'CO', municipalityCode: o.municipalityCode } | rutaPlace }}</dd>
          <dt>{{ 'prosecutions.operationType' | translate }}</dt><dd>{{ o.type | rutaOption: types }}</dd>
          <dt>{{ 'prosecutions.institution' | translate }}</dt><dd>{{ o.institution.name }}</dd>
          <dt>{{ 'prosecutions.arrests' | translate }}</dt><dd>{{ o.arrests }}</dd>
        </dl>
        @if (o.description) { <p>{{ o.description }}</p> }
        <h2>{{ 'prosecutions.victims' | translate }}</h2>
        <ul>
          @for (c of o.caseCodes; track c) { <li><a [routerLink]="['/casos', c]">{{ c }}</a></li> } @empty { <li class="muted">{{ 'prosecutions.noVictims' | translate }}</li> }
        </ul>
        <h2>{{ 'prosecutions.traffickers' | translate }}</h2>
        <ul data-testid="operation-traffickers" [attr.data-count]="o.traffickers.length">
          @for (t of o.traffickers; track t.id) {
            <li>
              <a [routerLink]="['/judicializacion/perfiles', t.id]">{{ t.name }}</a>@if (t.arrested) { · {{ 'prosecutions.arrested' | translate }} }
              <button *rutaCan="'operations:manage'" mat-button type="button" [disabled]="busy()" (click)="unlink(o.id, t.id)" [attr.aria-label]="'prosecutions.unlinkNamed' | translate: { name: t.name }" [attr.data-testid]="'operation-unlink-' + t.id">{{ 'prosecutions.unlink' | translate }}</button>
            </li>
          } @empty { <li class="muted">{{ 'prosecutions.empty' | translate }}</li> }
        </ul>
        <ruta-link-trafficker *rutaCan="'operations:manage'" [operationId]="o.id" (linked)="operation.set($event)" />
        <h2>{{ 'prosecutions.graph.title' | translate }}</h2>
        <ruta-link-chart [start]="'operation:' + o.id" />
      }
    </section>
  `,
})
export class OperationDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly types = OPERATION_TYPE;
  protected readonly operation = signal<OperationView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    this.api.operation(this.id()).subscribe({ next: (o) => this.operation.set(o), error: (error: unknown) => this.error.set(problemMessage(error)) });
  }

  /** Takes an alleged trafficker linked by mistake out of the operation (audited by the server). */
  protected unlink(operationId: string, traffickerId: string): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.unlinkOperationTrafficker(operationId, traffickerId).subscribe({
      next: (o) => {
        this.busy.set(false);
        this.operation.set(o);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(error));
      },
    });
  }
}
