import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LOGIN_ROUTE } from '../core/auth/auth.store';
import { ChangePasswordForm } from '../core/auth/change-password-form';

/**
 * Change of password: the login step after an administrator's reset (`intro` explains why), and the signed-in
 * user's own change from the profile. Both end every session and return to the login page.
 */
@Component({
  selector: 'ruta-new-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, TranslatePipe, ChangePasswordForm],
  template: `
    <section class="page narrow">
      <h1>{{ 'password.title' | translate }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          @if (forced()) {
            <p>{{ 'password.forcedIntro' | translate }}</p>
          }
          <ruta-change-password-form (changed)="done()" />
        </mat-card-content>
      </mat-card>
    </section>
  `,
})
export class NewPasswordPage {
  private readonly router = inject(Router);
  /** From route data: true at the login step. */
  readonly forced = input(false);

  protected done(): void {
    void this.router.navigateByUrl(LOGIN_ROUTE);
  }
}
