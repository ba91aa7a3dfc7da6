import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CASE_DIRECTION,
  CASE_SCOPE,
  CASE_SOURCE,
  EXPLOITATION_PURPOSE,
  SCREENING_ACT,
  SCREENING_INDICATOR,
  SCREENING_MEANS,
  SCREENING_RESULT,
  UserView,
} from '@ruta/shared';
import { UsersApi } from '../../admin/users/users.api';
import { AuthStore } from '../../core/auth/auth.store';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { OptionChips } from '../option-chips';
import { OptionSelect } from '../option-select';
import { PlacePicker } from '../place-picker';
import { IntakeForm } from './intake-form';

/** Step 1: how the case reached the institution, and the Palermo checklist (act, means, purpose) with its result. */
@Component({
  selector: 'ruta-screening-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatDatepickerModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, OptionChips, OptionSelect, PlacePicker],
  template: `
    @let c = form().controls.case.controls;
    @let s = form().controls.screening.controls;
    <h3 class="section-title">{{ 'intake.caseData' | translate }}</h3>
    <div class="form-grid">
      <ruta-option-select [control]="c.source" [list]="sources" label="cases.source" testId="intake-source" [required]="true" />
      <ruta-option-select [control]="c.scope" [list]="scopes" label="cases.scope" testId="intake-scope" [required]="true" />
      @if (c.scope.value === 'international') {
        <ruta-option-select [control]="c.direction" [list]="directions" label="cases.direction" testId="intake-direction" />
      }
      <mat-form-field>
        <mat-label>{{ 'cases.identifiedOn' | translate }}</mat-label>
        <input matInput [matDatepicker]="pickerIdentifiedOn" [formControl]="c.identifiedOn" required [max]="today()" data-testid="intake-identified-on" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerIdentifiedOn" />
<mat-datepicker #pickerIdentifiedOn />
        <mat-error>{{ c.identifiedOn.errors | rutaError }}</mat-error>
      </mat-form-field>
      <ruta-place-picker [department]="c.departmentCode" [municipality]="c.municipalityCode" testId="intake-place" />
    </div>

    <h3 class="section-title">{{ 'intake.screening' | translate }}</h3>
    <div class="form-grid">
      <mat-form-field>
        <mat-label>{{ 'intake.screenedOn' | translate }}</mat-label>
        <input matInput [matDatepicker]="pickerScreenedOn" [formControl]="s.screenedOn" required [max]="today()" data-testid="intake-screened-on" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerScreenedOn" />
<mat-datepicker #pickerScreenedOn />
        <mat-error>{{ s.screenedOn.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'intake.interviewer' | translate }}</mat-label>
        <mat-select [formControl]="s.interviewerUserId" data-testid="intake-interviewer">
          <mat-option value="">{{ 'intake.interviewerMe' | translate: { name: auth.me()?.name } }}</mat-option>
          @for (user of colleagues(); track user.id) {
            <mat-option [value]="user.id">{{ user.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <ruta-option-chips [control]="s.acts" [list]="acts" label="intake.acts" testId="intake-acts" />
    <ruta-option-chips [control]="s.means" [list]="means" label="intake.means" hint="intake.meansHint" testId="intake-means" />
    <ruta-option-chips [control]="s.purposes" [list]="purposes" label="intake.purposes" testId="intake-screening-purposes" />
    <ruta-option-chips [control]="s.indicators" [list]="indicators" label="intake.indicators" testId="intake-indicators" />
    <div class="form-grid">
      <ruta-option-select [control]="s.result" [list]="results" label="intake.result" testId="intake-result" [required]="true" />
    </div>
  `,
})
export class ScreeningStep implements OnInit {
  private readonly users = inject(UsersApi);
  protected readonly auth = inject(AuthStore);
  readonly form = input.required<IntakeForm>();
  readonly today = input.required<string>();

  protected readonly sources = CASE_SOURCE;
  protected readonly scopes = CASE_SCOPE;
  protected readonly directions = CASE_DIRECTION;
  protected readonly acts = SCREENING_ACT;
  protected readonly means = SCREENING_MEANS;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly indicators = SCREENING_INDICATOR;
  protected readonly results = SCREENING_RESULT;
  protected readonly colleagues = signal<UserView[]>([]);

  ngOnInit(): void {
    const me = this.auth.me();
    if (!me || !this.auth.can('users:read')) return;
    // Interviewers from the user's own institution; without users:read the interviewer is the user.
    this.users.list({ institutionId: me.institution.id, limit: 100 }).subscribe({
      next: (page) => this.colleagues.set(page.items.filter((u) => u.id !== me.id && u.active)),
      error: () => undefined,
    });
  }
}
