import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { IndicatorValue, Labelled, OptionLabel } from '@ruta/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * A bar chart of one broken-down indicator (ECharts, loaded with the indicators route). The same figures are in the
 * annual table below it, so the chart is decoration for screen readers (the figure list is read instead).
 */
@Component({
  selector: 'ruta-indicator-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective, TranslatePipe],
  template: `
    <figure class="indicator-chart">
      <figcaption class="section-title">{{ caption()[language.current()] }}</figcaption>
      <div echarts [options]="options()" class="chart" aria-hidden="true" data-testid="indicator-chart"></div>
      <ul class="chart-figures">
        @for (b of indicator().buckets; track b.bucket) {
          <li>{{ label(b.bucket) }}: {{ b.value }}</li>
        } @empty {
          <li class="muted">{{ 'indicators.none' | translate }}</li>
        }
      </ul>
    </figure>
  `,
  styles: `
    .chart { height: 240px; width: 100%; }
    .chart-figures { margin: 0; padding-left: 1.25rem; }
  `,
})
export class IndicatorChart {
  protected readonly language = inject(LanguageService);
  readonly indicator = input.required<IndicatorValue>();
  readonly options_ = input.required<Labelled<string>>({ alias: 'labels' });
  readonly caption = input.required<OptionLabel>();

  protected label(bucket: string): string {
    return this.options_().labels[bucket]?.[this.language.current()] ?? bucket;
  }

  protected readonly options = computed<EChartsCoreOption>(() => {
    const buckets = this.indicator().buckets;
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: buckets.map((b) => this.label(b.bucket)), inverse: true },
      series: [{ type: 'bar', data: buckets.map((b) => b.value), itemStyle: { color: '#00639b' } }],
    };
  });
}
