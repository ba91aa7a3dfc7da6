import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import {
  AGE_BAND,
  CASE_DIRECTION,
  CASE_SCOPE,
  CASE_SOURCE,
  CASE_STATUS,
  CLOSE_REASON,
  EXPLOITATION_PURPOSE,
  SCREENING_ACT,
  SCREENING_INDICATOR,
  SCREENING_MEANS,
  SCREENING_RESULT,
  TRAFFICKING_STATUS,
} from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { OptionLabelPipe, OptionLabelsPipe } from '../option-label.pipe';
import { Assignments } from './assignments';
import { CaseDetailStore } from './case-detail.store';
import { CaseLinksPanel } from './case-links-panel';
import { SummaryEdit } from './summary-edit';

/** The case at a glance: status, trafficking status, origin, age facts, screenings, who works on it and its links. */
@Component({
  selector: 'ruta-summary-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, CalendarDatePipe, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, OptionLabelPipe, OptionLabelsPipe, Assignments, CaseLinksPanel, SummaryEdit],
  template: `
    @if (store.detail(); as c) {
      @if (editing()) {
        <ruta-summary-edit (closed)="editing.set(false)" />
      } @else {
      <dl class="facts" data-testid="case-summary">
        <dt>{{ 'cases.status' | translate }}</dt>
        <dd data-testid="case-status">{{ c.status | rutaOption: l.CASE_STATUS }}
          @if (c.closeReason) { <span class="muted">({{ c.closeReason | rutaOption: l.CLOSE_REASON }})</span> }
        </dd>
        <dt>{{ 'cases.traffickingStatus' | translate }}</dt>
        <dd>{{ c.traffickingStatus | rutaOption: l.TRAFFICKING_STATUS }}
          @if (c.traffickingStatusDecidedBy) { <span class="muted">{{ c.traffickingStatusDecidedBy.name }}</span> }
        </dd>
        <dt>{{ 'cases.institution' | translate }}</dt><dd>{{ c.ownerInstitution.name }}</dd>
        <dt>{{ 'cases.source' | translate }}</dt><dd>{{ c.source | rutaOption: l.CASE_SOURCE }}</dd>
        <dt>{{ 'cases.scope' | translate }}</dt><dd>{{ c.scope | rutaOption: l.CASE_SCOPE }} {{ c.direction ? '· ' : '' }}{{ c.direction ? (c.direction | rutaOption: l.CASE_DIRECTION) : '' }}</dd>
        <dt>{{ 'cases.identifiedOn' | translate }}</dt><dd>{{ c.identifiedOn | date: 'longDate' : 'UTC' : locale() }}</dd>
        <dt>{{ 'cases.place' | translate }}</dt>
        <dd data-testid="case-place">{{ c.municipalityName ? c.municipalityName + ', ' : '' }}{{ c.departmentName ?? '—' }}</dd>
        <dt>{{ 'cases.ageBand' | translate }}</dt><dd>{{ c.ageBand | rutaOption: l.AGE_BAND }}</dd>
        <dt>{{ 'cases.minorAtIdentification' | translate }}</dt><dd>{{ yesNo(c.minorAtIdentification) | translate }}</dd>
        <dt>{{ 'cases.minorAtExploitation' | translate }}</dt><dd>{{ yesNo(c.minorAtExploitation) | translate }}</dd>
        @if (c.childWelfareFlag) {
          <dt>{{ 'cases.childWelfare' | translate }}</dt><dd data-testid="case-icbf"><mat-icon svgIcon="child_care" />{{ 'cases.childWelfareText' | translate }}</dd>
        }
        <dt>{{ 'situation.purposes' | translate }}</dt><dd>{{ c.purposes | rutaOptions: l.EXPLOITATION_PURPOSE }}</dd>
        <dt>{{ 'caseDetail.createdBy' | translate }}</dt><dd>{{ c.createdBy.name }} · {{ c.createdAt | date: 'medium' : undefined : locale() }}</dd>
        <dt>{{ 'caseDetail.version' | translate }}</dt><dd data-testid="case-version">{{ c.version }}</dd>
      </dl>
      <div class="actions" *rutaCan="'cases:update'">
        <button mat-stroked-button type="button" (click)="editing.set(true)" data-testid="summary-edit"><mat-icon svgIcon="edit" />{{ 'caseDetail.editSummary' | translate }}</button>
      </div>
      }

      <h3 class="section-title">{{ 'intake.screening' | translate }}</h3>
      @for (s of c.screenings; track s.id) {
        <dl class="facts">
          <dt>{{ 'intake.screenedOn' | translate }}</dt><dd>{{ s.screenedOn | rutaDate }} · {{ s.interviewer?.name ?? '—' }}</dd>
          <dt>{{ 'intake.acts' | translate }}</dt><dd>{{ s.acts | rutaOptions: l.SCREENING_ACT }}</dd>
          <dt>{{ 'intake.means' | translate }}</dt><dd>{{ s.means | rutaOptions: l.SCREENING_MEANS }}</dd>
          <dt>{{ 'intake.purposes' | translate }}</dt><dd>{{ s.purposes | rutaOptions: l.EXPLOITATION_PURPOSE }}</dd>
          <dt>{{ 'intake.indicators' | translate }}</dt><dd>{{ s.indicators | rutaOptions: l.SCREENING_INDICATOR }}</dd>
          <dt>{{ 'intake.result' | translate }}</dt><dd>{{ s.result | rutaOption: l.SCREENING_RESULT }}</dd>
        </dl>
      }
      <ruta-assignments />
      <ruta-case-links-panel [code]="c.code" />
    }
  `,
})
export class SummaryTab {
  protected readonly store = inject(CaseDetailStore);
  protected readonly editing = signal(false);
  private readonly language = inject(LanguageService);
  protected readonly l = {
    AGE_BAND,
    CASE_DIRECTION,
    CASE_SCOPE,
    CASE_SOURCE,
    CASE_STATUS,
    CLOSE_REASON,
    EXPLOITATION_PURPOSE,
    SCREENING_ACT,
    SCREENING_INDICATOR,
    SCREENING_MEANS,
    SCREENING_RESULT,
    TRAFFICKING_STATUS,
  };

  protected locale(): string {
    return LOCALES[this.language.current()];
  }

  protected yesNo(value: boolean | null): string {
    return value === null ? 'common.unknown' : value ? 'common.yes' : 'common.no';
  }
}
