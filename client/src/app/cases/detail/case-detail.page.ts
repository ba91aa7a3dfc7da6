import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, CASE_STATUS, TRAFFICKING_STATUS } from '@ruta/shared';
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
import { CaseAssistanceTab } from '../../assistance/case-assistance-tab';
import { CaseProceedingsTab } from '../../prosecutions/case-proceedings-tab';
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
    MatChipsModule,
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
  ],
  templateUrl: './case-detail.page.html',
})
export class CaseDetailPage {
  /** The `:code` route parameter (component input binding). */
  readonly code = input.required<string>();
  protected readonly store = inject(CaseDetailStore);
  protected readonly statuses = CASE_STATUS;
  protected readonly traffickingStatuses = TRAFFICKING_STATUS;
  protected readonly ageBands = AGE_BAND;

  constructor() {
    effect(() => this.store.load(this.code()));
  }
}
