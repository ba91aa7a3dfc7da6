import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_SEX, DEFENDANT_STAGE, DefendantView, HearingView, ProceedingView, SHORTCUT } from '@ruta/shared';
import { CountryNamePipe } from '../../cases/country-name.pipe';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { CanDirective } from '../../core/auth/can.directive';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { DefendantMove } from './defendant-move';
import { StageStepper } from './stage-stepper';

/** One defendant: who (unless pseudonymised), their own stage on the Law 906 path, its history, and the next move. */
@Component({
  selector: 'ruta-defendant-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, TranslatePipe, OptionLabelPipe, CountryNamePipe, CalendarDatePipe, CanDirective, StageStepper, DefendantMove],
  template: `
    @let d = defendant();
    <mat-card appearance="outlined" [attr.data-testid]="'defendant-' + d.label">
      <mat-card-content>
        <h3 class="name">{{ d.trafficker?.name ?? ('prosecutions.defendantN' | translate: { n: d.label }) }}</h3>
        <p class="muted">{{ d.sex | rutaOption: sexes }} · {{ d.nationality | rutaCountry }}</p>
        <p [attr.data-testid]="'defendant-stage-' + d.label">
          <strong>{{ d.stage | rutaOption: stages }}</strong> {{ 'prosecutions.since' | translate: { date: (d.stageSince | rutaDate) } }}
          @if (d.detention) { · {{ 'prosecutions.detained' | translate }} }
        </p>
        <ruta-stage-stepper [stage]="d.stage" [passed]="passed()" [label]="'prosecutions.stagesOf' | translate: { n: d.label }" />
        @if (d.sentence; as s) {
          <p>{{ 'prosecutions.sentenceSummary' | translate: { months: s.prisonMonths, fine: s.fineSmlmv } }}</p>
        }
        <details>
          <summary>{{ 'prosecutions.history' | translate }}</summary>
          <ul>
            @for (h of d.history; track $index) {
              <li>{{ h.on | rutaDate }} · {{ h.to | rutaOption: stages }} @if (h.shortcut) { ({{ h.shortcut | rutaOption: shortcuts }}) }</li>
            }
          </ul>
        </details>
        <div *rutaCan="'proceedings:manage'">
          @if (d.moves.length) {
            <ruta-defendant-move [proceedingId]="proceedingId()" [defendant]="d" [hearings]="hearings()" (moved)="moved.emit($event)" />
          }
        </div>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .name { font: var(--mat-sys-title-medium); margin: 8px 0 0; overflow-wrap: anywhere; }
  `,
})
export class DefendantCard {
  readonly proceedingId = input.required<string>();
  readonly defendant = input.required<DefendantView>();
  readonly hearings = input<HearingView[]>([]);
  readonly moved = output<ProceedingView | 'stale'>();
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly sexes = DEFENDANT_SEX;
  protected readonly shortcuts = SHORTCUT;
  protected readonly passed = computed(() => this.defendant().history.map((h) => h.to));
}
