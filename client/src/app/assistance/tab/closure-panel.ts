import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AssistanceOverview, CLOSURE_REASON, CLOSURE_STATUS, ClosureReason } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { AssistanceApi } from '../assistance.api';

/** The closure of the case's assistance: the latest request and its decision, or the form to ask for one. */
@Component({
  selector: 'ruta-closure-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, CanDirective, FormError, OptionLabelPipe, OptionSelect],
  template: `
    <section aria-labelledby="assistance-closure-title">
      <h3 id="assistance-closure-title" class="section-title">{{ 'assistance.closure.title' | translate }}</h3>
      @if (overview().closure; as c) {
        <p data-testid="assistance-closure-status" [attr.data-status]="c.status">
          <strong>{{ c.status | rutaOption: l.CLOSURE_STATUS }}</strong> · {{ c.reason | rutaOption: l.CLOSURE_REASON }} · {{ c.requestedBy.name }} · {{ c.requestedAt | date: 'medium' : undefined : locale() }}
          @if (c.decidedBy) { · {{ 'assistance.closure.decidedBy' | translate: { name: c.decidedBy.name } }} }
          @if (c.comment) { · {{ c.comment }} }
        </p>
      }
      @if (canRequest()) {
        <form class="stack" [formGroup]="form" (ngSubmit)="save()" *rutaCan="'assistance:manage'" data-testid="assistance-closure-form">
          <p class="muted">{{ 'assistance.closure.hint' | translate }}</p>
          <ruta-option-select [control]="form.controls.reason" [list]="l.CLOSURE_REASON" label="assistance.closure.reason" testId="assistance-closure-reason" [required]="true" />
          <mat-form-field>
            <mat-label>{{ 'assistance.closure.note' | translate }}</mat-label>
            <textarea matInput formControlName="note" rows="2"></textarea>
          </mat-form-field>
          <ruta-form-error [message]="error()" />
          <div class="actions"><button mat-stroked-button type="submit" [disabled]="busy()" data-testid="assistance-closure-request">{{ 'assistance.closure.request' | translate }}</button></div>
        </form>
      }
    </section>
  `,
})
export class ClosurePanel {
  private readonly api = inject(AssistanceApi);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<void>();
  protected readonly l = { CLOSURE_REASON, CLOSURE_STATUS };
  protected readonly locale = computed(() => LOCALES[this.language.current()]);
  protected readonly canRequest = computed(() => this.overview().caseStatus !== 'closed' && this.overview().closure?.status !== 'pending');
  protected readonly form = inject(NonNullableFormBuilder).group({ reason: ['', Validators.required], note: ['', Validators.maxLength(2000)] });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    this.submission.submit(() => this.api.requestClosure(this.overview().caseCode, { reason: v.reason as ClosureReason, ...(v.note.trim() ? { note: v.note.trim() } : {}) }), {
      done: () => {
        this.notifier.info('assistance.closure.requested');
        this.form.reset();
        this.changed.emit();
      },
    });
  }
}
