import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { DepartmentView, EXPLOITATION_PURPOSE, HOTLINE_CALL_TYPE, HOTLINE_CHANNEL, HOTLINE_OUTCOME, HotlineConversion, HotlineStats, HotlineStatsPeriod } from '@ruta/shared';
import { catchError, map, of } from 'rxjs';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { PlacesApi } from '../../cases/places.api';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { HotlineApi } from '../hotline.api';

/** The words of the conversion line: its counts, and the share as a percentage in the reader's locale. */
export function conversionParams(conversion: HotlineConversion, locale: string): Record<string, string> {
  const number = new Intl.NumberFormat(locale);
  return {
    tips: number.format(conversion.tips),
    referrals: number.format(conversion.referrals),
    cases: number.format(conversion.cases),
    share: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(conversion.share ?? 0),
  };
}

/**
 * The hotline's last 90 days: contacts per day, week or month as a bar chart (ECharts, lazy), the conversion into tips,
 * referrals and cases, the median handling time, and the breakdowns by type, outcome, channel, department and purpose.
 */
@Component({
  selector: 'ruta-hotline-stats-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatButtonToggleModule, TranslatePipe, NgxEchartsDirective, OptionLabelPipe],
  template: `
    <section aria-labelledby="hotline-stats-title" data-testid="hotline-stats">
      <h2 id="hotline-stats-title" class="section-title">{{ 'hotline.stats.title' | translate }}</h2>
      <mat-button-toggle-group [value]="period()" (change)="load($event.value)" [attr.aria-label]="'hotline.stats.period' | translate">
        @for (p of periods; track p) {
          <mat-button-toggle [value]="p" [attr.data-testid]="'stats-period-' + p">{{ 'hotline.stats.periods.' + p | translate }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
      @if (stats(); as s) {
        @if (s.total) {
          <p>
            {{ 'hotline.stats.total' | translate }}: <strong data-testid="stats-total">{{ s.total | number: '1.0-0' : locales[language.current()] }}</strong>
            @if (s.medianHandlingSeconds !== null) { · {{ 'hotline.stats.median' | translate }}: <span data-testid="stats-median">{{ minutes(s.medianHandlingSeconds) }} min</span> }
          </p>
          <p data-testid="stats-conversion">{{ 'hotline.stats.conversion' | translate: conversion(s.conversion) }}</p>
          <figure>
            <figcaption class="cdk-visually-hidden">{{ 'hotline.stats.chartLabel' | translate }}</figcaption>
            <div echarts [options]="chart()" class="chart" aria-hidden="true" data-testid="hotline-chart"></div>
          </figure>
          <div class="breakdowns">
            <div>
              <h3>{{ 'hotline.stats.byCallType' | translate }}</h3>
              <ul>@for (b of s.byCallType; track b.key) { <li>{{ b.key | rutaOption: callTypes }}: {{ b.count }}</li> }</ul>
            </div>
            <div>
              <h3>{{ 'hotline.stats.byOutcome' | translate }}</h3>
              <ul>@for (b of s.byOutcome; track b.key) { <li>{{ b.key === 'none' ? ('hotline.stats.none' | translate) : (b.key | rutaOption: outcomes) }}: {{ b.count }}</li> }</ul>
            </div>
            <div>
              <h3>{{ 'hotline.stats.byChannel' | translate }}</h3>
              <ul>@for (b of s.byChannel; track b.key) { <li>{{ b.key | rutaOption: channels }}: {{ b.count }}</li> }</ul>
            </div>
            <div data-testid="stats-by-department">
              <h3>{{ 'hotline.stats.byDepartment' | translate }}</h3>
              <ul>
                @for (b of s.byDepartment; track b.key) {
                  <li>{{ b.key === 'abroad' || b.key === 'unknown' ? ('hotline.stats.' + b.key | translate) : (departmentNames().get(b.key) ?? '…') }}: {{ b.count }}</li>
                }
              </ul>
            </div>
            <div data-testid="stats-by-purpose">
              <h3>{{ 'hotline.stats.byPurpose' | translate }}</h3>
              <ul>@for (b of s.byPurpose; track b.key) { <li>{{ b.key | rutaOption: purposes }}: {{ b.count }}</li> }</ul>
            </div>
          </div>
        } @else {
          <p class="muted" data-testid="stats-empty">{{ 'hotline.stats.noContacts' | translate }}</p>
        }
      }
    </section>
  `,
  styles: `
    .chart { height: 220px; width: 100%; }
    .breakdowns { display: flex; flex-wrap: wrap; gap: 24px; }
    .breakdowns > div { flex: 1 1 200px; }
    h3 { font: var(--mat-sys-title-small); margin: 8px 0 4px; }
    ul { margin: 0; padding-left: 1.25rem; }
  `,
})
export class HotlineStatsCard implements OnInit {
  private readonly api = inject(HotlineApi);
  protected readonly departmentNames = toSignal(
    inject(PlacesApi).departments$.pipe(
      map((list: DepartmentView[]) => new Map(list.map((d) => [d.code, d.name]))),
      catchError(() => of(new Map<string, string>())),
    ),
    { initialValue: new Map<string, string>() },
  );
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly periods: HotlineStatsPeriod[] = ['day', 'week', 'month'];
  protected readonly callTypes = HOTLINE_CALL_TYPE;
  protected readonly outcomes = HOTLINE_OUTCOME;
  protected readonly channels = HOTLINE_CHANNEL;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly period = signal<HotlineStatsPeriod>('week');
  protected readonly stats = signal<HotlineStats | null>(null);

  protected readonly chart = computed<EChartsCoreOption>(() => {
    const buckets = this.stats()?.perPeriod ?? [];
    const locale = LOCALES[this.language.current()];
    const label = (key: string) => new Date(`${key}T12:00:00`).toLocaleDateString(locale, this.period() === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' });
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: {},
      xAxis: { type: 'category', data: buckets.map((b) => label(b.key)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: buckets.map((b) => b.count), itemStyle: { color: '#00639b' } }],
    };
  });

  ngOnInit(): void {
    this.load('week');
  }

  protected load(period: HotlineStatsPeriod): void {
    this.period.set(period);
    this.api.stats(period).subscribe({ next: (stats) => this.stats.set(stats), error: () => this.stats.set(null) });
  }

  protected conversion(conversion: HotlineConversion): Record<string, string> {
    return conversionParams(conversion, LOCALES[this.language.current()]);
  }

  protected minutes(seconds: number): string {
    return (seconds / 60).toFixed(1);
  }
}
