import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ReferralNetwork } from '@ruta/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';

const escape = (text: string | undefined) => (text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Who refers to whom, drawn as a circular graph of the institutions: an arrow per pair, as thick as its volume; the
 * tooltip gives the volume and the outcomes. ECharts loads with this component only (lazily); the same figures are in
 * the table beside it for keyboard and screen-reader users.
 */
@Component({
  selector: 'ruta-referral-network-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective, TranslatePipe],
  providers: [provideEchartsCore({ echarts: () => import('./network-echarts').then((m) => m.echarts) })],
  styles: [':host { display: block; } .chart { width: 100%; height: 420px; }'],
  template: `<div echarts class="chart" [options]="options()" [initOpts]="initOpts" role="img" [attr.aria-label]="'referrals.review.networkAlt' | translate" data-testid="referral-network-chart"></div>`,
})
export class ReferralNetworkChart {
  /**
   * SVG, asked for by name: ECharts' core is one module, and once the dashboards' charts have registered the canvas
   * renderer (the coordinator's home draws one) a chart without a renderer named would be drawn on a canvas.
   */
  protected readonly initOpts = { renderer: 'svg' as const };
  readonly network = input.required<ReferralNetwork>();
  /** Translated words of the tooltip: referrals, open, completed, declined. */
  readonly words = input.required<{ total: string; open: string; completed: string; declined: string }>();

  protected readonly options = computed<EChartsCoreOption>(() => {
    const { institutions, links } = this.network();
    const w = this.words();
    const max = Math.max(1, ...links.map((l) => l.total));
    const name = new Map(institutions.map((i) => [i.id, i.name]));
    return {
      tooltip: { trigger: 'item', confine: true },
      series: [
        {
          type: 'graph',
          layout: 'circular',
          circular: { rotateLabel: true },
          roam: false,
          label: { show: true, position: 'right', width: 160, overflow: 'truncate' },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          symbolSize: 18,
          lineStyle: { curveness: 0.2, opacity: 0.7 },
          data: institutions.map((i) => ({ id: i.id, name: i.name })),
          links: links.map((l) => ({
            source: l.fromId,
            target: l.toId,
            value: l.total,
            lineStyle: { width: 1 + (5 * l.total) / max },
            tooltip: { formatter: `${escape(name.get(l.fromId))} → ${escape(name.get(l.toId))}<br>${w.total}: ${l.total} · ${w.open}: ${l.open} · ${w.completed}: ${l.completed} · ${w.declined}: ${l.declined}` },
          })),
        },
      ],
    };
  });
}
