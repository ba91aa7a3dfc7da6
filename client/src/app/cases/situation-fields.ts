import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { EXPLOITATION_PURPOSE, LABOUR_SECTOR, MEANS_OF_CONTROL, RECRUITER_RELATION, RECRUITMENT_METHOD, SEXUAL_EXPLOITATION_TYPE } from '@ruta/shared';
import { OptionChips } from './option-chips';
import { OptionSelect } from './option-select';
import { EventGroup } from './trafficking-event-form';
import { TraffickingEventsEditor } from './trafficking-events-editor';

export type SituationGroup = FormGroup<{
  purposes: FormControl<string[]>;
  labourSector: FormControl<string>;
  sexualExploitationType: FormControl<string>;
  meansOfControl: FormControl<string[]>;
  recruiterRelation: FormControl<string>;
  recruitmentMethod: FormControl<string>;
  events: FormArray<EventGroup>;
}>;

/** The trafficking situation: purposes (art. 188A), sector, means of control (CTDC), recruiter and events. */
@Component({
  selector: 'ruta-situation-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, OptionChips, OptionSelect, TraffickingEventsEditor],
  template: `
    @let t = group().controls;
    <ruta-option-chips [control]="t.purposes" [list]="purposes" label="situation.purposes" testId="situation-purposes" />
    <div class="form-grid">
      <ruta-option-select [control]="t.labourSector" [list]="sectors" label="situation.labourSector" testId="situation-sector" />
      @if (t.purposes.value.includes('sexual_exploitation')) {
        <ruta-option-select [control]="t.sexualExploitationType" [list]="sexualTypes" label="situation.sexualExploitationType" testId="situation-sexual-type" />
      }
      <ruta-option-select [control]="t.recruiterRelation" [list]="relations" label="situation.recruiterRelation" testId="situation-recruiter-relation" />
      <ruta-option-select [control]="t.recruitmentMethod" [list]="methods" label="situation.recruitmentMethod" testId="situation-recruitment-method" />
    </div>
    <ruta-option-chips [control]="t.meansOfControl" [list]="means" label="situation.meansOfControl" hint="situation.meansHint" testId="situation-means" />
    <ruta-trafficking-events-editor [events]="t.events" />
    <p class="muted">{{ 'situation.eventsHint' | translate }}</p>
  `,
})
export class SituationFields {
  readonly group = input.required<SituationGroup>();
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly sectors = LABOUR_SECTOR;
  protected readonly sexualTypes = SEXUAL_EXPLOITATION_TYPE;
  protected readonly means = MEANS_OF_CONTROL;
  protected readonly relations = RECRUITER_RELATION;
  protected readonly methods = RECRUITMENT_METHOD;
}
