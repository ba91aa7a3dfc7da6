import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AssistanceOverview, RISK_ASSESSMENT_KIND, RISK_LEVEL, RISK_THREAT, RiskAssessmentRequest } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionChips } from '../../cases/option-chips';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { AssistanceApi } from '../assistance.api';

/** Needs and risk assessments, newest first, and the form of a new one (high or extreme alerts the supervisor). */
@Component({
  selector: 'ruta-risk-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, CanDirective, FormError, CalendarDatePipe, OptionChips, OptionLabelPipe, OptionLabelsPipe, OptionSelect],
  template: `
    <section aria-labelledby="assistance-risk-title">
      <h3 id="assistance-risk-title" class="section-title">{{ 'assistance.risk.title' | translate }}</h3>
      <ul class="stack" data-testid="assistance-risks">
        @for (r of overview().risks; track r.id) {
          <li [attr.data-level]="r.level">
            <strong>{{ r.level | rutaOption: l.RISK_LEVEL }}</strong> · {{ r.kind | rutaOption: l.RISK_ASSESSMENT_KIND }} · {{ r.threats | rutaOptions: l.RISK_THREAT }}
            · {{ r.assessedBy.name }} · {{ r.assessedAt | date: 'medium' : undefined : locale() }}
            @if (r.nextReviewOn) { · {{ 'assistance.risk.nextReview' | translate }} {{ r.nextReviewOn | rutaDate }} }
            @if (r.measures) { <p class="muted">{{ r.measures }}</p> }
          </li>
        } @empty {
          <li class="muted">{{ 'assistance.risk.none' | translate }}</li>
        }
      </ul>
      <form class="stack" [formGroup]="form" (ngSubmit)="save()" *rutaCan="'assistance:manage'" data-testid="assistance-risk-form">
        <div class="form-grid">
          <ruta-option-select [control]="form.controls.kind" [list]="l.RISK_ASSESSMENT_KIND" label="assistance.risk.kind" testId="assistance-risk-kind" [required]="true" />
          <ruta-option-select [control]="form.controls.level" [list]="l.RISK_LEVEL" label="assistance.risk.level" testId="assistance-risk-level" [required]="true" />
          <mat-form-field>
            <mat-label>{{ 'assistance.risk.nextReview' | translate }}</mat-label>
            <input matInput type="date" formControlName="nextReviewOn" />
          </mat-form-field>
        </div>
        <ruta-option-chips [control]="form.controls.threats" [list]="l.RISK_THREAT" label="assistance.risk.threats" testId="assistance-risk-threats" />
        <mat-form-field>
          <mat-label>{{ 'assistance.risk.measures' | translate }}</mat-label>
          <textarea matInput formControlName="measures" rows="2" data-testid="assistance-risk-measures"></textarea>
        </mat-form-field>
        <ruta-form-error [message]="error()" />
        <div class="actions"><button mat-stroked-button type="submit" [disabled]="busy()" data-testid="assistance-risk-save">{{ 'assistance.risk.save' | translate }}</button></div>
      </form>
    </section>
  `,
})
export class RiskPanel {
  private readonly api = inject(AssistanceApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly l = { RISK_LEVEL, RISK_THREAT, RISK_ASSESSMENT_KIND };
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['initial', Validators.required],
    level: ['', Validators.required],
    threats: [[] as string[]],
    measures: ['', Validators.maxLength(4000)],
    nextReviewOn: [''],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    const body = { kind: v.kind, level: v.level, threats: v.threats, ...(v.measures.trim() ? { measures: v.measures.trim() } : {}), ...(v.nextReviewOn ? { nextReviewOn: v.nextReviewOn } : {}) } as RiskAssessmentRequest;
    this.submission.submit(() => this.api.assessRisk(this.overview().caseCode, body), {
      done: (o) => {
        if (o.suggestProtectionReferral) this.notifier.info('assistance.risk.alerted');
        this.form.reset({ kind: 'periodic', threats: [] });
        this.changed.emit(o);
      },
    });
  }
}
