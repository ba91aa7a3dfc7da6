import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { ASSISTANCE_PHASE, AssistanceOverview, CONSENT_PURPOSE, ConsentView, CreateServiceRequest, SERVICE_BENEFICIARY, SERVICE_CATEGORY, ServiceCategory, ServiceProviderView } from '@ruta/shared';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { AuthStore } from '../../core/auth/auth.store';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { todayInColombia } from '../../cases/calendar-date';
import { CaseRecordsApi } from '../../cases/case-records.api';
import { OptionLabelPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { OptionTypeahead } from '../../core/forms/option-typeahead';
import { LanguageService } from '../../core/i18n/language.service';
import { AssistanceApi } from '../assistance.api';

/**
 * The service editor: phase, category (a type-ahead over the 14), who receives it (the victim or one of the case's
 * beneficiary relatives), a provider of the directory among those that offer the
 * category in the case's department, dates, cost in whole pesos and notes.
 */
@Component({
  selector: 'ruta-service-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe, ErrorMessagePipe, FormError, OptionSelect, OptionTypeahead, OptionLabelPipe, CalendarDatePipe],
  template: `
    <form class="stack" [formGroup]="form" (ngSubmit)="save()" data-testid="assistance-service-form" aria-labelledby="assistance-service-form-title">
      <h3 id="assistance-service-form-title" class="section-title">{{ 'assistance.service.add' | translate }}</h3>
      <div class="form-grid">
        <ruta-option-select [control]="form.controls.phase" [list]="l.ASSISTANCE_PHASE" label="assistance.service.phase" testId="assistance-service-phase" [required]="true" />
        <ruta-option-typeahead [control]="form.controls.category" [options]="categories()" label="assistance.service.category" testId="assistance-service-category" [required]="true" />
        <mat-form-field>
          <mat-label>{{ 'assistance.service.beneficiary' | translate }}</mat-label>
          <mat-select formControlName="participantId" data-testid="assistance-service-recipient">
            <mat-option value="" data-testid="assistance-service-recipient-victim">{{ 'assistance.service.victim' | translate }}</mat-option>
            @for (p of overview().participants; track p.id) {
              <mat-option [value]="p.id" [attr.data-testid]="'assistance-service-recipient-' + p.id">{{ p.fullName }} · {{ p.relation | rutaOption: l.SERVICE_BENEFICIARY }}</mat-option>
            }
          </mat-select>
          @if (!overview().participants.length) { <mat-hint>{{ 'assistance.service.recipientHint' | translate }}</mat-hint> }
        </mat-form-field>
        <div class="stack">
          <ruta-option-typeahead [control]="form.controls.providerId" [options]="providerOptions()" label="assistance.service.provider" testId="assistance-service-provider" />
          <p class="muted hint">{{ 'assistance.service.providerHint' | translate }}</p>
        </div>
        @if (consents().length) {
          <mat-form-field>
            <mat-label>{{ 'assistance.service.consent' | translate }}</mat-label>
            <mat-select formControlName="consentId" data-testid="assistance-service-consent">
              <mat-option value="">{{ 'common.notRecorded' | translate }}</mat-option>
              @for (c of consents(); track c.id) {
                <mat-option [value]="c.id">{{ c.purpose | rutaOption: consentPurposes }} · {{ c.grantedAt | rutaDate }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'assistance.service.plannedOn' | translate }}</mat-label>
          <input matInput type="date" required formControlName="plannedOn" data-testid="assistance-service-planned" />
          <mat-error>{{ form.controls.plannedOn.errors | rutaError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assistance.service.dueOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="dueOn" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assistance.service.cost' | translate }}</mat-label>
          <input matInput type="number" min="0" step="1" inputmode="numeric" formControlName="costCop" data-testid="assistance-service-cost" />
          <mat-hint>{{ 'assistance.service.costHint' | translate }}</mat-hint>
          <mat-error>{{ form.controls.costCop.errors | rutaError }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'assistance.service.notes' | translate }}</mat-label>
        <textarea matInput formControlName="notes" rows="2"></textarea>
      </mat-form-field>
      <ruta-form-error [message]="error()" />
      <div class="actions"><button mat-flat-button type="submit" [disabled]="busy()" data-testid="assistance-service-save">{{ 'assistance.service.save' | translate }}</button></div>
    </form>
  `,
})
export class ServiceForm implements OnInit {
  private readonly api = inject(AssistanceApi);
  readonly overview = input.required<AssistanceOverview>();
  readonly changed = output<AssistanceOverview>();
  protected readonly l = { ASSISTANCE_PHASE, SERVICE_CATEGORY, SERVICE_BENEFICIARY };
  private readonly language = inject(LanguageService);
  protected readonly providers = signal<ServiceProviderView[]>([]);
  /** The 14 categories, picked by typing a few letters (Enter takes the first match). */
  protected readonly categories = computed(() => SERVICE_CATEGORY.values.map((value) => ({ value, label: SERVICE_CATEGORY.labels[value][this.language.current()] })));
  protected readonly providerOptions = computed(() => this.providers().map((p) => ({ value: p.id, label: p.name })));
  /** The case's valid consents, one of which the service may rely on. */
  protected readonly consents = signal<ConsentView[]>([]);
  protected readonly consentPurposes = CONSENT_PURPOSE;
  private readonly records = inject(CaseRecordsApi);
  private readonly auth = inject(AuthStore);
  protected readonly form = inject(NonNullableFormBuilder).group({
    phase: ['immediate', Validators.required],
    category: ['', Validators.required],
    /** Who receives it: empty for the victim, else one of the case's beneficiary relatives. */
    participantId: [''],
    providerId: [''],
    consentId: [''],
    plannedOn: [todayInColombia(), Validators.required],
    dueOn: [''],
    costCop: ['', [Validators.min(0), Validators.pattern(/^\d*$/)]],
    notes: ['', Validators.maxLength(4000)],
  });
  private readonly submission = new FormSubmission(this.form, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  constructor() {
    // The providers that fit: the category chosen, in the case's department.
    this.form.controls.category.valueChanges.pipe(takeUntilDestroyed()).subscribe((category) => this.loadProviders(category as ServiceCategory));
  }

  ngOnInit(): void {
    if (this.overview().caseStatus === 'medium_term_assistance') this.form.controls.phase.setValue('medium_term');
    if (this.auth.can('consent:read')) this.records.consents(this.overview().caseCode).subscribe({ next: (list) => this.consents.set(list.filter((c) => c.valid)), error: () => undefined });
  }

  private loadProviders(category: ServiceCategory | ''): void {
    this.form.controls.providerId.setValue('');
    if (!category) return this.providers.set([]);
    this.api.providers(category, this.overview().departmentCode).subscribe({ next: (list) => this.providers.set(list), error: () => this.providers.set([]) });
  }

  protected save(): void {
    this.submission.submit(() => this.api.addService(this.overview().caseCode, this.body()), {
      done: (o) => {
        this.form.reset({ phase: this.form.controls.phase.value, participantId: '', plannedOn: todayInColombia() });
        this.changed.emit(o);
      },
    });
  }

  private body(): CreateServiceRequest {
    const v = this.form.getRawValue();
    const body: CreateServiceRequest = { phase: v.phase as CreateServiceRequest['phase'], category: v.category as ServiceCategory, plannedOn: v.plannedOn };
    // The server derives the beneficiary (the relative's relation) from the participant.
    if (v.participantId) body.participantId = v.participantId;
    if (v.providerId) body.providerId = v.providerId;
    if (v.consentId) body.consentId = v.consentId;
    if (v.dueOn) body.dueOn = v.dueOn;
    if (String(v.costCop) !== '') body.costCop = Number(v.costCop);
    if (v.notes.trim()) body.notes = v.notes.trim();
    return body;
  }
}
