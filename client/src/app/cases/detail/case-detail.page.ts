import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, CASE_STATUS, TRAFFICKING_STATUS } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { OptionLabelPipe } from '../option-label.pipe';
import { CaseDetailStore } from './case-detail.store';
import { ConsentsTab } from './consents-tab';
import { DocumentsPanel } from './documents-panel';
import { NotesPanel } from './notes-panel';
import { SituationTab } from './situation-tab';
import { StatusActions } from './status-actions';
import { ReferButton } from '../../referrals/refer/refer-button';
import { CaseSummaryButton } from '../../indicators/case-summary-button';
import { CaseAssistanceTab } from '../../assistance/case-assistance-tab';
import { CaseProceedingsTab } from '../../prosecutions/case-proceedings-tab';
import { CaseProceedingsSummary } from '../../prosecutions/case-proceedings-summary';
import { SummaryTab } from './summary-tab';
import { TimelineTab } from './timeline-tab';
import { VictimTab } from './victim-tab';

/** One case by its pseudonymous code: tabs for summary, victim, situation, consent, notes and documents, timeline. */
@Component({
  selector: 'ruta-case-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CaseDetailStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatChipSet,
    MatChip,
    MatIconModule,
    MatTabsModule,
    TranslatePipe,
    CanDirective,
    FormError,
    OptionLabelPipe,
    StatusActions,
    ReferButton,
    SummaryTab,
    VictimTab,
    SituationTab,
    ConsentsTab,
    NotesPanel,
    DocumentsPanel,
    TimelineTab,
    CaseAssistanceTab,
    CaseProceedingsTab,
    CaseProceedingsSummary,
    CaseSummaryButton,
  ],
  templateUrl: './case-detail.page.html',
})
export class CaseDetailPage {
  /** The `:code` route parameter (component input binding). */
  readonly code = input.required<string>();
  protected readonly store = inject(CaseDetailStore);
  /** Those who accompany the victim without reading the investigation file see the proceedings' stage summary only. */
  private readonly auth = inject(AuthStore);
  protected readonly proceedingsSummaryOnly = computed(() => {
    const held = this.auth.permissions();
    return !held.has('proceedings:read') && held.has('assistance:read');
  });
  protected readonly statuses = CASE_STATUS;
  protected readonly traffickingStatuses = TRAFFICKING_STATUS;
  protected readonly ageBands = AGE_BAND;

  constructor() {
    effect(() => this.store.load(this.code()));
  }
}
