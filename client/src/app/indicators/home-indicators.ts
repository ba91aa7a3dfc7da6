import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { INDICATOR, IndicatorKey, IndicatorsView } from '@ruta/shared';
import { OptionLabelPipe } from '../cases/option-label.pipe';
import { FormError } from '../core/http/form-error';
import { DateTimePipe } from '../core/i18n/date-time.pipe';
import { ErrorMessage, problemMessage } from '../core/http/problem';
import { IndicatorsApi } from './indicators.api';

const HOME_KEYS: IndicatorKey[] = ['victims_identified', 'victims_minors', 'referrals_overdue'];

/** On a coordinator's home: this year's key figures and a link to the dashboard. Shown only with indicators:read. */
@Component({
  selector: 'ruta-home-indicators',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, OptionLabelPipe, FormError, DateTimePipe],
  template: `
    <section aria-labelledby="home-indicators-title" data-testid="home-indicators">
      <h2 id="home-indicators-title" class="section-title">{{ 'indicators.home.title' | translate: { year: year } }}</h2>
      <ruta-form-error [message]="error()" />
      <ul class="stack">
        @for (key of keys; track key) {
          <li>{{ key | rutaOption: labels }}: <strong>{{ value(key) }}</strong></li>
        }
      </ul>
      @if (view()?.asOf; as asOf) {
        <p class="muted" data-testid="home-indicators-as-of">{{ 'indicators.asOf' | translate: { when: asOf | rutaDateTime } }}</p>
      }
      <a mat-stroked-button routerLink="/indicadores" data-testid="home-indicators-all"><mat-icon aria-hidden="true" svgIcon="bar_chart" />{{ 'indicators.home.open' | translate }}</a>
    </section>
  `,
})
export class HomeIndicators implements OnInit {
  private readonly api = inject(IndicatorsApi);
  protected readonly year = new Date().getFullYear();
  protected readonly keys = HOME_KEYS;
  protected readonly labels = INDICATOR;
  protected readonly view = signal<IndicatorsView | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);

  ngOnInit(): void {
    this.api.indicators({ year: this.year }).subscribe({ next: (view) => this.view.set(view), error: (error: unknown) => this.error.set(problemMessage(error)) });
  }

  protected value(key: IndicatorKey): string {
    const v = this.view()?.indicators.find((i) => i.key === key)?.value;
    return v === undefined ? '…' : v === null ? '—' : String(v);
  }
}
