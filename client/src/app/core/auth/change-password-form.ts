import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ruta/shared';
import { FormError } from '../http/form-error';
import { FormSubmission } from '../http/form-submission';
import { ErrorMessagePipe } from '../i18n/error-message.pipe';
import { AuthStore } from './auth.store';

function sameAsNew(control: AbstractControl): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value as string | undefined;
  return control.value && newPassword !== control.value ? { mismatch: true } : null;
}

/** `POST /api/auth/password`. Every session ends afterwards: `changed` fires and the page sends the user to login. */
@Component({
  selector: 'ruta-change-password-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ErrorMessagePipe, FormError],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="stack" novalidate>
      <mat-form-field>
        <mat-label>{{ 'password.current' | translate }}</mat-label>
        <input matInput type="password" formControlName="currentPassword" autocomplete="current-password" data-testid="current-password" />
        <mat-error>{{ form.controls.currentPassword.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'password.new' | translate }}</mat-label>
        <input matInput type="password" formControlName="newPassword" autocomplete="new-password" data-testid="new-password" />
        <mat-hint>{{ 'password.hint' | translate: { min: minLength } }}</mat-hint>
        <mat-error>{{ form.controls.newPassword.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'password.confirm' | translate }}</mat-label>
        <input matInput type="password" formControlName="confirm" autocomplete="new-password" data-testid="confirm-password" />
        <mat-error>{{ form.controls.confirm.errors | rutaError }}</mat-error>
      </mat-form-field>
      <ruta-form-error [message]="error()" />
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="change-password-submit">
        {{ 'password.submit' | translate }}
      </button>
    </form>
  `,
})
export class ChangePasswordForm {
  private readonly auth = inject(AuthStore);
  readonly changed = output<void>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required]],
    newPassword: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
    confirm: ['', [Validators.required, sameAsNew]],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    this.form.controls.newPassword.valueChanges.subscribe(() => this.form.controls.confirm.updateValueAndValidity());
  }

  protected submit(): void {
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.submission.submit(() => this.auth.changePassword({ currentPassword, newPassword }), { done: () => this.changed.emit() });
  }
}
