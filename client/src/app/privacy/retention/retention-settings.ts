import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, RETENTION_RECORD_TYPE, RetentionSettingView } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage, problemCode, problemMessage } from '../../core/http/problem';
import { PrivacyApi } from '../privacy.api';

/** The retention period of each record type, in years after the record ended; saved one at a time (409 when stale). */
@Component({
  selector: 'ruta-retention-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, OptionLabelPipe, FormError],
  styles: '.row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: baseline; } .row mat-form-field { width: 140px; } .label { min-width: 220px; flex: 1; }',
  template: `
    <h2>{{ 'privacy.settings.title' | translate }}</h2>
    <p class="muted">{{ 'privacy.settings.intro' | translate }}</p>
    <ruta-form-error [message]="error()" />
    @for (s of settings(); track s.recordType) {
      <div class="row" [attr.data-testid]="'retention-setting-' + s.recordType">
        <span class="label">{{ s.recordType | rutaOption: recordTypes }}</span>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'privacy.settings.years' | translate }}</mat-label>
          <input matInput type="number" [min]="min" [max]="max" [value]="s.years" #years [attr.data-testid]="'retention-years-' + s.recordType" />
        </mat-form-field>
        <button mat-stroked-button type="button" [disabled]="busy()" (click)="save(s, years.valueAsNumber)" [attr.data-testid]="'retention-save-' + s.recordType">{{ 'common.save' | translate }}</button>
      </div>
    }
  `,
})
export class RetentionSettings implements OnInit {
  private readonly api = inject(PrivacyApi);
  private readonly notifier = inject(Notifier);
  protected readonly recordTypes = RETENTION_RECORD_TYPE;
  protected readonly min = MIN_RETENTION_YEARS;
  protected readonly max = MAX_RETENTION_YEARS;
  protected readonly settings = signal<RetentionSettingView[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.api.settings().subscribe({ next: (s) => this.settings.set(s), error: (e: unknown) => this.error.set(problemMessage(e)) });
  }

  protected save(setting: RetentionSettingView, years: number): void {
    if (!Number.isInteger(years) || years < this.min || years > this.max) {
      this.error.set({ key: 'privacy.settings.invalid', params: { min: this.min, max: this.max } });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.updateSetting(setting.recordType, years, setting.version).subscribe({
      next: (all) => {
        this.busy.set(false);
        this.settings.set(all);
        this.notifier.info('privacy.settings.saved');
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(problemMessage(e));
        if (problemCode(e) === 'stale_version') this.ngOnInit();
      },
    });
  }
}
