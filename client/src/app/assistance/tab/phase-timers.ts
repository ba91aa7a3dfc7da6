import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ASSISTANCE_PHASE, AssistanceOverview, PhaseTimerView } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AssistanceApi } from '../assistance.api';

/** The legal windows of the case's assistance phases: days left, deadline, the one extension with its justification. */
@Component({
  selector: 'ruta-phase-timers',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, CanDirective, FormError, OptionLabelPipe],
  template: `
    <section aria-labelledby="assistance-timers-title">
      <h3 id="assistance-timers-title" class="section-title">{{ 'assistance.timers.title' | translate }}</h3>
      <ul class="stack" data-testid="assistance-timers">
        @for (t of overview().timers; track t.id) {
          <li [attr.data-testid]="'assistance-timer-' + t.phase" [class.muted]="t.ended">
            <strong>{{ t.phase | rutaOption: phases }}</strong> ·
            @if (t.ended) {
              {{ 'assistance.timers.ended' | translate }}
            } @else if (t.overdue) {
              <strong class="tag" data-testid="assistance-timer-overdue">{{ 'assistance.timers.overdue' | translate: { days: -t.daysLeft } }}</strong>
            } @else {
              <span data-testid="assistance-timer-days">{{ 'assistance.timers.daysLeft' | translate: { days: t.daysLeft } }}</span>
            }
            · {{ 'assistance.timers.deadline' | translate }} {{ t.deadlineAt | date: 'mediumDate' : undefined : locale() }}
            @if (t.extended) { · {{ 'assistance.timers.extended' | translate }} }
            @if (!t.ended && !t.extended) {
              <button mat-button type="button" *rutaCan="'assistance:manage'" (click)="extending.set(t)" [attr.data-testid]="'assistance-extend-' + t.phase">
                {{ 'assistance.timers.extend' | translate }}
              </button>
            }
          </li>
        } @empty {
          <li class="muted">{{ 'assistance.timers.none' | translate }}</li>
        }
      </ul>
      @if (extending(); as t) {
        <form class="stack" [formGroup]="form" (ngSubmit)="extend(t)" data-testid="assistance-extend-form">
          <mat-form-field>
            <mat-label>{{ 'assistance.timers.justification' | translate }}</mat-label>
            <textarea matInput required formControlName="justification" rows="3" data-testid="assistance-extend-justification"></textarea>
            <mat-error>{{ form.controls.justification.errors | rutaError }}</mat-error>
          </mat-form-field>
          <ruta-form-error [message]="error()" />
          <div class="actions">
            <button mat-button type="button" (click)="extending.set(null)">{{ 'common.cancel' | translate }}</button>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="assistance-extend-save">{{ 'assistance.timers.extend' | translate }}</button>
          </div>
        </form>
      }
    </section>
  `,
})
export class PhaseTimers {
  private readonly api = inject(AssistanceApi);
  private readonly language = inject(LanguageService);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly phases = ASSISTANCE_PHASE;
  protected readonly extending = signal<PhaseTimerView | null>(null);
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly form = inject(NonNullableFormBuilder).group({ justification: ['', [Validators.required, Validators.maxLength(2000)]] });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected extend(timer: PhaseTimerView): void {
    const body = { phase: timer.phase, version: timer.version, justification: this.form.getRawValue().justification.trim() };
    this.submission.submit(() => this.api.extend(this.overview().caseCode, body), {
      done: (o) => {
        this.extending.set(null);
        this.form.reset();
        this.changed.emit(o);
      },
    });
  }
}
