import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CaseDetailView,
  EXPLOITATION_PURPOSE,
  LABOUR_SECTOR,
  MEANS_OF_CONTROL,
  RECRUITER_RELATION,
  RECRUITMENT_METHOD,
  SEXUAL_EXPLOITATION_TYPE,
  TRAFFICKING_EVENT_KIND,
  UpdateCaseRequest,
} from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessage } from '../../core/http/problem';
import { submitErrors } from '../../core/http/submit-errors';
import { CasesApi } from '../cases.api';
import { CountryNamePipe } from '../country-name.pipe';
import { OptionLabelPipe, OptionLabelsPipe } from '../option-label.pipe';
import { SituationFields, SituationGroup } from '../situation-fields';
import { buildEventGroup, toEventInputs } from '../trafficking-event-form';
import { CaseDetailStore } from './case-detail.store';
import { ConflictBanner } from './conflict-banner';
import { changedFields, StaleConflict, staleConflictOf } from './stale-version';

/** The situation as the API holds it, in the shape the edit form produces (for the PATCH diff). */
function situationOf(c: CaseDetailView) {
  return {
    purposes: c.purposes,
    labourSector: c.labourSector ?? '',
    sexualExploitationType: c.sexualExploitationType ?? '',
    meansOfControl: c.meansOfControl,
    recruiterRelation: c.recruiterRelation ?? '',
    recruitmentMethod: c.recruitmentMethod ?? '',
    events: toEventInputs(
      c.events.map((e) => ({ kind: e.kind, countryCode: e.countryCode, departmentCode: e.departmentCode ?? '', municipalityCode: e.municipalityCode ?? '', startedOn: e.startedOn ?? '', endedOn: e.endedOn ?? '' })),
    ),
  };
}

/** Purposes, sector, means of control, recruiter and events; edited with the case version (409 → conflict banner). */
@Component({
  selector: 'ruta-situation-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, FormError, OptionLabelPipe, OptionLabelsPipe, CountryNamePipe, SituationFields, ConflictBanner],
  templateUrl: './situation-tab.html',
})
export class SituationTab {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(CasesApi);
  private readonly notifier = inject(Notifier);
  protected readonly store = inject(CaseDetailStore);
  protected readonly labels = { EXPLOITATION_PURPOSE, LABOUR_SECTOR, MEANS_OF_CONTROL, RECRUITER_RELATION, RECRUITMENT_METHOD, SEXUAL_EXPLOITATION_TYPE, TRAFFICKING_EVENT_KIND };

  protected readonly form = signal<SituationGroup | null>(null);
  protected readonly conflict = signal<StaleConflict | null>(null);
  protected readonly error = signal<ErrorMessage | null>(null);
  protected readonly busy = signal(false);

  protected edit(c: CaseDetailView): void {
    const s = situationOf(c);
    const group = this.fb.group({
      purposes: [s.purposes as string[]],
      labourSector: [s.labourSector as string],
      sexualExploitationType: [s.sexualExploitationType as string],
      meansOfControl: [s.meansOfControl as string[]],
      recruiterRelation: [s.recruiterRelation as string],
      recruitmentMethod: [s.recruitmentMethod as string],
      events: this.fb.array(c.events.map((e) => buildEventGroup(this.fb, { ...e, departmentCode: e.departmentCode ?? undefined, municipalityCode: e.municipalityCode ?? undefined }))),
    });
    this.conflict.set(null);
    this.error.set(null);
    this.form.set(group);
  }

  protected save(): void {
    const form = this.form();
    const detail = this.store.detail();
    if (!form || !detail) return;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const value = form.getRawValue();
    const after = { ...value, sexualExploitationType: value.purposes.includes('sexual_exploitation') ? value.sexualExploitationType : '', events: toEventInputs(value.events) };
    const patch = changedFields<UpdateCaseRequest>(situationOf(detail), after);
    if (!Object.keys(patch).length) {
      this.form.set(null);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.update(detail.code, { ...patch, version: detail.version }).subscribe({
      next: (view) => {
        this.busy.set(false);
        this.store.set(view);
        this.form.set(null);
        this.notifier.info('caseDetail.saved');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const conflict = staleConflictOf(error);
        if (conflict) this.conflict.set(conflict);
        else this.error.set(submitErrors(form, error));
      },
    });
  }

  protected reapply(): void {
    this.store.reload().subscribe(() => {
      this.conflict.set(null);
      this.notifier.info('conflict.reloaded');
    });
  }

  protected discard(): void {
    this.store.reload().subscribe((view) => this.edit(view));
  }

  protected cancel(): void {
    this.form.set(null);
    this.conflict.set(null);
  }
}
