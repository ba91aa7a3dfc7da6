import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseProsecutionsView, DEFENDANT_STAGE } from '@ruta/shared';
import { OptionLabelPipe } from '../cases/option-label.pipe';
import { CanDirective } from '../core/auth/can.directive';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { CalendarDatePipe } from '../core/i18n/calendar-date.pipe';
import { ProsecutionsApi } from './prosecutions.api';

/** The case detail's prosecutions tab: the proceedings, operations and alleged traffickers of one case; open a proceeding. */
@Component({
  selector: 'ruta-case-proceedings-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, CalendarDatePipe, CanDirective, FormError],
  template: `
    <section class="stack" data-testid="case-proceedings" [attr.data-loaded]="loaded()">
      <ruta-form-error [message]="error()" />
      <a mat-flat-button *rutaCan="'proceedings:manage'" [routerLink]="['/judicializacion/procesos/nuevo']" [queryParams]="{ caso: code() }" data-testid="case-open-proceeding">
        <mat-icon aria-hidden="true" svgIcon="gavel" />{{ 'prosecutions.openFromCase' | translate }}
      </a>
      @if (view(); as v) {
        <h3>{{ 'prosecutions.proceedings' | translate }}</h3>
        <ul>
          @for (p of v.proceedings; track p.id) {
            <li [attr.data-testid]="'case-proceeding-' + p.nunc">
              <a [routerLink]="['/judicializacion/procesos', p.id]">{{ p.nunc }}</a> · {{ p.reportedOn | rutaDate }}
              @for (s of p.stages; track $index) { · {{ s | rutaOption: stages }} }
            </li>
          } @empty { <li class="muted">{{ 'prosecutions.noProceedings' | translate }}</li> }
        </ul>
        <h3>{{ 'prosecutions.operations' | translate }}</h3>
        <ul>
          @for (o of v.operations; track o.id) {
            <li><a [routerLink]="['/judicializacion/operativos', o.id]">{{ o.name }}</a> · {{ o.occurredOn | rutaDate }}</li>
          } @empty { <li class="muted">{{ 'prosecutions.empty' | translate }}</li> }
        </ul>
        <h3>{{ 'prosecutions.traffickers' | translate }}</h3>
        <ul>
          @for (t of v.traffickers; track t.id) {
            <li><a [routerLink]="['/judicializacion/perfiles', t.id]">{{ t.name }}</a></li>
          } @empty { <li class="muted">{{ 'prosecutions.empty' | translate }}</li> }
        </ul>
      }
    </section>
  `,
})
export class CaseProceedingsTab implements OnInit {
  /** The case code (the route carries codes, never names). */
  readonly code = input.required<string>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly view = signal<CaseProsecutionsView | null>(null);
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.api.ofCase(this.code()).subscribe({
      next: (v) => {
        this.view.set(v);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.error.set(problemMessage(error));
        this.loaded.set(true);
      },
    });
  }
}
