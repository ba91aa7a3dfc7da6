import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AnnualReport, AnnualReportRow, REPORT_FIGURE, UNKNOWN_BUCKET } from '@ruta/shared';
import { CountryNamePipe } from '../../cases/country-name.pipe';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { LanguageService } from '../../core/i18n/language.service';
import { DIMENSION_OPTIONS } from '../indicator-buckets';
import { IndicatorsApi } from '../indicators.api';

/** The annual report table (TIP / UNODC shape) on screen, with its XLSX and PDF in the interface language. */
@Component({
  selector: 'ruta-annual-report-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, CountryNamePipe],
  template: `
    <section aria-labelledby="annual-title" data-testid="annual-report">
      <div class="page-header">
        <h2 id="annual-title" class="section-title">{{ 'indicators.annual.title' | translate: { year: report().year } }}</h2>
        <div class="actions">
          <a mat-stroked-button [href]="file('xlsx')" download data-testid="annual-xlsx"><mat-icon aria-hidden="true" svgIcon="table_view" />{{ 'indicators.annual.xlsx' | translate }}</a>
          <a mat-stroked-button [href]="file('pdf')" download data-testid="annual-pdf"><mat-icon aria-hidden="true" svgIcon="picture_as_pdf" />{{ 'indicators.annual.pdf' | translate }}</a>
        </div>
      </div>
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="'indicators.annual.title' | translate: { year: report().year }">
        <table class="annual-table">
          <caption class="muted">{{ 'indicators.annual.caption' | translate }}</caption>
          <thead>
            <tr><th scope="col">{{ 'indicators.annual.indicator' | translate }}</th><th scope="col" class="num">{{ 'indicators.annual.value' | translate }}</th></tr>
          </thead>
          <tbody>
            @for (row of report().rows; track $index; let i = $index) {
              @if (i === 0 || report().rows[i - 1].section !== row.section) {
                <tr class="section" [attr.data-testid]="'annual-section-' + row.section"><th scope="colgroup" colspan="2">{{ 'indicators.annual.sections.' + row.section | translate }}</th></tr>
              }
              <tr [class.bucket]="row.bucket" [attr.data-testid]="row.bucket ? null : 'annual-' + row.key">
                @if (row.bucket && row.dimension) {
                  <td class="indent">
                    @if (row.bucket === unknown) {
                      {{ 'indicators.unknown' | translate }}
                    } @else if (row.dimension === 'nationality') {
                      {{ row.bucket | rutaCountry }}
                    } @else {
                      {{ row.bucket | rutaOption: lists[row.dimension] }}
                    }
                  </td>
                } @else {
                  <th scope="row">{{ row.key | rutaOption: indicators }}</th>
                }
                <td class="num">{{ value(row) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    .annual-table { border-collapse: collapse; width: 100%; max-width: 44rem; }
    .annual-table th, .annual-table td { padding: 0.35rem 0.5rem; border-bottom: 1px solid #dcdcdc; text-align: left; }
    .annual-table .num { text-align: right; font-variant-numeric: tabular-nums; }
    .annual-table .indent { padding-left: 1.75rem; }
    .annual-table .section th { padding-top: 1rem; font-weight: 600; }
  `,
})
export class AnnualReportTable {
  private readonly api = inject(IndicatorsApi);
  private readonly language = inject(LanguageService);
  readonly report = input.required<AnnualReport>();
  protected readonly indicators = REPORT_FIGURE;
  protected readonly lists = DIMENSION_OPTIONS as Record<string, (typeof DIMENSION_OPTIONS)['sex']>;
  protected readonly unknown = UNKNOWN_BUCKET;

  protected file(format: 'xlsx' | 'pdf'): string {
    return this.api.annualReportFile(this.report().year, format, this.language.current());
  }

  protected value(row: AnnualReportRow): string {
    return row.value === null ? '—' : row.value.toLocaleString(this.language.current() === 'es' ? 'es-CO' : 'en-GB');
  }
}
