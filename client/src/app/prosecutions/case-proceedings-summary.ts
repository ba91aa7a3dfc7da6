import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseProceedingSummary, DEFENDANT_STAGE, HEARING_TYPE, PROCEEDING_VICTIM_ROLE } from '@ruta/shared';
import { OptionLabelPipe } from '../cases/option-label.pipe';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { DateTimePipe } from '../core/i18n/date-time.pipe';
import { ProsecutionsApi } from './prosecutions.api';

/**
 * For those who accompany the victim (IOM caseworkers) and may not read the investigation file: the stage of each
 * defendant and the next hearing of the proceedings linked to the case, nothing else.
 */
@Component({
  selector: 'ruta-case-proceedings-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, OptionLabelPipe, DateTimePipe, FormError],
  template: `
    <section class="stack" data-testid="case-proceedings-summary" [attr.data-loaded]="loaded()">
      <p class="muted">{{ 'prosecutions.summary.hint' | translate }}</p>
      <ruta-form-error [message]="error()" />
      <ul>
        @for (p of items(); track $index) {
          <li data-testid="case-proceeding-summary">
            {{ 'prosecutions.summary.proceeding' | translate: { year: p.reportedYear } }} · {{ p.victimRole | rutaOption: roles }}
            @if (p.stages.length) {
              · {{ 'prosecutions.summary.stages' | translate }}:
              @for (s of p.stages; track $index) { {{ s | rutaOption: stages }}@if (!$last) {, } }
            }
            @if (p.nextHearing; as h) {
              <br />{{ 'prosecutions.summary.nextHearing' | translate }}: {{ h.type | rutaOption: hearingTypes }} · {{ h.at | rutaDateTime }} · {{ h.court }}
            }
          </li>
        } @empty {
          @if (loaded() && !error()) { <li class="muted">{{ 'prosecutions.noProceedings' | translate }}</li> }
        }
      </ul>
    </section>
  `,
})
export class CaseProceedingsSummary implements OnInit {
  /** The case code (the route carries codes, never names). */
  readonly code = input.required<string>();
  private readonly api = inject(ProsecutionsApi);
  protected readonly stages = DEFENDANT_STAGE;
  protected readonly roles = PROCEEDING_VICTIM_ROLE;
  protected readonly hearingTypes = HEARING_TYPE;
  protected readonly items = signal<CaseProceedingSummary[]>([]);
  protected readonly loaded = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.api.summaryOfCase(this.code()).subscribe({
      next: (items) => {
        this.items.set(items);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.error.set(problemMessage(error));
        this.loaded.set(true);
      },
    });
  }
}
