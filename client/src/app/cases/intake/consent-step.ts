import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CONSENT_GRANTED_BY, CONSENT_METHOD, CONSENT_PURPOSE, InstitutionView } from '@ruta/shared';
import { InstitutionsApi } from '../../admin/institutions/institutions.api';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { OptionLabelPipe } from '../option-label.pipe';
import { OptionSelect } from '../option-select';
import { ConsentGroup } from './intake-form';

/** Step 4: consent per purpose (Law 1581): who granted it, how and when. Only ticked purposes are recorded. */
@Component({
  selector: 'ruta-consent-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatDatepickerModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, OptionLabelPipe, OptionSelect],
  template: `
    <p class="muted">{{ 'intake.consentIntro' | translate }}</p>
    @for (row of consents().controls; track row) {
      @let r = row.controls;
      <fieldset class="consent-row" [attr.data-testid]="'consent-' + r.purpose.value">
        <legend>
          <mat-checkbox [formControl]="r.granted" [attr.data-testid]="'consent-' + r.purpose.value + '-granted'">
            {{ r.purpose.value | rutaOption: purposes }}
          </mat-checkbox>
        </legend>
        @if (r.granted.value) {
          <div class="form-grid">
            <ruta-option-select [control]="r.grantedBy" [list]="grantors" label="consent.grantedBy" [testId]="'consent-' + r.purpose.value + '-by'" [required]="true" />
            <ruta-option-select [control]="r.method" [list]="methods" label="consent.method" [testId]="'consent-' + r.purpose.value + '-method'" [required]="true" />
            <mat-form-field>
              <mat-label>{{ 'consent.grantedAt' | translate }}</mat-label>
              <input matInput [matDatepicker]="pickerGrantedAt" [formControl]="r.grantedAt" required [max]="today()" [attr.data-testid]="'consent-' + r.purpose.value + '-date'" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerGrantedAt" />
<mat-datepicker #pickerGrantedAt />
              <mat-error>{{ r.grantedAt.errors | rutaError }}</mat-error>
            </mat-form-field>
            @if (r.purpose.value === 'sharing') {
              <mat-form-field>
                <mat-label>{{ 'consent.institution' | translate }}</mat-label>
                <mat-select [formControl]="r.institutionId" required data-testid="consent-sharing-institution">
                  @for (i of institutions(); track i.id) {
                    <mat-option [value]="i.id">{{ i.name }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ r.institutionId.errors | rutaError }}</mat-error>
              </mat-form-field>
            }
          </div>
        }
      </fieldset>
    }
  `,
})
export class ConsentStep implements OnInit {
  private readonly institutionsApi = inject(InstitutionsApi);
  readonly consents = input.required<FormArray<ConsentGroup>>();
  readonly today = input.required<string>();
  protected readonly purposes = CONSENT_PURPOSE;
  protected readonly grantors = CONSENT_GRANTED_BY;
  protected readonly methods = CONSENT_METHOD;
  protected readonly institutions = signal<InstitutionView[]>([]);

  ngOnInit(): void {
    this.institutionsApi.list().subscribe({ next: (list) => this.institutions.set(list.filter((i) => i.active)), error: () => undefined });
  }
}
