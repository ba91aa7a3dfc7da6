import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { DEFENDANT_SEX, JusticeIndicators } from '@ruta/shared';
import { CountryNamePipe } from '../../cases/country-name.pipe';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { FormError } from '../../core/http/form-error';
import { ErrorMessage, problemMessage } from '../../core/http/problem';
import { ProsecutionsApi } from '../prosecutions.api';

/** `/judicializacion/indicadores`: the justice indicators of a year or quarter (TIP report, UNODC), as a table. */
@Component({
  selector: 'ruta-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatSelectModule, TranslatePipe, OptionLabelPipe, CountryNamePipe, FormError],
  template: `
    <section class="page">
      <div class="page-header"><h1 tabindex="-1">{{ 'prosecutions.indicators.title' | translate }}</h1></div>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'prosecutions.indicators.year' | translate }}</mat-label>
          <mat-select [formControl]="year" (selectionChange)="load()" data-testid="indicators-year">
            @for (y of years; track y) { <mat-option [value]="y">{{ y }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'prosecutions.indicators.period' | translate }}</mat-label>
          <mat-select [formControl]="quarter" (selectionChange)="load()" data-testid="indicators-quarter">
            <mat-option [value]="0">{{ 'prosecutions.indicators.wholeYear' | translate }}</mat-option>
            @for (q of [1, 2, 3, 4]; track q) { <mat-option [value]="q">{{ 'prosecutions.indicators.quarter' | translate: { q } }}</mat-option> }
          </mat-select>
        </mat-form-field>
      </div>
      <ruta-form-error [message]="error()" />
      @if (data(); as d) {
        <table class="table" data-testid="indicators-table">
          <caption>{{ 'prosecutions.indicators.caption' | translate: { year: d.year } }}</caption>
          <tbody>
            @for (row of rows(d); track row.key) {
              <tr [attr.data-testid]="'indicator-' + row.key"><th scope="row">{{ 'prosecutions.indicators.' + row.key | translate }}</th><td>{{ row.value }}</td></tr>
            }
          </tbody>
        </table>
        @for (b of [{ key: 'bySex', rows: d.bySex }, { key: 'byNationality', rows: d.byNationality }]; track b.key) {
          <table class="table" [attr.data-testid]="'indicators-' + b.key">
            <caption>{{ 'prosecutions.indicators.' + b.key | translate }}</caption>
            <thead><tr><th scope="col"></th>@for (c of columns; track c) { <th scope="col">{{ 'prosecutions.indicators.' + c | translate }}</th> }</tr></thead>
            <tbody>
              @for (r of b.rows; track r.key) {
                <tr>
                  <th scope="row">{{ b.key === 'bySex' ? (r.key | rutaOption: sexes) : r.key ? (r.key | rutaCountry) : ('common.notRecorded' | translate) }}</th>
                  <td>{{ r.charged }}</td><td>{{ r.accused }}</td><td>{{ r.convicted }}</td><td>{{ r.acquitted }}</td>
                </tr>
              } @empty {
                <tr><td colspan="5" class="muted">{{ 'prosecutions.empty' | translate }}</td></tr>
              }
            </tbody>
          </table>
        }
        <p class="muted">{{ 'prosecutions.indicators.definition' | translate }}</p>
      }
    </section>
  `,
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 8px; }
    .table { border-collapse: collapse; margin: 12px 0; min-width: min(100%, 420px); }
    .table caption { text-align: left; font: var(--mat-sys-title-medium); padding: 4px 0; }
    .table th, .table td { border-bottom: 1px solid var(--mat-sys-outline-variant); padding: 6px 8px; text-align: left; }
    .table td { text-align: right; }
  `,
})
export class IndicatorsPage implements OnInit {
  private readonly api = inject(ProsecutionsApi);
  protected readonly sexes = DEFENDANT_SEX;
  protected readonly columns = ['charged', 'accused', 'convicted', 'acquitted'];
  private readonly thisYear = new Date().getFullYear();
  protected readonly years = Array.from({ length: 12 }, (_, i) => this.thisYear - i);
  protected readonly year = new FormControl(this.thisYear, { nonNullable: true });
  protected readonly quarter = new FormControl(0, { nonNullable: true });
  protected readonly data = signal<JusticeIndicators | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.api.indicators(this.year.value, this.quarter.value || null).subscribe({
      next: (d) => {
        this.error.set(null);
        this.data.set(d);
      },
      error: (error: unknown) => this.error.set(problemMessage(error)),
    });
  }

  protected rows(d: JusticeIndicators): { key: string; value: string | number }[] {
    const dash = (v: number | null) => (v === null ? '—' : v);
    return [
      { key: 'investigationsOpened', value: d.investigationsOpened },
      { key: 'charged', value: d.charged },
      { key: 'accused', value: d.accused },
      { key: 'convicted', value: d.convicted },
      { key: 'acquitted', value: d.acquitted },
      { key: 'victimsInvolved', value: d.victimsInvolved },
      { key: 'averageMonthsToSentence', value: dash(d.averageMonthsToSentence) },
      { key: 'sentences', value: d.sentenceMonths.count },
      { key: 'sentenceMin', value: dash(d.sentenceMonths.min) },
      { key: 'sentenceAverage', value: dash(d.sentenceMonths.average) },
      { key: 'sentenceMax', value: dash(d.sentenceMonths.max) },
    ];
  }
}
