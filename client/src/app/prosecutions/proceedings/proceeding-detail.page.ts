import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { OFFENCE, PROCEEDING_VICTIM_ROLE, PROTECTION_MEASURE, ProceedingView } from '@ruta/shared';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { PlaceNamePipe } from '../../cases/place-name.pipe';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LinkChart } from '../graph/link-chart';
import { ProsecutionsApi } from '../prosecutions.api';
import { AddDefendant } from './add-defendant';
import { AppealsPanel } from './appeals-panel';
import { DefendantCard } from './defendant-card';
import { HearingsPanel } from './hearings-panel';

/** `/judicializacion/procesos/:id`: the proceeding, its victims, each defendant's stage, the hearings, the link chart. */
@Component({
  selector: 'ruta-proceeding-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, OptionLabelPipe, OptionLabelsPipe, PlaceNamePipe, CalendarDatePipe, CanDirective, FormError, DefendantCard, AddDefendant, HearingsPanel, AppealsPanel, LinkChart],
  template: `
    <section class="page">
      <ruta-form-error [message]="error()" />
      @if (proceeding(); as p) {
        <div class="page-header"><h1 tabindex="-1" data-testid="proceeding-title">{{ 'prosecutions.proceedingTitle' | translate: { nunc: p.nunc } }}</h1></div>
        <dl class="facts">
          <dt>{{ 'prosecutions.reportedOn' | translate }}</dt><dd>{{ p.reportedOn | rutaDate }}</dd>
          <dt>{{ 'prosecutions.place' | translate }}</dt><dd>{{ { countryCode: 'CO', municipalityCode: p.municipalityCode } | rutaPlace }}</dd>
          <dt>{{ 'prosecutions.prosecutorUnit' | translate }}</dt><dd>{{ p.prosecutorUnit }}</dd>
          @if (!p.pseudonymised) { <dt>{{ 'prosecutions.prosecutorName' | translate }}</dt><dd>{{ p.prosecutorName }}</dd> }
          <dt>{{ 'prosecutions.offences' | translate }}</dt><dd>{{ p.offences | rutaOptions: offences }}@if (p.otherOffence) { ({{ p.otherOffence }}) }</dd>
        </dl>
        <h2>{{ 'prosecutions.victims' | translate }}</h2>
        <ul data-testid="proceeding-victims">
          @for (v of p.victims; track v.caseCode) {
            <li><a [routerLink]="['/casos', v.caseCode]">{{ v.caseCode }}</a> · {{ v.role | rutaOption: roles }} · {{ v.protectionMeasures | rutaOptions: measures }}</li>
          } @empty {
            <li class="muted">{{ 'prosecutions.noVictims' | translate }}</li>
          }
        </ul>
        <h2>{{ 'prosecutions.defendants' | translate }}</h2>
        <div class="stack" data-testid="defendants" [attr.data-count]="p.defendants.length">
          @for (d of p.defendants; track d.id) {
            <ruta-defendant-card [proceedingId]="p.id" [defendant]="d" [hearings]="p.hearings" (moved)="update($event)" />
          } @empty {
            <p class="muted">{{ 'prosecutions.noDefendants' | translate }}</p>
          }
        </div>
        <ruta-add-defendant *rutaCan="'proceedings:manage'" [proceedingId]="p.id" (added)="update($event)" />
        <h2>{{ 'prosecutions.hearings' | translate }}</h2>
        <ruta-hearings-panel [proceedingId]="p.id" [hearings]="p.hearings" [defendants]="p.defendants" (recorded)="update($event)" />
        <h2>{{ 'prosecutions.appeals' | translate }}</h2>
        <ruta-appeals-panel [proceedingId]="p.id" [appeals]="p.appeals" [defendants]="p.defendants" (recorded)="update($event)" />
        @if (!p.pseudonymised) {
          <h2>{{ 'prosecutions.graph.title' | translate }}</h2>
          <p class="muted">{{ 'prosecutions.graph.hint' | translate }}</p>
          <ruta-link-chart [start]="'proceeding:' + p.id" />
        }
      }
    </section>
  `,
  styles: `
    h1 { overflow-wrap: anywhere; }
  `,
})
export class ProceedingDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly offences = OFFENCE;
  protected readonly roles = PROCEEDING_VICTIM_ROLE;
  protected readonly measures = PROTECTION_MEASURE;
  protected readonly proceeding = signal<ProceedingView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.reload();
  }

  protected update(view: ProceedingView | 'stale'): void {
    if (view === 'stale') this.reload();
    else this.proceeding.set(view);
  }

  private reload(): void {
    this.api.proceeding(this.id()).subscribe({ next: (p) => this.proceeding.set(p), error: (error: unknown) => this.error.set(problemMessage(error)) });
  }
}
