import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CaseSummaryView, HotlineContactView, EXPLOITATION_PURPOSE, HOTLINE_CALL_TYPE, HOTLINE_CALLER_TYPE, HOTLINE_CHANNEL, HOTLINE_URGENCY, SCREENING_ACT, SCREENING_MEANS } from '@ruta/shared';
import { catchError, Observable, of, switchMap } from 'rxjs';
import { CountrySelect } from '../../cases/country-select';
import { OptionChips } from '../../cases/option-chips';
import { PlacePicker } from '../../cases/place-picker';
import { FormError } from '../../core/http/form-error';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { LanguageService } from '../../core/i18n/language.service';
import { HotlineApi } from '../hotline.api';
import { buildCallForm, optionsOf, toContactInput } from './call-form';
import { CallTimer } from './call-timer';
import { CaseFinder } from './case-finder';
import { ListTypeahead } from './list-typeahead';
import { OptionTypeahead } from '../../core/forms/option-typeahead';

/**
 * `/linea/nueva`: one screen, keyboard first. Typing a few letters and Enter picks each option; Tab moves on;
 * Ctrl+Enter saves, Alt+C marks a crisis, Alt+N starts over. The timer runs from the moment the screen opens.
 * The shortcuts listen on the document: they work from any field of the screen, and also when the focus has dropped to
 * the page itself (a field that held it gave way, as the case finder's box does to the picked case).
 */
@Component({
  selector: 'ruta-hotline-intake-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, FormError, CountrySelect, OptionChips, CallTimer, CaseFinder, ListTypeahead, OptionTypeahead, PlacePicker],
  host: { '(document:keydown)': 'shortcut($event)' },
  template: `
    <section class="page">
      <div class="page-header">
        <h1 tabindex="-1">{{ 'hotline.intake.title' | translate }}</h1>
        <ruta-call-timer [start]="startedAt()" />
      </div>
      <p class="muted shortcuts" data-testid="intake-shortcuts">
        <span class="cdk-visually-hidden">{{ 'hotline.intake.shortcuts' | translate }}:</span>
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {{ 'hotline.intake.shortcutSave' | translate }} ·
        <kbd>Alt</kbd>+<kbd>C</kbd> {{ 'hotline.intake.shortcutCrisis' | translate }} ·
        <kbd>Alt</kbd>+<kbd>N</kbd> {{ 'hotline.intake.shortcutNew' | translate }}
      </p>
      <ruta-form-error [message]="error()" />
      <form [formGroup]="form" (ngSubmit)="save()" class="call-form" data-testid="call-form">
        <div class="row">
          <ruta-option-typeahead [control]="c.callType" [options]="callTypes()" label="hotline.intake.callType" testId="call-type" [required]="true" />
          <ruta-option-typeahead [control]="c.callerType" [options]="callerTypes()" label="hotline.intake.callerType" testId="caller-type" [required]="true" />
          <ruta-option-typeahead [control]="c.channel" [options]="channels()" label="hotline.intake.channel" testId="channel" [required]="true" />
          <ruta-option-typeahead [control]="c.urgency" [options]="urgencies()" label="hotline.intake.urgency" testId="urgency" [required]="true" />
        </div>
        <div class="row">
          @if (!c.abroad.value) {
            <ruta-place-picker [department]="c.departmentCode" [municipality]="c.municipalityCode" testId="call" />
          } @else {
            <ruta-country-select [control]="c.countryCode" label="hotline.intake.country" testId="country" />
          }
          <mat-checkbox [formControl]="c.abroad" data-testid="abroad">{{ 'hotline.intake.abroad' | translate }}</mat-checkbox>
        </div>
        <div class="row">
          <ruta-list-typeahead [control]="c.purposes" [options]="purposes()" label="hotline.intake.purposes" testId="purposes" hint="hotline.intake.purposesHint" />
          <ruta-country-select [control]="c.destinationCountryCode" label="hotline.intake.destination" testId="destination" />
        </div>
        <ruta-option-chips [control]="c.acts" [list]="acts" label="hotline.intake.acts" testId="acts" />
        <ruta-option-chips [control]="c.means" [list]="means" label="hotline.intake.means" testId="means" />
        <div class="row">
          <mat-checkbox [formControl]="c.childInvolved" data-testid="child">{{ 'hotline.intake.child' | translate }}</mat-checkbox>
          <mat-checkbox [formControl]="c.consentToAuthorities" data-testid="consent">{{ 'hotline.intake.consent' | translate }}</mat-checkbox>
        </div>
        <div class="row">
          <mat-form-field class="grow">
            <mat-label>{{ 'hotline.intake.phone' | translate }}</mat-label>
            <input matInput type="tel" [formControl]="c.phone" autocomplete="off" data-testid="phone" />
            <mat-hint>{{ 'hotline.intake.phoneHint' | translate }}</mat-hint>
          </mat-form-field>
        </div>
        <mat-form-field class="full">
          <mat-label>{{ 'hotline.intake.summary' | translate }}</mat-label>
          <textarea matInput rows="4" [formControl]="c.summary" data-testid="summary"></textarea>
        </mat-form-field>
        <ruta-case-finder [(picked)]="linkedCase" />
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="call-save"><mat-icon svgIcon="save" />{{ 'hotline.intake.save' | translate }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .page-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px; }
    .row { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: center; }
    .row > * { flex: 1 1 200px; min-width: 0; }
    .full { width: 100%; }
    kbd { border: 1px solid var(--mat-sys-outline); border-radius: 4px; padding: 0 4px; font-family: inherit; }
  `,
})
export class HotlineIntakePage implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(HotlineApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);

  protected readonly form = buildCallForm(this.fb);
  protected readonly c = this.form.controls;
  protected readonly acts = SCREENING_ACT;
  protected readonly means = SCREENING_MEANS;
  protected readonly startedAt = signal(Date.now());
  /** The existing case found while on the call: the contact is linked to it as soon as it is saved. */
  protected readonly linkedCase = signal<CaseSummaryView | null>(null);
  private readonly submission = new FormSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  protected readonly callTypes = computed(() => optionsOf(HOTLINE_CALL_TYPE, this.language.current()));
  protected readonly callerTypes = computed(() => optionsOf(HOTLINE_CALLER_TYPE, this.language.current()));
  protected readonly channels = computed(() => optionsOf(HOTLINE_CHANNEL, this.language.current()));
  protected readonly urgencies = computed(() => optionsOf(HOTLINE_URGENCY, this.language.current()));
  protected readonly purposes = computed(() => optionsOf(EXPLOITATION_PURPOSE, this.language.current()));

  ngOnInit(): void {
    // A crisis is an emergency unless the operator says otherwise.
    this.c.callType.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((type) => {
      if (type === 'crisis' && this.c.urgency.value === 'routine') this.c.urgency.setValue('emergency');
    });
  }

  protected shortcut(event: KeyboardEvent): void {
    const target = event.target as Node | null;
    const onThisScreen = !!target && (target === this.document.body || this.host.nativeElement.contains(target));
    if (!onThisScreen) return;
    const key = event.key.toLowerCase();
    if (event.ctrlKey && key === 'enter') this.save();
    else if (event.altKey && key === 'c') this.c.callType.setValue('crisis');
    else if (event.altKey && key === 'n') this.reset();
    else return;
    event.preventDefault();
  }

  protected save(): void {
    const linked = this.linkedCase();
    const input = toContactInput(this.form.getRawValue(), this.startedAt(), Date.now());
    this.submission.submit(() => this.api.create(input).pipe(switchMap((contact) => (linked ? this.link(contact.id, contact.version, linked.code) : of(contact)))), {
      done: (contact) => {
        this.notifier.info(contact.caseCode ? 'hotline.intake.savedLinked' : 'hotline.intake.saved', { code: contact.code, caseCode: contact.caseCode });
        void this.router.navigate(['/linea', contact.id]);
      },
    });
  }

  /** The link to the case picked on the call; a refused link leaves the contact saved (its outcome can be set later). */
  private link(id: string, version: number, caseCode: string): Observable<HotlineContactView> {
    return this.api.outcome(id, { version, outcome: 'linked_case', caseCode }).pipe(
      catchError((error: unknown) => {
        this.notifier.problem(error);
        return this.api.get(id);
      }),
    );
  }

  private reset(): void {
    this.linkedCase.set(null);
    this.form.reset();
    this.error.set(null);
    this.startedAt.set(Date.now());
  }
}
