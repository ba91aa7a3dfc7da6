import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore, LOGIN_ROUTE, STAGE_ROUTES } from '../core/auth/auth.store';
import { FormError } from '../core/http/form-error';
import { FormSubmission } from '../core/http/form-submission';
import { ErrorMessagePipe } from '../core/i18n/error-message.pipe';

/** Second login step: a TOTP code or a recovery code. */
@Component({
  selector: 'ruta-totp-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    TranslatePipe,
    ErrorMessagePipe,
    FormError,
  ],
  template: `
    <section class="page narrow">
      <h1>{{ 'totp.title' | translate }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <p>{{ 'totp.intro' | translate }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" class="stack" novalidate>
            <mat-form-field>
              <mat-label>{{ 'totp.code' | translate }}</mat-label>
              <input
                matInput
                formControlName="code"
                autocomplete="one-time-code"
                inputmode="text"
                spellcheck="false"
                data-testid="totp-code"
              />
              <mat-hint>{{ 'totp.hint' | translate }}</mat-hint>
              <mat-error>{{ form.controls.code.errors | rutaError }}</mat-error>
            </mat-form-field>
            <ruta-form-error [message]="error()" />
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="totp-submit">
                {{ 'totp.submit' | translate }}
              </button>
              <button mat-button type="button" (click)="restart()">{{ 'totp.restart' | translate }}</button>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
    </section>
  `,
})
export class TotpPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.minLength(6), Validators.maxLength(64)]],
  });
  // Stays open: if the navigation lands back here, the form can be sent again.
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected submit(): void {
    this.submission.submit(() => this.auth.verifyTotp(this.form.getRawValue().code.replace(/\s+/g, '')), {
      done: ({ stage }) => void this.router.navigateByUrl(stage === 'done' ? this.auth.takeReturnUrl() : STAGE_ROUTES[stage]),
    });
  }

  protected restart(): void {
    const leave = () => void this.router.navigateByUrl(LOGIN_ROUTE);
    this.auth.logout().subscribe({ next: leave, error: () => (this.auth.endSession(), leave()) });
  }
}
