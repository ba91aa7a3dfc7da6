import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CASE_DOCUMENT_KIND,
  CaseDocumentView,
  CreateReferralRequest,
  DEFAULT_REFERRAL_DEADLINE_HOURS,
  REFERRAL_OVERRIDE_GROUND,
  REFERRAL_PURPOSE,
  REFERRAL_SECTION,
  REFERRAL_URGENCY,
  referralDeadline,
  ReferralConsentCheck,
  ReferralOverrideGround,
  ReferralPurpose,
  ReferralSection,
  ReferralUrgency,
  ReferralView,
} from '@ruta/shared';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { InstitutionsApi } from '../../admin/institutions/institutions.api';
import { CaseRecordsApi } from '../../cases/case-records.api';
import { OptionLabelPipe, OptionLabelsPipe } from '../../cases/option-label.pipe';
import { OptionSelect } from '../../cases/option-select';
import { AuthStore } from '../../core/auth/auth.store';
import { CanDirective } from '../../core/auth/can.directive';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { ReferralsApi } from '../referrals.api';
import { NamedOption, RefSelect } from '../ref-select';

export interface ReferData {
  caseCode: string;
  ownerInstitutionId: string;
}

const OPTIONAL_SECTIONS = ['identity', 'situation', 'documents'] as const satisfies readonly ReferralSection[];

/** The summary always, and the sections ticked. */
function sectionsOf(v: Record<(typeof OPTIONAL_SECTIONS)[number], boolean>): ReferralSection[] {
  return ['summary', ...OPTIONAL_SECTIONS.filter((s) => v[s])];
}

/**
 * Refers the case to another institution: destination, purpose, urgency (with the deadline it gives), message, the
 * sections shared, and the consent they rely on, checked live with the server's own gate. Without a consent, only a user
 * with `referrals:override` may send it, on a legal ground. Closes with the referral sent.
 */
@Component({
  selector: 'ruta-refer-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './refer.dialog.html',
  styles: ['.refer-sections { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; margin: 0; padding: 8px 16px 12px; }'],
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    ErrorMessagePipe,
    FormError,
    OptionSelect,
    OptionLabelPipe,
    OptionLabelsPipe,
    RefSelect,
    CanDirective,
  ],
})
export class ReferDialog implements OnInit {
  protected readonly data = inject<ReferData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReferDialog, ReferralView>>(MatDialogRef);
  private readonly api = inject(ReferralsApi);
  private readonly institutionsApi = inject(InstitutionsApi);
  private readonly records = inject(CaseRecordsApi);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;
  protected readonly purposes = REFERRAL_PURPOSE;
  protected readonly urgencies = REFERRAL_URGENCY;
  protected readonly sectionLabels = REFERRAL_SECTION;
  protected readonly grounds = REFERRAL_OVERRIDE_GROUND;
  protected readonly optionalSections = OPTIONAL_SECTIONS;
  protected readonly kinds = CASE_DOCUMENT_KIND;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    toInstitutionId: ['', Validators.required],
    purpose: ['', Validators.required],
    urgency: ['', Validators.required],
    message: ['', Validators.maxLength(4000)],
    identity: [false],
    situation: [false],
    documents: [false],
    documentIds: [[] as string[]],
    override: [false],
    ground: [''],
    justification: ['', Validators.maxLength(2000)],
  });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected readonly institutions = signal<NamedOption[]>([]);
  protected readonly documents = signal<CaseDocumentView[]>([]);
  private readonly deadlineHours = signal<Record<ReferralUrgency, number>>(DEFAULT_REFERRAL_DEADLINE_HOURS);
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), { initialValue: this.form.getRawValue() });
  protected readonly sections = computed(() => sectionsOf(this.value()));
  /** The response deadline if sent now. */
  protected readonly deadline = computed(() => {
    const urgency = this.value().urgency;
    return urgency ? referralDeadline(new Date(), this.deadlineHours()[urgency as ReferralUrgency]).toISOString() : null;
  });
  /** The server's answer for the chosen destination and sections; null while nothing to check or checking. */
  protected readonly check = signal<ReferralConsentCheck | null>(null);
  protected readonly checking = signal(false);
  /** The request relies on the override: gated sections, no consent, and the user said so. */
  protected readonly overriding = computed(() => {
    const c = this.check();
    return !!c && !c.consent && c.gatedSections.length > 0 && this.value().override;
  });

  ngOnInit(): void {
    const own = this.data.ownerInstitutionId;
    this.institutionsApi.list().subscribe({
      next: (list) => this.institutions.set(list.filter((i) => i.active && i.id !== own).map((i) => ({ id: i.id, name: i.name }))),
      error: () => undefined,
    });
    if (this.auth.can('documents:read')) this.records.documents(this.data.caseCode).subscribe({ next: (list) => this.documents.set(list), error: () => undefined });
    this.api.deadlines().subscribe({ next: ({ emergency, urgent, routine }) => this.deadlineHours.set({ emergency, urgent, routine }), error: () => undefined });
    this.form.valueChanges
      .pipe(
        startWith(null),
        map(() => ({ to: this.form.controls.toInstitutionId.value, sections: sectionsOf(this.form.getRawValue()) })),
        debounceTime(250),
        distinctUntilChanged((a, b) => a.to === b.to && a.sections.join() === b.sections.join()),
        switchMap(({ to, sections }) => {
          if (!to) return of(null);
          this.checking.set(true);
          return this.api.checkConsent({ caseCode: this.data.caseCode, toInstitutionId: to, sections }).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((check) => {
        this.checking.set(false);
        this.check.set(check);
      });
  }

  protected toggleDocument(id: string, chosen: boolean): void {
    const ids = this.form.controls.documentIds.value.filter((d) => d !== id);
    this.form.controls.documentIds.setValue(chosen ? [...ids, id] : ids);
  }

  protected send(): void {
    const overriding = this.overriding();
    this.form.controls.ground.setValidators(overriding ? [Validators.required] : []);
    this.form.controls.justification.setValidators(overriding ? [Validators.required, Validators.maxLength(2000)] : [Validators.maxLength(2000)]);
    this.form.controls.ground.updateValueAndValidity({ emitEvent: false });
    this.form.controls.justification.updateValueAndValidity({ emitEvent: false });
    this.submission.submit(() => this.api.create(this.request(overriding)), { done: (sent) => this.ref.close(sent) });
  }

  private request(overriding: boolean): CreateReferralRequest {
    const v = this.form.getRawValue();
    const sections = sectionsOf(v);
    const request: CreateReferralRequest = {
      caseCode: this.data.caseCode,
      toInstitutionId: v.toInstitutionId,
      purpose: v.purpose as ReferralPurpose,
      urgency: v.urgency as ReferralUrgency,
      sections,
    };
    if (v.message.trim()) request.message = v.message.trim();
    if (sections.includes('documents')) request.documentIds = v.documentIds;
    if (overriding) request.override = { ground: v.ground as ReferralOverrideGround, justification: v.justification.trim() };
    return request;
  }
}
