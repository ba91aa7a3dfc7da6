import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { REFERRAL_URGENCY, ReferralDeadlineSettings, ReferralUrgency } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { problemMessage } from '../../core/http/problem';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { ReferralsApi } from '../referrals.api';

const HOURS = [Validators.required, Validators.min(1), Validators.max(2160), Validators.pattern(/^\d+$/)];

/**
 * `/admin/plazos-remisiones`: the response deadline of each urgency, in hours (an administrator's setting). Saved on
 * the version read: when another administrator saved meanwhile, the screen says so and shows the current values.
 */
@Component({
  selector: 'ruta-referral-deadlines-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatIconModule, TranslatePipe, ErrorMessagePipe, FormError, OptionLabelPipe],
  template: `
    <section class="page">
      <div class="page-header"><h1 tabindex="-1">{{ 'referrals.deadlines.title' | translate }}</h1></div>
      <p>{{ 'referrals.deadlines.intro' | translate }}</p>
      <form class="stack narrow" [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="referral-deadlines" [attr.data-version]="version()">
        @for (u of urgencies.values; track u) {
          <mat-form-field>
            <mat-label>{{ u | rutaOption: urgencies }}</mat-label>
            <input matInput type="number" inputmode="numeric" min="1" max="2160" required [formControlName]="u" [attr.data-testid]="'referral-deadline-' + u" />
            <span matTextSuffix>{{ 'referrals.deadlines.hours' | translate }}</span>
            <mat-hint>{{ 'referrals.deadlines.days' | translate: { days: days(u) } }}</mat-hint>
            <mat-error>{{ form.controls[u].errors | rutaError }}</mat-error>
          </mat-form-field>
        }
        <ruta-form-error [message]="error()" />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy() || !version()" data-testid="referral-deadlines-save"><mat-icon svgIcon="save" />{{ 'common.save' | translate }}</button>
        </div>
      </form>
    </section>
  `,
})
export class ReferralDeadlinesPage implements OnInit {
  private readonly api = inject(ReferralsApi);
  private readonly notifier = inject(Notifier);
  protected readonly urgencies = REFERRAL_URGENCY;
  protected readonly version = signal(0);
  protected readonly form = inject(NonNullableFormBuilder).group({ emergency: [24, HOURS], urgent: [72, HOURS], routine: [240, HOURS] });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.load();
  }

  protected days(urgency: ReferralUrgency): string {
    const hours = Number(this.form.controls[urgency].value) || 0;
    return (Math.round((hours / 24) * 10) / 10).toString();
  }

  protected save(): void {
    this.submission.submit(() => this.api.saveDeadlines({ ...this.form.getRawValue(), version: this.version() }), {
      done: (saved) => {
        this.show(saved);
        this.notifier.info('referrals.deadlines.saved');
      },
      stale: () => {
        this.notifier.info('errors.stale_version');
        this.load();
      },
    });
  }

  private load(): void {
    this.api.deadlineSettings().subscribe({ next: (s) => this.show(s), error: (e: unknown) => this.submission.error.set(problemMessage(e)) });
  }

  private show(settings: ReferralDeadlineSettings): void {
    this.form.reset({ emergency: settings.emergency, urgent: settings.urgent, routine: settings.routine });
    this.version.set(settings.version);
  }
}
