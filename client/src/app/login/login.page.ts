import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthStore, STAGE_ROUTES } from '../core/auth/auth.store';
import { FormError } from '../core/http/form-error';
import { FormSubmission } from '../core/http/form-submission';
import { ErrorMessagePipe } from '../core/i18n/error-message.pipe';

@Component({
  selector: 'ruta-login-page',
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
      <h1>{{ 'login.title' | translate }}</h1>
      @if (notice(); as n) {
        <p class="notice" role="status" data-testid="login-notice">{{ n | translate }}</p>
      }
      <mat-card appearance="outlined">
        <mat-card-content>
          <form [formGroup]="form" (ngSubmit)="submit()" class="stack" novalidate>
            <mat-form-field>
              <mat-label>{{ 'login.email' | translate }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" data-testid="login-email" />
              <mat-error>{{ form.controls.email.errors | rutaError }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'login.password' | translate }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="current-password"
                data-testid="login-password"
              />
              <mat-error>{{ form.controls.password.errors | rutaError }}</mat-error>
            </mat-form-field>
            <ruta-form-error [message]="error()" />
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="login-submit">
              {{ 'login.submit' | translate }}
            </button>
          </form>
        </mat-card-content>
      </mat-card>
    </section>
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  // Stays open: if the navigation lands back here, the form can be sent again.
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly notice = signal(this.auth.notice());

  constructor() {
    this.auth.notice.set(null);
  }

  protected submit(): void {
    this.submission.submit(() => this.auth.login(this.form.getRawValue()), {
      done: ({ stage }) => void this.router.navigateByUrl(stage === 'done' ? this.auth.takeReturnUrl() : STAGE_ROUTES[stage]),
    });
  }
}
