import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The case's disclosure record (Law 1581: who received the person's data) as a one-page PDF to hand to the person, in
 * Spanish or English. A plain download: the server reads and audits it; the URL carries the case code only.
 */
@Component({
  selector: 'ruta-disclosure-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <h2>{{ 'referrals.disclosure.title' | translate }}</h2>
    <p class="muted">{{ 'referrals.disclosure.hint' | translate }}</p>
    <div class="actions">
      <a mat-stroked-button [href]="url() + '?lang=es'" download data-testid="disclosure-pdf-es"><mat-icon svgIcon="picture_as_pdf" />{{ 'referrals.disclosure.spanish' | translate }}</a>
      <a mat-button [href]="url() + '?lang=en'" download data-testid="disclosure-pdf-en" lang="en"><mat-icon svgIcon="picture_as_pdf" />{{ 'referrals.disclosure.english' | translate }}</a>
    </div>
  `,
})
export class DisclosureDownload {
  readonly caseCode = input.required<string>();
  protected readonly url = computed(() => `/api/cases/${encodeURIComponent(this.caseCode())}/referrals/disclosure-pdf`);
}
