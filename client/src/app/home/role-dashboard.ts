import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DashboardKind, DEFENDANT_STAGE, Labelled, RoleDashboard, SERVICE_CATEGORY } from '@ruta/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { AuthStore } from '../core/auth/auth.store';
import { FormError } from '../core/http/form-error';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { DateTimePipe } from '../core/i18n/date-time.pipe';
import { LanguageService, LOCALES } from '../core/i18n/language.service';
import { figureLink, FigureLink } from './role-dashboard-links';
import { RoleDashboardApi } from './role-dashboard.api';

const COLOURS = ['#00639b', '#8a5100'];

/**
 * One role's dashboard on the home page: its figures (each a link to the list behind it, for those allowed to open it)
 * and one bar chart. ECharts comes with this component, which the home page loads in a `@defer` block, so neither is
 * in the initial bundle. The chart is drawn for sighted users; the figures are the text everyone reads.
 */
@Component({
  selector: 'ruta-role-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, NgxEchartsDirective, FormError, DateTimePipe],
  providers: [provideEchartsCore({ echarts: () => import('../indicators/echarts-setup').then((m) => m.echarts) })],
  template: `
    <section [attr.aria-labelledby]="'dashboard-title-' + kind()" [attr.data-testid]="'dashboard-' + kind()">
      <h2 [id]="'dashboard-title-' + kind()" class="section-title">{{ 'home.dashboards.' + kind() + '.title' | translate }}</h2>
      <ruta-form-error [message]="error()" />
      @if (dashboard(); as d) {
        <p class="muted">{{ 'home.dashboards.period' | translate: { from: day(d.from), to: day(d.to) } }}</p>
        @if (d.asOf) {
          <p class="muted" [attr.data-testid]="'dashboard-' + kind() + '-as-of'">{{ 'home.dashboards.asOf' | translate: { when: d.asOf | rutaDateTime } }}</p>
        }
        <ul class="indicator-cards">
          @for (f of figures(); track f.key) {
            <li class="indicator-card" [attr.data-testid]="'dashboard-' + kind() + '-' + f.key">
              <span class="card-value">{{ f.value ?? '—' }}</span>
              @if (f.link) {
                <a [routerLink]="f.link.path" [queryParams]="f.link.query">{{ 'home.dashboards.' + kind() + '.' + f.key | translate }}</a>
              } @else {
                <span>{{ 'home.dashboards.' + kind() + '.' + f.key | translate }}</span>
              }
            </li>
          }
        </ul>
        <figure class="dashboard-chart">
          <figcaption class="muted">{{ 'home.dashboards.' + kind() + '.chart' | translate }}</figcaption>
          <div echarts [options]="options()" class="chart" aria-hidden="true" [attr.data-testid]="'dashboard-chart-' + kind()"></div>
        </figure>
      } @else if (!error()) {
        <p class="muted">{{ 'home.statsLoading' | translate }}</p>
      }
    </section>
  `,
  styles: `
    .chart { height: 220px; width: 100%; }
    .dashboard-chart { margin: 12px 0 0; }
  `,
})
export class RoleDashboardCard implements OnInit {
  private readonly api = inject(RoleDashboardApi);
  private readonly auth = inject(AuthStore);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  readonly kind = input.required<DashboardKind>();
  protected readonly dashboard = signal<RoleDashboard | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.api.get(this.kind()).subscribe({ next: (d) => this.dashboard.set(d), error: (error: unknown) => this.error.set(problemMessage(error)) });
  }

  protected readonly figures = computed(() => {
    const d = this.dashboard();
    if (!d) return [];
    return d.figures.map((f) => {
      const link: FigureLink | null = figureLink(this.kind(), f.key, d);
      return { ...f, link: link && this.auth.can(link.permission) ? link : null };
    });
  });

  /** A calendar date in the interface language (Intl: no locale data to register). */
  private format(date: string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(LOCALES[this.language.current()], { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  }

  protected day(date: string): string {
    return this.format(date, { day: 'numeric', month: 'long', year: 'numeric' });
  }

  private category(d: RoleDashboard, value: string): string {
    if (d.categoryKind === 'day') return this.format(value, { day: 'numeric', month: 'short' });
    if (d.categoryKind === 'month') return this.format(`${value}-01`, { month: 'short', year: 'numeric' });
    const list: Labelled<string> = d.categoryKind === 'stage' ? DEFENDANT_STAGE : SERVICE_CATEGORY;
    return list.labels[value]?.[this.language.current()] ?? value;
  }

  protected readonly options = computed<EChartsCoreOption>(() => {
    const d = this.dashboard();
    this.language.current();
    if (!d) return {};
    const name = (key: string) => this.translate.instant(`home.dashboards.${d.kind}.${key}`) as string;
    return {
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: d.series.length > 1 ? { top: 0 } : undefined,
      xAxis: { type: 'category', data: d.categories.map((c) => this.category(d, c)), axisLabel: { rotate: d.categoryKind === 'stage' || d.categoryKind === 'service_category' ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.series.map((s, i) => ({ type: 'bar', name: name(s.key), data: s.values, itemStyle: { color: COLOURS[i % COLOURS.length] } })),
    };
  });
}
