import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, DISABILITY, DOCUMENT_TYPE, ETHNICITY, GENDER_IDENTITY, MIGRATION_STATUS, SEX, UpdateVictimRequest, VictimView } from '@ruta/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { todayInColombia } from '../calendar-date';
import { CasesApi } from '../cases.api';
import { IdentityFields } from '../intake/identity-step';
import { identityGroup, IdentityGroup, victimFields } from '../intake/intake-form';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { CountryNamePipe } from '../country-name.pipe';
import { OptionLabelPipe } from '../option-label.pipe';
import { CaseDetailStore } from './case-detail.store';
import { ConflictBanner } from './conflict-banner';
import { CaseEdit } from './case-edit';
import { changedFields } from './stale-version';

/** The victim's identity: hidden (pseudonym + age band) without `victim_identity:read`; editable with conflict handling. */
@Component({
  selector: 'ruta-victim-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatIconModule, TranslatePipe, CanDirective, FormError, OptionLabelPipe, CountryNamePipe, CalendarDatePipe, IdentityFields, ConflictBanner],
  templateUrl: './victim-tab.html',
})
export class VictimTab {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(CasesApi);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(CaseDetailStore);
  protected readonly today = todayInColombia();
  protected readonly labels = { AGE_BAND, SEX, GENDER_IDENTITY, DOCUMENT_TYPE, ETHNICITY, DISABILITY, MIGRATION_STATUS };

  protected readonly form = signal<IdentityGroup | null>(null);
  private readonly editing = new CaseEdit();
  protected readonly conflict = this.editing.conflict;
  protected readonly error = this.editing.error;
  protected readonly busy = this.editing.busy;

  protected edit(victim: VictimView): void {
    const group = identityGroup(this.fb);
    group.reset({
      givenNames: victim.givenNames,
      familyNames: victim.familyNames ?? '',
      aliases: victim.aliases.join(', '),
      sex: victim.sex,
      genderIdentity: victim.genderIdentity ?? '',
      birthDate: victim.birthDate ?? '',
      estimatedAge: victim.estimatedAge ?? null,
      nationality: victim.nationality ?? '',
      documentType: victim.documentType ?? '',
      documentNumber: victim.documentNumber ?? '',
      languages: victim.languages,
      ethnicity: victim.ethnicity ?? '',
      disability: victim.disability ?? '',
      migrationStatus: victim.migrationStatus ?? '',
      phone: victim.phone ?? '',
      email: victim.email ?? '',
      currentLocation: victim.currentLocation ?? '',
      shelterLocation: victim.shelterLocation ?? '',
    });
    this.editing.reset();
    this.form.set(group);
  }

  protected save(): void {
    const form = this.form();
    const detail = this.store.detail();
    if (!form || !detail?.victim) return;
    const withShelter = this.auth.can('victim_location:read');
    const patch = changedFields<UpdateVictimRequest>(detail.victim, victimFields(form.getRawValue(), withShelter));
    this.editing.save(form, patch, (code, version) => this.api.updateVictim(code, { ...patch, version }), () => this.form.set(null));
  }

  /** Reload the case; the form keeps the user's values and the next save uses the new version. */
  protected reapply(): void {
    this.editing.reapply();
  }

  protected discard(): void {
    this.editing.discard((view) => (view.victim ? this.edit(view.victim) : this.form.set(null)));
  }

  protected cancel(): void {
    this.form.set(null);
    this.editing.reset();
  }
}
