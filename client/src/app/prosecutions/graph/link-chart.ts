import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { GraphNode, GraphNodeKind, LinkGraph } from '@ruta/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { ProsecutionsApi } from '../prosecutions.api';

const KINDS: GraphNodeKind[] = ['case', 'operation', 'proceeding', 'trafficker'];

/**
 * The link chart (i2-style): persons, cases, operations and proceedings, from the records the user may see only,
 * expanded one hop at a time from any node (click it in the chart, or press its button in the list below, for the
 * keyboard). ECharts is loaded with this component's chunk, never in the initial bundle.
 */
@Component({
  selector: 'ruta-link-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective, MatButtonModule, TranslatePipe, FormError],
  providers: [provideEchartsCore({ echarts: () => import('echarts') })],
  template: `
    <ruta-form-error [message]="error()" />
    <div echarts class="chart" [options]="options()" (chartClick)="clicked($event)" role="img" [attr.aria-label]="'prosecutions.graph.aria' | translate: { count: nodes().length }" data-testid="link-chart"></div>
    <ul class="nodes" data-testid="link-chart-nodes" [attr.data-count]="nodes().length">
      @for (n of nodes(); track n.id) {
        <li>
          <button mat-button type="button" (click)="expand(n.id)" [disabled]="expanded().has(n.id)" [attr.data-testid]="'graph-node-' + n.kind">
            {{ 'prosecutions.graph.kind.' + n.kind | translate }}: {{ n.label }}
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .chart { height: 360px; width: 100%; }
    .nodes { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; }
  `,
})
export class LinkChart implements OnInit {
  /** The node it starts from: `proceeding:<id>`, `case:<code>`, ... */
  readonly start = input.required<string>();
  private readonly api = inject(ProsecutionsApi);
  private readonly translate = inject(TranslateService);
  protected readonly nodes = signal<GraphNode[]>([]);
  private readonly edges = signal<LinkGraph['edges']>([]);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<ErrorMessage | null>(null);

  protected readonly options = computed<EChartsCoreOption>(() => ({
    tooltip: {},
    legend: [{ data: KINDS.map((k) => this.translate.instant(`prosecutions.graph.kind.${k}`)) }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 180, edgeLength: 90 },
        label: { show: true, position: 'right' },
        categories: KINDS.map((k) => ({ name: this.translate.instant(`prosecutions.graph.kind.${k}`) })),
        data: this.nodes().map((n) => ({ id: n.id, name: n.label, category: KINDS.indexOf(n.kind), symbolSize: this.expanded().has(n.id) ? 30 : 20 })),
        links: this.edges().map((e) => ({ source: e.source, target: e.target })),
      },
    ],
  }));

  ngOnInit(): void {
    this.expand(this.start());
  }

  protected clicked(event: { data?: unknown }): void {
    const id = (event.data as { id?: string } | undefined)?.id;
    if (id && !this.expanded().has(id)) this.expand(id);
  }

  protected expand(node: string): void {
    this.api.graph(node).subscribe({
      next: (graph) => {
        const known = new Map(this.nodes().map((n) => [n.id, n]));
        for (const n of graph.nodes) if (!known.has(n.id)) known.set(n.id, n);
        const edgeKey = (e: { source: string; target: string }) => [e.source, e.target].sort().join('|');
        const edges = new Map(this.edges().map((e) => [edgeKey(e), e]));
        for (const e of graph.edges) edges.set(edgeKey(e), e);
        this.nodes.set([...known.values()]);
        this.edges.set([...edges.values()]);
        // The node may have come back under its canonical id (a case by its code).
        this.expanded.set(new Set([...this.expanded(), node, graph.nodes[0]?.id ?? node]));
      },
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }
}
