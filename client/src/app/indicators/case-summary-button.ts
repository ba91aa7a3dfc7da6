import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../core/i18n/language.service';

/**
 * Downloads the case's summary as a PDF in the interface language: a plain link the browser follows with the session
 * cookie. The URL holds the pseudonymous case code only; the server checks the case's scope (404 outside it), audits
 * the read and answers with no-store.
 */
@Component({
  selector: 'ruta-case-summary-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <a mat-stroked-button [href]="href()" download data-testid="case-summary-pdf"><mat-icon aria-hidden="true" svgIcon="download" />{{ 'indicators.summary.download' | translate }}</a>
  `,
})
export class CaseSummaryButton {
  private readonly language = inject(LanguageService);
  readonly caseCode = input.required<string>();
  protected readonly href = computed(() => `/api/indicators/case-summary/${encodeURIComponent(this.caseCode())}?language=${this.language.current()}`);
}
