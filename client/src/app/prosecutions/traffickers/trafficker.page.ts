import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_SEX, TRAFFICKER_KIND, TRAFFICKER_ROLE, TraffickerView } from '@ruta/shared';
import { CountryNamePipe } from '../../cases/country-name.pipe';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { LinkChart } from '../graph/link-chart';
import { ProsecutionsApi } from '../prosecutions.api';

/** `/judicializacion/perfiles/:id`: an alleged trafficker's profile (investigation file: its institution only). */
@Component({
  selector: 'ruta-trafficker-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, CanDirective, RouterLink, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, CountryNamePipe, FormError, LinkChart],
  template: `
    <section class="page">
      <ruta-form-error [message]="error()" />
      @if (trafficker(); as t) {
        <div class="page-header"><h1 tabindex="-1">{{ t.name }}</h1></div>
        <dl class="facts">
          <dt>{{ 'prosecutions.kind' | translate }}</dt><dd>{{ t.kind | rutaOption: kinds }}</dd>
          <dt>{{ 'prosecutions.aliases' | translate }}</dt><dd>{{ t.aliases.join(', ') || '—' }}</dd>
          <dt>{{ 'prosecutions.document' | translate }}</dt><dd>{{ t.documentNumber ?? '—' }}</dd>
          <dt>{{ 'prosecutions.nationality' | translate }}</dt><dd>{{ t.nationality | rutaCountry }}</dd>
          <dt>{{ 'prosecutions.sex' | translate }}</dt><dd>{{ t.sex | rutaOption: sexes }}</dd>
          <dt>{{ 'prosecutions.roles' | translate }}</dt><dd>{{ t.roles | rutaOptions: roles }}</dd>
          <dt>{{ 'prosecutions.relationToVictim' | translate }}</dt><dd>{{ t.relationToVictim ?? '—' }}</dd>
        </dl>
        <h2>{{ 'prosecutions.links' | translate }}</h2>
        <ul>
          @for (c of t.caseCodes; track c) {
            <li>
              <a [routerLink]="['/casos', c]">{{ c }}</a>
              <button *rutaCan="'operations:manage'" mat-button type="button" [disabled]="busy()" (click)="unlink(t.id, c)" [attr.aria-label]="'prosecutions.unlinkNamed' | translate: { name: c }" [attr.data-testid]="'trafficker-unlink-' + c">{{ 'prosecutions.unlink' | translate }}</button>
            </li>
          }
          @for (o of t.operations; track o.id) { <li><a [routerLink]="['/judicializacion/operativos', o.id]">{{ o.name }}</a></li> }
          @for (p of t.proceedings; track p.id) { <li><a [routerLink]="['/judicializacion/procesos', p.id]">{{ p.nunc }}</a></li> }
        </ul>
        <h2>{{ 'prosecutions.graph.title' | translate }}</h2>
        <ruta-link-chart [start]="'trafficker:' + t.id" />
      }
    </section>
  `,
})
export class TraffickerPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly kinds = TRAFFICKER_KIND;
  protected readonly roles = TRAFFICKER_ROLE;
  protected readonly sexes = DEFENDANT_SEX;
  protected readonly trafficker = signal<TraffickerView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    this.api.trafficker(this.id()).subscribe({ next: (t) => this.trafficker.set(t), error: (error: unknown) => this.error.set(problemMessage(error)) });
  }

  /** Takes the alleged trafficker off a case they were linked to by mistake (audited by the server). */
  protected unlink(id: string, caseCode: string): void {
    this.busy.set(true);
    this.error.set(null);
    this.api.unlinkTraffickerCase(id, caseCode).subscribe({
      next: (t) => {
        this.busy.set(false);
        this.trafficker.set(t);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(error));
      },
    });
  }
}
