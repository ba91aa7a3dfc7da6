import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { DISABILITY, DOCUMENT_TYPE, ETHNICITY, GENDER_IDENTITY, MIGRATION_STATUS, SEX } from '@ruta/shared';
import { CanDirective } from '../../core/auth/can.directive';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { CountrySelect } from '../country-select';
import { OptionSelect } from '../option-select';
import { IdentityGroup } from './intake-form';
import { LANGUAGE_CODES } from './language-codes';

/** The victim's identity: the most sensitive data in Ruta. Used by the intake wizard and the victim edit form. */
@Component({
  selector: 'ruta-identity-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatDatepickerModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, CanDirective, CountrySelect, OptionSelect],
  template: `
    @let v = group().controls;
    <div class="form-grid">
      <mat-form-field>
        <mat-label>{{ 'victim.givenNames' | translate }}</mat-label>
        <input matInput [formControl]="v.givenNames" required autocomplete="off" data-testid="victim-given-names" />
        <mat-error>{{ v.givenNames.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'victim.familyNames' | translate }}</mat-label>
        <input matInput [formControl]="v.familyNames" autocomplete="off" data-testid="victim-family-names" />
        <mat-error>{{ v.familyNames.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'victim.aliases' | translate }}</mat-label>
        <input matInput [formControl]="v.aliases" autocomplete="off" data-testid="victim-aliases" />
        <mat-hint>{{ 'victim.aliasesHint' | translate }}</mat-hint>
      </mat-form-field>
      <ruta-option-select [control]="v.sex" [list]="sexes" label="victim.sex" testId="victim-sex" [required]="true" />
      <ruta-option-select [control]="v.genderIdentity" [list]="genders" label="victim.genderIdentity" testId="victim-gender" />
      <mat-form-field>
        <mat-label>{{ 'victim.birthDate' | translate }}</mat-label>
        <input matInput [matDatepicker]="pickerBirthDate" [formControl]="v.birthDate" [max]="today()" data-testid="victim-birth-date" [placeholder]="'cases.dateFormat' | translate" />
<mat-datepicker-toggle matIconSuffix [for]="pickerBirthDate" />
<mat-datepicker #pickerBirthDate />
        <mat-hint>{{ 'victim.birthDateHint' | translate }}</mat-hint>
        <mat-error>{{ v.birthDate.errors | rutaError }}</mat-error>
      </mat-form-field>
      @if (!v.birthDate.value) {
        <mat-form-field>
          <mat-label>{{ 'victim.estimatedAge' | translate }}</mat-label>
          <input matInput type="number" min="0" max="110" [formControl]="v.estimatedAge" data-testid="victim-estimated-age" />
          <mat-error>{{ v.estimatedAge.errors | rutaError }}</mat-error>
        </mat-form-field>
      }
      <ruta-country-select [control]="v.nationality" label="victim.nationality" testId="victim-nationality" />
      <ruta-option-select [control]="v.documentType" [list]="documentTypes" label="victim.documentType" testId="victim-document-type" />
      <mat-form-field>
        <mat-label>{{ 'victim.documentNumber' | translate }}</mat-label>
        <input matInput [formControl]="v.documentNumber" autocomplete="off" data-testid="victim-document-number" />
        <mat-error>{{ v.documentNumber.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'victim.languages' | translate }}</mat-label>
        <mat-select [formControl]="v.languages" multiple data-testid="victim-languages">
          @for (code of languages; track code) {
            <mat-option [value]="code">{{ 'languages.' + code | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <ruta-option-select [control]="v.ethnicity" [list]="ethnicities" label="victim.ethnicity" testId="victim-ethnicity" />
      <ruta-option-select [control]="v.disability" [list]="disabilities" label="victim.disability" testId="victim-disability" />
      <ruta-option-select [control]="v.migrationStatus" [list]="migrationStatuses" label="victim.migrationStatus" testId="victim-migration" />
      <mat-form-field>
        <mat-label>{{ 'victim.phone' | translate }}</mat-label>
        <input matInput type="tel" [formControl]="v.phone" autocomplete="off" data-testid="victim-phone" />
        <mat-error>{{ v.phone.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'victim.email' | translate }}</mat-label>
        <input matInput type="email" [formControl]="v.email" autocomplete="off" data-testid="victim-email" />
        <mat-error>{{ v.email.errors | rutaError }}</mat-error>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ 'victim.currentLocation' | translate }}</mat-label>
        <input matInput [formControl]="v.currentLocation" autocomplete="off" data-testid="victim-current-location" />
        <mat-error>{{ v.currentLocation.errors | rutaError }}</mat-error>
      </mat-form-field>
    </div>
    <fieldset class="restricted" *rutaCan="'victim_location:read'">
      <legend>{{ 'victim.shelterTitle' | translate }}</legend>
      <p class="muted hint">{{ 'victim.shelterHint' | translate }}</p>
      <mat-form-field class="wide">
        <mat-label>{{ 'victim.shelterLocation' | translate }}</mat-label>
        <input matInput [formControl]="v.shelterLocation" autocomplete="off" data-testid="victim-shelter-location" />
        <mat-error>{{ v.shelterLocation.errors | rutaError }}</mat-error>
      </mat-form-field>
    </fieldset>
  `,
})
export class IdentityFields {
  readonly group = input.required<IdentityGroup>();
  readonly today = input.required<string>();
  protected readonly sexes = SEX;
  protected readonly genders = GENDER_IDENTITY;
  protected readonly documentTypes = DOCUMENT_TYPE;
  protected readonly ethnicities = ETHNICITY;
  protected readonly disabilities = DISABILITY;
  protected readonly migrationStatuses = MIGRATION_STATUS;
  protected readonly languages = LANGUAGE_CODES;
}
