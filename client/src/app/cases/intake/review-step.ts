import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CASE_SCOPE,
  CASE_SOURCE,
  CONSENT_GRANTED_BY,
  CONSENT_PURPOSE,
  DOCUMENT_TYPE,
  EXPLOITATION_PURPOSE,
  LABOUR_SECTOR,
  MEANS_OF_CONTROL,
  SCREENING_ACT,
  SCREENING_MEANS,
  SCREENING_RESULT,
  SEX,
  TRAFFICKING_EVENT_KIND,
} from '@ruta/shared';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { CountryNamePipe } from '../country-name.pipe';
import { OptionLabelPipe, OptionLabelsPipe } from '../option-label.pipe';
import { PlaceNamePipe } from '../place-name.pipe';
import { IntakeValue } from './intake-form';

/** Step 5: everything the intake will record, to check before submitting. */
@Component({
  selector: 'ruta-review-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, OptionLabelPipe, OptionLabelsPipe, CalendarDatePipe, CountryNamePipe, PlaceNamePipe],
  template: `
    @let v = value();
    <div class="review" data-testid="intake-review">
      <section>
        <h3 class="section-title">{{ 'intake.steps.screening' | translate }}</h3>
        <dl class="facts">
          <dt>{{ 'cases.source' | translate }}</dt><dd>{{ v.case.source | rutaOption: sources }}</dd>
          <dt>{{ 'cases.scope' | translate }}</dt><dd>{{ v.case.scope | rutaOption: scopes }}</dd>
          <dt>{{ 'cases.identifiedOn' | translate }}</dt><dd>{{ v.case.identifiedOn | rutaDate }}</dd>
          <dt>{{ 'intake.acts' | translate }}</dt><dd>{{ v.screening.acts | rutaOptions: acts }}</dd>
          <dt>{{ 'intake.means' | translate }}</dt><dd>{{ v.screening.means | rutaOptions: means }}</dd>
          <dt>{{ 'intake.purposes' | translate }}</dt><dd>{{ v.screening.purposes | rutaOptions: purposes }}</dd>
          <dt>{{ 'intake.result' | translate }}</dt><dd>{{ v.screening.result | rutaOption: results }}</dd>
        </dl>
      </section>
      <section>
        <h3 class="section-title">{{ 'intake.steps.identity' | translate }}</h3>
        <dl class="facts">
          <dt>{{ 'victim.name' | translate }}</dt><dd data-testid="review-name">{{ v.victim.givenNames }} {{ v.victim.familyNames }}</dd>
          <dt>{{ 'victim.sex' | translate }}</dt><dd>{{ v.victim.sex | rutaOption: sexes }}</dd>
          <dt>{{ 'victim.birthDate' | translate }}</dt><dd>{{ v.victim.birthDate ? (v.victim.birthDate | rutaDate) : (v.victim.estimatedAge !== null ? ('victim.approxAge' | translate: { age: v.victim.estimatedAge }) : '—') }}</dd>
          <dt>{{ 'victim.documentType' | translate }}</dt><dd>{{ v.victim.documentType | rutaOption: documentTypes }} {{ v.victim.documentNumber }}</dd>
          <dt>{{ 'victim.nationality' | translate }}</dt><dd data-testid="review-nationality">{{ v.victim.nationality | rutaCountry }}</dd>
        </dl>
      </section>
      <section>
        <h3 class="section-title">{{ 'intake.steps.situation' | translate }}</h3>
        <dl class="facts">
          <dt>{{ 'situation.purposes' | translate }}</dt><dd>{{ v.situation.purposes | rutaOptions: purposes }}</dd>
          <dt>{{ 'situation.labourSector' | translate }}</dt><dd>{{ v.situation.labourSector | rutaOption: sectors }}</dd>
          <dt>{{ 'situation.meansOfControl' | translate }}</dt><dd>{{ v.situation.meansOfControl | rutaOptions: control }}</dd>
          <dt>{{ 'cases.events' | translate }}</dt>
          <dd>
            @for (e of v.situation.events; track $index) {
              {{ e.kind | rutaOption: kinds }} ({{ e | rutaPlace }}){{ $last ? '' : ';' }}
            } @empty {
              —
            }
          </dd>
        </dl>
      </section>
      <section>
        <h3 class="section-title">{{ 'intake.steps.consent' | translate }}</h3>
        <ul>
          @for (c of v.consents; track c.purpose) {
            @if (c.granted) {
              <li>{{ c.purpose | rutaOption: consentPurposes }} — {{ c.grantedBy | rutaOption: grantors }}, {{ c.grantedAt | rutaDate }}</li>
            }
          }
        </ul>
      </section>
    </div>
  `,
})
export class ReviewStep {
  readonly value = input.required<IntakeValue>();
  protected readonly sources = CASE_SOURCE;
  protected readonly scopes = CASE_SCOPE;
  protected readonly acts = SCREENING_ACT;
  protected readonly means = SCREENING_MEANS;
  protected readonly purposes = EXPLOITATION_PURPOSE;
  protected readonly results = SCREENING_RESULT;
  protected readonly sexes = SEX;
  protected readonly documentTypes = DOCUMENT_TYPE;
  protected readonly sectors = LABOUR_SECTOR;
  protected readonly control = MEANS_OF_CONTROL;
  protected readonly kinds = TRAFFICKING_EVENT_KIND;
  protected readonly consentPurposes = CONSENT_PURPOSE;
  protected readonly grantors = CONSENT_GRANTED_BY;
}
