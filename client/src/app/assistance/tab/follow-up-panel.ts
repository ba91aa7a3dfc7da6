import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AssistanceOverview, FOLLOW_UP_CHANNEL, FOLLOW_UP_OUTCOME, FollowUpRequest } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { notInFuture, todayInColombia } from '../../cases/calendar-date';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { AssistanceApi } from '../assistance.api';

/** Follow-up contacts (date, channel, outcome, next date), newest first, and the form of a new one. */
@Component({
  selector: 'ruta-follow-up-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe, CanDirective, FormError, CalendarDatePipe, OptionLabelPipe, OptionSelect],
  template: `
    <section aria-labelledby="assistance-follow-ups-title">
      <h3 id="assistance-follow-ups-title" class="section-title">{{ 'assistance.followUp.title' | translate }}</h3>
      <ul class="stack" data-testid="assistance-follow-ups">
        @for (f of overview().followUps; track f.id) {
          <li>
            {{ f.contactOn | rutaDate }} · {{ f.channel | rutaOption: l.FOLLOW_UP_CHANNEL }} · {{ f.outcome | rutaOption: l.FOLLOW_UP_OUTCOME }} · {{ f.by.name }}
            @if (f.nextOn) { · {{ 'assistance.followUp.next' | translate }} {{ f.nextOn | rutaDate }} }
            @if (f.notes) { <p class="muted">{{ f.notes }}</p> }
          </li>
        } @empty {
          <li class="muted">{{ 'assistance.followUp.none' | translate }}</li>
        }
      </ul>
      <form class="stack" [formGroup]="form" (ngSubmit)="save()" *rutaCan="'assistance:manage'" data-testid="assistance-follow-up-form">
        <div class="form-grid">
          <mat-form-field>
            <mat-label>{{ 'assistance.followUp.contactOn' | translate }}</mat-label>
            <input matInput type="date" required formControlName="contactOn" [max]="today" />
            <mat-error>{{ form.controls.contactOn.errors | rutaError }}</mat-error>
          </mat-form-field>
          <ruta-option-select [control]="form.controls.channel" [list]="l.FOLLOW_UP_CHANNEL" label="assistance.followUp.channel" testId="assistance-follow-up-channel" [required]="true" />
          <ruta-option-select [control]="form.controls.outcome" [list]="l.FOLLOW_UP_OUTCOME" label="assistance.followUp.outcome" testId="assistance-follow-up-outcome" [required]="true" />
          <mat-form-field>
            <mat-label>{{ 'assistance.followUp.next' | translate }}</mat-label>
            <input matInput type="date" formControlName="nextOn" />
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'assistance.followUp.notes' | translate }}</mat-label>
          <textarea matInput formControlName="notes" rows="2"></textarea>
        </mat-form-field>
        <ruta-form-error [message]="error()" />
        <div class="actions"><button mat-stroked-button type="submit" [disabled]="busy()" data-testid="assistance-follow-up-save">{{ 'assistance.followUp.save' | translate }}</button></div>
      </form>
    </section>
  `,
})
export class FollowUpPanel {
  private readonly api = inject(AssistanceApi);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly l = { FOLLOW_UP_CHANNEL, FOLLOW_UP_OUTCOME };
  protected readonly today = todayInColombia();
  protected readonly form = inject(NonNullableFormBuilder).group({
    contactOn: [this.today, [Validators.required, notInFuture]],
    channel: ['phone', Validators.required],
    outcome: ['reached', Validators.required],
    nextOn: [''],
    notes: ['', Validators.maxLength(4000)],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected save(): void {
    const v = this.form.getRawValue();
    const body = { contactOn: v.contactOn, channel: v.channel, outcome: v.outcome, ...(v.nextOn ? { nextOn: v.nextOn } : {}), ...(v.notes.trim() ? { notes: v.notes.trim() } : {}) } as FollowUpRequest;
    this.submission.submit(() => this.api.addFollowUp(this.overview().caseCode, body), {
      done: (o) => {
        this.form.reset({ contactOn: todayInColombia(), channel: 'phone', outcome: 'reached' });
        this.changed.emit(o);
      },
    });
  }
}
