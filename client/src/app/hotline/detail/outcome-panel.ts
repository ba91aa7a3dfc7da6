import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { HOTLINE_OUTCOME, HOTLINE_REPORT_GROUND, HotlineContactView, HotlineOutcome, HotlineOutcomeRequest, HotlineReportGround, InstitutionView } from '@ruta/shared';
import { catchError, of } from 'rxjs';
import { compact } from '../../cases/compact';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { LanguageService } from '../../core/i18n/language.service';
import { HotlineApi } from '../hotline.api';
import { optionsOf } from '../intake/call-form';
import { OptionTypeahead } from '../../core/forms/option-typeahead';
import { CallToCase } from './call-to-case';

/**
 * The outcome of a contact: information only; a tip to the police or the Fiscalía or a referral for assistance (the
 * case it concerns and the institution); a link to an existing case; or a new case, opened in the intake wizard with
 * the call's data. Without the caller's consent a tip needs its ground (the server decides, and says why).
 */
@Component({
  selector: 'ruta-outcome-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, FormError, OptionTypeahead],
  template: `
    <section aria-labelledby="outcome-title" data-testid="outcome-panel">
      <h2 id="outcome-title">{{ 'hotline.outcomePanel.title' | translate }}</h2>
      <ruta-form-error [message]="error()" />
      <form [formGroup]="form" (ngSubmit)="submit()" class="row">
        <ruta-option-typeahead [control]="c.outcome" [options]="outcomes()" label="hotline.outcomePanel.outcome" testId="outcome" [required]="true" />
        @if (outcome() === 'new_case') {
          <p class="muted">{{ 'hotline.outcomePanel.newCaseHint' | translate }}</p>
        } @else if (outcome() && outcome() !== 'information_only') {
          <mat-form-field>
            <mat-label>{{ 'hotline.outcomePanel.caseCode' | translate }}</mat-label>
            <input matInput [formControl]="c.caseCode" autocomplete="off" data-testid="outcome-case-code" />
            <mat-hint>{{ 'hotline.outcomePanel.caseCodeHint' | translate }}</mat-hint>
          </mat-form-field>
        }
        @if (outcome() === 'tip_sent' || outcome() === 'referral') {
          <ruta-option-typeahead [control]="c.institutionId" [options]="institutions()" label="hotline.outcomePanel.institution" testId="outcome-institution" />
        }
        @if (outcome() === 'tip_sent' && !contact().consentToAuthorities) {
          <ruta-option-typeahead [control]="c.ground" [options]="grounds()" label="hotline.outcomePanel.ground" testId="outcome-ground" />
          <p class="muted">{{ 'hotline.outcomePanel.groundHint' | translate }}</p>
        }
        <div class="actions">
          @if (outcome() === 'new_case') {
            <button mat-flat-button type="button" (click)="openIntake()" [disabled]="busy()" data-testid="outcome-open-intake"><mat-icon svgIcon="person_add" />{{ 'hotline.outcomePanel.openIntake' | translate }}</button>
          } @else {
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="outcome-record"><mat-icon svgIcon="task_alt" />{{ 'hotline.outcomePanel.record' | translate }}</button>
          }
        </div>
      </form>
    </section>
  `,
  styles: `.row { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-start; } .row > * { flex: 1 1 220px; min-width: 0; }`,
})
export class OutcomePanel {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(HotlineApi);
  private readonly notifier = inject(Notifier);
  private readonly toCase = inject(CallToCase);
  private readonly language = inject(LanguageService);
  readonly contact = input.required<HotlineContactView>();
  readonly changed = output<HotlineContactView>();
  readonly stale = output<void>();

  protected readonly form = this.fb.group({
    outcome: ['' as HotlineOutcome | '', Validators.required],
    caseCode: [''],
    institutionId: [''],
    ground: ['' as HotlineReportGround | ''],
  });
  protected readonly c = this.form.controls;
  protected readonly outcome = toSignal(this.c.outcome.valueChanges, { initialValue: '' as HotlineOutcome | '' });
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  private readonly starting = signal(false);

  protected readonly outcomes = computed(() => optionsOf(HOTLINE_OUTCOME, this.language.current()));
  protected readonly grounds = computed(() => optionsOf(HOTLINE_REPORT_GROUND, this.language.current()));
  private readonly institutionList = toSignal(this.api.institutions().pipe(catchError(() => of([] as InstitutionView[]))), { initialValue: [] });
  protected readonly institutions = computed(() => this.institutionList().filter((i) => i.active).map((i) => ({ value: i.id, label: i.name })));

  protected submit(): void {
    const v = this.form.getRawValue();
    const body: HotlineOutcomeRequest = {
      version: this.contact().version,
      outcome: v.outcome as HotlineOutcome,
      ...(compact({ caseCode: v.outcome === 'information_only' ? '' : v.caseCode.trim().toUpperCase(), institutionId: ['tip_sent', 'referral'].includes(v.outcome) ? v.institutionId : '', ground: v.outcome === 'tip_sent' ? v.ground : '' }) as Partial<HotlineOutcomeRequest>),
    };
    this.submission.submit(() => this.api.outcome(this.contact().id, body), {
      done: (updated) => {
        this.notifier.info('hotline.outcomePanel.recorded');
        this.changed.emit(updated);
      },
      stale: () => this.stale.emit(),
    });
  }

  protected openIntake(): void {
    if (this.starting()) return;
    this.starting.set(true);
    this.toCase.start(this.contact()).subscribe({ error: () => this.starting.set(false) });
  }
}
