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
import { CasesApi } from '../cases.api';
import { CountryNamePipe } from '../country-name.pipe';
import { OptionLabelPipe, OptionLabelsPipe } from '../option-label.pipe';
import { SituationFields, SituationGroup } from '../situation-fields';
import { buildEventGroup, toEventInputs } from '../trafficking-event-form';
import { CaseDetailStore } from './case-detail.store';
import { ConflictBanner } from './conflict-banner';
import { CaseEdit } from './case-edit';
import { changedFields } from './stale-version';

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
      c.events.map((e) => ({ kind: e.kind, countryCode: e.countryCode, departmentCode: e.departmentCode ?? '', municipalityCode: e.municipalityCode ?? '', city: e.city ?? '', startedOn: e.startedOn ?? '', endedOn: e.endedOn ?? '' })),
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
  protected readonly store = inject(CaseDetailStore);
  protected readonly labels = { EXPLOITATION_PURPOSE, LABOUR_SECTOR, MEANS_OF_CONTROL, RECRUITER_RELATION, RECRUITMENT_METHOD, SEXUAL_EXPLOITATION_TYPE, TRAFFICKING_EVENT_KIND };

  protected readonly form = signal<SituationGroup | null>(null);
  private readonly editing = new CaseEdit();
  protected readonly conflict = this.editing.conflict;
  protected readonly error = this.editing.error;
  protected readonly busy = this.editing.busy;

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
    this.editing.reset();
    this.form.set(group);
  }

  protected save(): void {
    const form = this.form();
    const detail = this.store.detail();
    if (!form || !detail) return;
    const value = form.getRawValue();
    const after = { ...value, sexualExploitationType: value.purposes.includes('sexual_exploitation') ? value.sexualExploitationType : '', events: toEventInputs(value.events) };
    const patch = changedFields<UpdateCaseRequest>(situationOf(detail), after);
    this.editing.save(form, patch, (code, version) => this.api.update(code, { ...patch, version }), () => this.form.set(null));
  }

  protected reapply(): void {
    this.editing.reapply();
  }

  protected discard(): void {
    this.editing.discard((view) => this.edit(view));
  }

  protected cancel(): void {
    this.form.set(null);
    this.editing.reset();
  }
}
