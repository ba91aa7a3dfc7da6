import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseSearchFilters, EXPORT_FORMAT, EXPORT_STATUS, ExportFormat, ExportJobView } from '@ruta/shared';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { AuthStore } from '../../core/auth/auth.store';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { reportYears } from '../indicator-buckets';
import { ExportsApi } from './exports.api';
import { listExportFilters } from './list-export-request';

/**
 * Export the case list the user can see, for one year (or, on the case list, with the list's current filters), as CSV
 * or XLSX; with names only for `cases:export` plus identity access, and then with a reason. Large exports are prepared
 * in the background: a progress bar, then a download link that lasts 24 hours.
 */
@Component({
  selector: 'ruta-case-export-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, TranslatePipe, OptionLabelPipe, ErrorMessagePipe, FormError],
  template: `
    <form class="stack" [formGroup]="form" (ngSubmit)="submit()" data-testid="export-form">
      <div class="actions">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'indicators.exports.format' | translate }}</mat-label>
          <mat-select formControlName="format" data-testid="export-format">
            @for (f of formats.values; track f) { <mat-option [value]="f" [attr.data-testid]="'export-format-' + f">{{ f | rutaOption: formats }}</mat-option> }
          </mat-select>
        </mat-form-field>
        @if (!criteria()) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'indicators.year' | translate }}</mat-label>
          <mat-select formControlName="year" data-testid="export-year">
            @for (y of years; track y) { <mat-option [value]="y" [attr.data-testid]="'export-year-' + y">{{ y }}</mat-option> }
          </mat-select>
        </mat-form-field>
        }
      </div>
      @if (criteria()) {
        <p class="muted" data-testid="export-list-hint">{{ (listFilters() ? 'indicators.exports.listHint' : 'indicators.exports.listByName') | translate }}</p>
      }
      @if (mayIdentify) {
        <mat-checkbox formControlName="identified" data-testid="export-identified">{{ 'indicators.exports.identified' | translate }}</mat-checkbox>
        @if (form.controls.identified.value) {
          <mat-form-field>
            <mat-label>{{ 'indicators.exports.reason' | translate }}</mat-label>
            <textarea matInput formControlName="reason" rows="2" required data-testid="export-reason"></textarea>
            <mat-error>{{ form.controls.reason.errors | rutaError }}</mat-error>
          </mat-form-field>
        }
      }
      <ruta-form-error [message]="error()" />
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy() || (criteria() && !listFilters())" data-testid="export-submit"><mat-icon aria-hidden="true" svgIcon="download" />{{ 'indicators.exports.submit' | translate }}</button>
      </div>
    </form>
    <ul class="stack" data-testid="export-jobs" [attr.aria-label]="'indicators.exports.mine' | translate">
      @for (job of jobs(); track job.id) {
        <li [attr.data-testid]="'export-job-' + job.status">
          {{ job.createdAt | date: 'short' : undefined : locales[language.current()] }} · {{ job.format | rutaOption: formats }} · {{ job.status | rutaOption: statuses }}
          @if (job.status === 'queued' || job.status === 'running') {
            <mat-progress-bar mode="determinate" [value]="job.total ? (100 * job.processed) / job.total : 0" [attr.aria-label]="'indicators.exports.progress' | translate: { processed: job.processed, total: job.total }" />
          }
          @if (job.downloadUrl) { · <a [href]="job.downloadUrl" download data-testid="export-download">{{ 'indicators.exports.download' | translate: { total: job.total } }}</a> }
        </li>
      }
    </ul>
  `,
})
export class CaseExportPanel implements OnInit {
  private readonly api = inject(ExportsApi);
  private readonly auth = inject(AuthStore);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly formats = EXPORT_FORMAT;
  protected readonly statuses = EXPORT_STATUS;
  protected readonly years = reportYears();
  protected readonly mayIdentify = this.auth.can('cases:export') && this.auth.can('victim_identity:read');
  protected readonly jobs = signal<ExportJobView[]>([]);
  /** On the case list: its current filters, which the export takes instead of a year. */
  readonly criteria = input<CaseSearchFilters | null>(null);
  protected readonly listFilters = computed(() => {
    const criteria = this.criteria();
    return criteria ? listExportFilters(criteria) : null;
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    format: ['xlsx' as ExportFormat, Validators.required],
    year: [this.years[0], Validators.required],
    identified: [false],
    reason: ['', [Validators.maxLength(1000)]],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    const timer = setInterval(() => {
      if (this.jobs().some((j) => j.status === 'queued' || j.status === 'running')) this.refresh();
    }, 2000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    this.refresh();
  }

  protected submit(): void {
    const { format, year, identified, reason } = this.form.getRawValue();
    const filters = this.criteria() ? this.listFilters() : { from: `${year}-01-01`, to: `${year}-12-31` };
    if (!filters) return;
    const request = { format, ...filters, language: this.language.current(), ...(identified ? { identified, reason: reason.trim() } : {}) };
    this.submission.submit(() => this.api.create(request), { done: () => this.refresh() });
  }

  private refresh(): void {
    this.api.mine().subscribe({ next: (jobs) => this.jobs.set(jobs), error: () => undefined });
  }
}
