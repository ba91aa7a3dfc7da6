import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LoginStage } from '@ruta/shared';
import { AuthStore, STAGE_ROUTES } from '../core/auth/auth.store';
import { MfaEnrolment } from '../core/auth/mfa-enrolment';

/** Login step for roles that require MFA when the user has none yet. */
@Component({
  selector: 'ruta-enrol-totp-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, TranslatePipe, MfaEnrolment],
  template: `
    <section class="page narrow">
      <h1>{{ 'enrol.title' | translate }}</h1>
      <mat-card appearance="outlined">
        <mat-card-content>
          <p>{{ 'enrol.intro' | translate }}</p>
          <ruta-mfa-enrolment (completed)="continue($event)" />
        </mat-card-content>
      </mat-card>
    </section>
  `,
})
export class EnrolTotpPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected continue(stage: LoginStage): void {
    void this.router.navigateByUrl(stage === 'done' ? this.auth.takeReturnUrl() : STAGE_ROUTES[stage]);
  }
}
