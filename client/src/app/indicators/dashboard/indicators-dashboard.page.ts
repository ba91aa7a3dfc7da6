import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AnnualReport, EXPLOITATION_PURPOSE, INDICATOR, IndicatorKey, IndicatorsView, IndicatorValue, SEX } from '@ruta/shared';
import { forkJoin } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { DateTimePipe } from '../../core/i18n/date-time.pipe';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { reportYears } from '../indicator-buckets';
import { IndicatorsApi } from '../indicators.api';
import { AnnualReportTable } from './annual-report-table';
import { IndicatorChart } from './indicator-chart';

interface Card {
  key: IndicatorKey;
  value: number | null;
  /** The filtered list behind the figure, for those allowed to see it. */
  link: { path: string; query: Record<string, string> } | null;
}

const CARDS: IndicatorKey[] = ['victims_identified', 'victims_minors', 'referrals_sent', 'referrals_overdue', 'referrals_median_response_hours'];

/**
 * The coordinator's overview of a year: figure cards (each a link to the cases or referrals behind it), charts of
 * victims by purpose and by sex, and the annual report table with its XLSX and PDF.
 */
@Component({
  selector: 'ruta-indicators-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatFormFieldModule, MatSelectModule, TranslatePipe, OptionLabelPipe, FormError, IndicatorChart, AnnualReportTable, DateTimePipe],
  template: `
    <section class="page" data-testid="indicators-dashboard" [attr.data-year]="loadedYear()">
      <div class="page-header">
        <h1>{{ 'indicators.title' | translate }}</h1>
        <mat-form-field subscriptSizing="dynamic" class="year-field">
          <mat-label>{{ 'indicators.year' | translate }}</mat-label>
          <mat-select [value]="year()" (valueChange)="select($event)" data-testid="indicators-year">
            @for (y of years; track y) {
              <mat-option [value]="y" [attr.data-testid]="'indicators-year-' + y">{{ y }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <div class="actions">
        <a mat-stroked-button routerLink="/indicadores/exportaciones" data-testid="indicators-exports"><mat-icon aria-hidden="true" svgIcon="download" />{{ 'indicators.exports.title' | translate }}</a>
        <a mat-stroked-button [href]="'/api/indicators/anonymous-statistics?format=csv&year=' + year()" download data-testid="indicators-statistics"><mat-icon aria-hidden="true" svgIcon="table_view" />{{ 'indicators.exports.statistics' | translate }}</a>
      </div>
      <ruta-form-error [message]="error()" />
      @if (view(); as v) {
        @if (v.asOf) {
          <p class="muted" data-testid="indicators-as-of">{{ 'indicators.asOf' | translate: { when: v.asOf | rutaDateTime } }}</p>
        }
        <ul class="indicator-cards" [attr.aria-label]="'indicators.cards' | translate">
          @for (card of cards(); track card.key) {
            <li class="indicator-card" [attr.data-testid]="'card-' + card.key">
              <span class="card-value">{{ card.value ?? '—' }}</span>
              @if (card.link) {
                <a [routerLink]="card.link.path" [queryParams]="card.link.query">{{ card.key | rutaOption: indicatorLabels }}</a>
              } @else {
                <span>{{ card.key | rutaOption: indicatorLabels }}</span>
              }
            </li>
          }
        </ul>
        <div class="indicator-charts">
          <ruta-indicator-chart [indicator]="byKey('victims_by_purpose')" [labels]="purposes" [caption]="indicatorLabels.labels.victims_by_purpose" />
          <ruta-indicator-chart [indicator]="byKey('victims_by_sex')" [labels]="sexes" [caption]="indicatorLabels.labels.victims_by_sex" />
        </div>
      }
      @if (report(); as r) {
        <ruta-annual-report-table [report]="r" />
      }
    </section>
  `,
  styles: `
    .year-field { width: 9rem; }
    .indicator-cards { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); }
    .indicator-card { border: 1px solid #c4c7c5; border-radius: 12px; padding: 0.75rem 1rem; display: flex; flex-direction: column; gap: 0.25rem; }
    .card-value { font-size: 2rem; font-weight: 500; font-variant-numeric: tabular-nums; }
    .indicator-charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); margin-bottom: 1.5rem; }
  `,
})
export class IndicatorsDashboardPage implements OnInit {
  private readonly api = inject(IndicatorsApi);
  private readonly auth = inject(AuthStore);
  protected readonly years = reportYears();
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly indicatorLabels = INDICATOR;
  protected readonly sexes = SEX;
  protected readonly year = signal(this.years[0]);
  protected readonly loadedYear = signal<number | null>(null);
  protected readonly view = signal<IndicatorsView | null>(null);
  protected readonly report = signal<AnnualReport | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  protected readonly cards = computed<Card[]>(() => {
    const view = this.view();
    if (!view) return [];
    const year = String(view.query.from.slice(0, 4));
    const cases = this.auth.can('cases:read') ? '/indicadores/casos' : null;
    const referrals = this.auth.can('referrals:read') ? '/remisiones' : null;
    return CARDS.map((key) => {
      const value = view.indicators.find((i) => i.key === key)?.value ?? null;
      const query: Record<string, string> = key === 'victims_minors' ? { year, minor: 'yes' } : { year };
      const path = key.startsWith('victims_') ? cases : referrals;
      return { key, value, link: path ? { path, query: path === referrals ? {} : query } : null };
    });
  });

  ngOnInit(): void {
    this.load();
  }

  protected byKey(key: IndicatorKey): IndicatorValue {
    return this.view()?.indicators.find((i) => i.key === key) ?? { key, value: null, dimension: null, buckets: [] };
  }

  protected select(year: number): void {
    this.year.set(year);
    this.load();
  }

  private load(): void {
    const year = this.year();
    this.error.set(null);
    forkJoin({ view: this.api.indicators({ year }), report: this.api.annualReport(year) }).subscribe({
      next: ({ view, report }) => {
        this.view.set(view);
        this.report.set(report);
        this.loadedYear.set(year);
      },
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }
}
