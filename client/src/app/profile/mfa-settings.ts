import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore } from '../core/auth/auth.store';
import { MfaEnrolment } from '../core/auth/mfa-enrolment';
import { FormError } from '../core/http/form-error';
import { FormSubmission } from '../core/http/form-submission';
import { Notifier } from '../core/http/notifier';
import { ErrorMessagePipe } from '../core/i18n/error-message.pipe';

/** Two-step verification in the profile: turn on (enrol) or, when the role does not require it, turn off. */
@Component({
  selector: 'ruta-mfa-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslatePipe,
    ErrorMessagePipe,
    FormError,
    MfaEnrolment,
  ],
  template: `
    @if (auth.me(); as me) {
      <h2>{{ 'profile.mfaTitle' | translate }}</h2>
      <p data-testid="mfa-state">{{ (me.mfaEnabled ? 'profile.mfaOn' : 'profile.mfaOff') | translate }}</p>
      @if (enrolling()) {
        <ruta-mfa-enrolment (completed)="enrolled()" />
      } @else if (!me.mfaEnabled) {
        <button mat-flat-button type="button" (click)="enrolling.set(true)" data-testid="mfa-enable">
          {{ 'profile.mfaEnable' | translate }}
        </button>
      } @else if (me.role.requiresMfa) {
        <p>{{ 'profile.mfaRequired' | translate }}</p>
      } @else {
        <form [formGroup]="form" (ngSubmit)="disable()" class="stack" novalidate>
          <mat-form-field>
            <mat-label>{{ 'profile.mfaDisablePassword' | translate }}</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="current-password" data-testid="mfa-disable-password" />
            <mat-error>{{ form.controls.password.errors | rutaError }}</mat-error>
          </mat-form-field>
          <ruta-form-error [message]="error()" />
          <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="mfa-disable">
            {{ 'profile.mfaDisable' | translate }}
          </button>
        </form>
      }
    }
  `,
})
export class MfaSettings {
  protected readonly auth = inject(AuthStore);
  private readonly notifier = inject(Notifier);

  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', Validators.required] });
  protected readonly enrolling = signal(false);
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected enrolled(): void {
    this.enrolling.set(false);
    this.notifier.info('enrol.done');
    void this.auth.load();
  }

  protected disable(): void {
    this.submission.submit(() => this.auth.disableMfa(this.form.getRawValue().password), {
      done: () => {
        this.form.reset();
        this.notifier.info('profile.mfaDisabled');
      },
    });
  }
}
