import { ChangeDetectionStrategy, Component, inject, OnInit, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { LoginStage, TotpEnrolmentResponse } from '@ruta/shared';
import { FormError } from '../http/form-error';
import { FormSubmission } from '../http/form-submission';
import { problemMessage } from '../http/problem';
import { ErrorMessagePipe } from '../i18n/error-message.pipe';
import { AuthStore } from './auth.store';

/**
 * Turns on TOTP: shows the QR code and the secret, confirms a first code, then shows the recovery codes once.
 * Used by the login step (role requires MFA) and by the profile (optional MFA).
 */
@Component({
  selector: 'ruta-mfa-enrolment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ErrorMessagePipe, FormError],
  styles: `
    .qr { width: 200px; height: 200px; image-rendering: pixelated; background: #fff; }
    .secret, .codes { font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace; font-size: 1.1rem; word-break: break-all; }
    .codes { columns: 2; padding-inline-start: 1.5rem; }
  `,
  template: `
    @if (recoveryCodes(); as codes) {
      <h2>{{ 'enrol.recoveryTitle' | translate }}</h2>
      <p>{{ 'enrol.recoveryIntro' | translate }}</p>
      <ol class="codes" data-testid="recovery-codes">
        @for (code of codes; track code) {
          <li>{{ code }}</li>
        }
      </ol>
      <button mat-flat-button type="button" (click)="completed.emit(stage())" data-testid="recovery-continue">
        {{ 'common.continue' | translate }}
      </button>
    } @else if (enrolment(); as e) {
      <img class="qr" [src]="e.qrDataUrl" [alt]="'enrol.qrAlt' | translate" data-testid="totp-qr" />
      <p>{{ 'enrol.secret' | translate }}</p>
      <p class="secret" data-testid="totp-secret">{{ e.secret }}</p>
      <form [formGroup]="form" (ngSubmit)="confirm()" class="stack" novalidate>
        <mat-form-field>
          <mat-label>{{ 'enrol.code' | translate }}</mat-label>
          <input matInput formControlName="code" autocomplete="one-time-code" inputmode="numeric" data-testid="enrol-code" />
          <mat-error>{{ form.controls.code.errors | rutaError }}</mat-error>
        </mat-form-field>
        <ruta-form-error [message]="error()" />
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="enrol-confirm">
          {{ 'enrol.confirm' | translate }}
        </button>
      </form>
    } @else {
      <ruta-form-error [message]="error()" />
      @if (!error()) {
        <p>{{ 'app.loading' | translate }}</p>
      }
    }
  `,
})
export class MfaEnrolment implements OnInit {
  private readonly auth = inject(AuthStore);

  readonly completed = output<LoginStage>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
  });
  protected readonly enrolment = signal<TotpEnrolmentResponse | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly stage = signal<LoginStage>('done');
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  /** Also the enrolment's own failure to start. */
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.auth.enrolTotp().subscribe({
      next: (enrolment) => this.enrolment.set(enrolment),
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }

  protected confirm(): void {
    this.submission.submit(() => this.auth.confirmTotp(this.form.getRawValue().code.trim()), {
      done: ({ recoveryCodes, stage }) => {
        this.stage.set(stage);
        this.recoveryCodes.set(recoveryCodes);
      },
    });
  }
}
