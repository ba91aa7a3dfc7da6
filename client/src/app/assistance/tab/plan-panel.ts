import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AssistanceOverview } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { AssistanceApi } from '../assistance.api';

/** The plan's objectives; saved with its version (a stale one reloads). */
@Component({
  selector: 'ruta-plan-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, FormError],
  template: `
    <section aria-labelledby="assistance-plan-title">
      <h3 id="assistance-plan-title" class="section-title">{{ 'assistance.plan.title' | translate }}</h3>
      @if (canManage) {
        <form class="stack" [formGroup]="form" (ngSubmit)="save()" data-testid="assistance-plan-form">
          <mat-form-field>
            <mat-label>{{ 'assistance.plan.objectives' | translate }}</mat-label>
            <textarea matInput formControlName="objectives" rows="3" data-testid="assistance-plan-objectives"></textarea>
            <mat-error>{{ form.controls.objectives.errors | rutaError }}</mat-error>
          </mat-form-field>
          <ruta-form-error [message]="error()" />
          <div class="actions"><button mat-stroked-button type="submit" [disabled]="busy()" data-testid="assistance-plan-save">{{ 'assistance.plan.save' | translate }}</button></div>
        </form>
      } @else {
        <p data-testid="assistance-plan-objectives">{{ overview().plan?.objectives || ('assistance.plan.none' | translate) }}</p>
      }
    </section>
  `,
})
export class PlanPanel {
  private readonly api = inject(AssistanceApi);
  private readonly notifier = inject(Notifier);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly canManage = inject(AuthStore).can('assistance:manage');
  protected readonly form = inject(NonNullableFormBuilder).group({ objectives: ['', [Validators.maxLength(4000)]] });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    effect(() => this.form.controls.objectives.setValue(this.overview().plan?.objectives ?? ''));
  }

  protected save(): void {
    const plan = this.overview().plan;
    const body = { objectives: this.form.getRawValue().objectives.trim(), ...(plan ? { version: plan.version } : {}) };
    this.submission.submit(() => this.api.savePlan(this.overview().caseCode, body), {
      done: (o) => {
        this.notifier.info('assistance.plan.saved');
        this.changed.emit(o);
      },
      stale: () => this.api.overview(this.overview().caseCode).subscribe((o) => this.changed.emit(o)),
    });
  }
}
