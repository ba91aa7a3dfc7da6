import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { StepperSelectionEvent } from '@angular/cdk/stepper';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatStep, MatStepLabel, MatStepper, MatStepperPrevious } from '@angular/material/stepper';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { DuplicateHint } from '@ruta/shared';
import { debounceTime } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { LanguageService, LOCALES } from '../../core/i18n/language.service';
import { todayInColombia } from '../calendar-date';
import { CasesApi } from '../cases.api';
import { SituationFields, SituationGroup } from '../situation-fields';
import { buildEventGroup } from '../trafficking-event-form';
import { ConsentStep } from './consent-step';
import { DuplicatePanel } from './duplicate-panel';
import { IdentityFields } from './identity-step';
import { DraftStatus } from './draft-status';
import { StepFocus } from '../../core/layout/step-focus';
import { IntakeDraft, IntakeDraftState } from './intake-draft';
import { buildIntakeForm, IntakeValue, toCreateCaseRequest, toDuplicateCheck } from './intake-form';
import { IntakeShortcuts } from './intake-shortcuts';
import { ReviewStep } from './review-step';
import { ScreeningStep } from './screening-step';

const SITUATION_STEP = 2;

/** Intake wizard: screening → identity → situation → consent → review, written in one request. */
@Component({
  selector: 'ruta-intake-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ReactiveFormsModule, MatStepper, MatStep, MatStepLabel, MatStepperPrevious, MatButtonModule, MatIconModule, TranslatePipe, FormError, ScreeningStep, IdentityFields, SituationFields, ConsentStep, ReviewStep, DuplicatePanel, DraftStatus, StepFocus, IntakeShortcuts],
  templateUrl: './intake.page.html',
  styles: `.draft-offer { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 16px; }`,
})
export class IntakePage implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(CasesApi);
  private readonly draft = inject(IntakeDraft);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly language = inject(LanguageService);
  protected readonly locales = LOCALES;

  protected readonly today = todayInColombia();
  protected readonly form = buildIntakeForm(this.fb, this.today);
  protected readonly situation = this.form.controls.situation as unknown as SituationGroup;
  private readonly stepper = viewChild.required(MatStepper);
  protected readonly value = signal<IntakeValue>(this.form.getRawValue());
  protected readonly hints = signal<DuplicateHint[]>([]);
  protected readonly checking = signal(false);
  /** A draft saved earlier, offered to resume; changes are not saved until the user chooses. */
  protected readonly offer = signal<IntakeDraftState | null>(null);
  // Navigates to the new case on success: stays busy until then.
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  private step = 0;
  /** Off while a saved draft is offered and after a successful intake. */
  private autosave = false;
  /** The identity last checked for duplicates and cleared (none found, or the user chose to continue). */
  private clearedIdentity: string | null = null;

  ngOnInit(): void {
    this.draft.load().subscribe({
      next: (saved) => (saved ? this.offer.set(saved) : (this.autosave = true)),
      error: () => (this.autosave = true),
    });
    this.value.set(this.form.getRawValue());
    this.form.valueChanges.pipe(debounceTime(300), takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.value.set(this.form.getRawValue());
      this.saveDraft();
    });
    // Leaving the wizard sends what is still waiting for the debounce.
    this.destroyRef.onDestroy(() => this.saveDraft(true));
  }

  protected resume(): void {
    const saved = this.offer();
    if (!saved) return;
    this.form.controls.situation.controls.events.clear({ emitEvent: false });
    saved.value.situation.events.forEach(() => this.form.controls.situation.controls.events.push(buildEventGroup(this.fb), { emitEvent: false }));
    this.form.setValue(saved.value);
    this.form.markAsDirty();
    this.value.set(this.form.getRawValue());
    this.offer.set(null);
    this.autosave = true;
    this.stepper().selectedIndex = saved.step;
  }

  protected startOver(): void {
    this.offer.set(null);
    this.autosave = true;
    this.draft.clear();
    this.saveDraft();
  }

  /** Only a form the user has changed is saved: a fresh or discarded wizard leaves no draft behind. */
  private saveDraft(now = false): boolean {
    if (!this.autosave || !this.form.dirty || !this.auth.isAuthenticated()) return false;
    this.draft.save(this.form.getRawValue(), this.step, { now });
    return true;
  }

  /** Ctrl+S: the draft is saved at once (it also is at every step and every few seconds). */
  protected saveNow(): void {
    if (this.saveDraft(true)) this.notifier.info('intake.draftSavedNow');
  }

  protected stepChanged(event: StepperSelectionEvent): void {
    this.step = event.selectedIndex;
    this.value.set(this.form.getRawValue());
    this.saveDraft(true);
    const purposes = this.form.controls.situation.controls.purposes;
    if (event.selectedIndex === SITUATION_STEP && !purposes.value.length) purposes.setValue(this.form.controls.screening.controls.purposes.value);
  }

  /** Moves on when the step's controls are valid; otherwise shows their errors. */
  protected next(...groups: AbstractControl[]): void {
    const invalid = groups.filter((g) => g.invalid);
    if (invalid.length) {
      invalid.forEach((g) => g.markAllAsTouched());
      return;
    }
    this.stepper().next();
  }

  /** After the identity: ask for possible duplicates across institutions before going on. */
  protected identityNext(): void {
    const victim = this.form.controls.victim;
    if (victim.invalid) {
      victim.markAllAsTouched();
      return;
    }
    const request = toDuplicateCheck(victim.getRawValue());
    const key = JSON.stringify(request);
    if (!request || key === this.clearedIdentity) {
      this.stepper().next();
      return;
    }
    this.checking.set(true);
    this.api.duplicates(request).subscribe({
      next: (hints) => {
        this.checking.set(false);
        this.hints.set(hints);
        if (hints.length) return;
        this.clearedIdentity = key;
        this.stepper().next();
      },
      error: (error: unknown) => {
        // The check helps; it never blocks an intake (intake itself reports possible duplicates).
        this.checking.set(false);
        if (error instanceof HttpErrorResponse && error.status === 429) this.notifier.info('duplicates.unavailable');
        this.stepper().next();
      },
    });
  }

  protected continueDespiteDuplicates(): void {
    this.clearedIdentity = JSON.stringify(toDuplicateCheck(this.form.controls.victim.getRawValue()));
    this.stepper().next();
  }

  protected submit(): void {
    const request = () => this.api.create(toCreateCaseRequest(this.form.getRawValue(), { withShelter: this.auth.can('victim_location:read') }));
    this.submission.submit(request, {
      done: (response) => {
        this.autosave = false;
        this.draft.clear();
        const code = response.case.code;
        this.notifier.info(response.duplicates.length ? 'intake.createdWithDuplicates' : 'intake.created', { code });
        void this.router.navigate(['/casos', code]);
      },
      rejected: () => this.goToFirstInvalidStep(),
    });
  }

  protected discard(): void {
    this.draft.clear();
    this.offer.set(null);
    this.autosave = true;
    this.form.controls.situation.controls.events.clear();
    this.form.reset();
    this.hints.set([]);
    this.clearedIdentity = null;
    this.error.set(null);
    this.stepper().selectedIndex = 0;
  }

  private goToFirstInvalidStep(): void {
    const c = this.form.controls;
    const steps = [c.case.invalid || c.screening.invalid, c.victim.invalid, c.situation.invalid, c.consents.invalid];
    const index = steps.indexOf(true);
    if (index >= 0) this.stepper().selectedIndex = index;
  }

}
