import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, model, OnInit, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { AGE_BAND, CASE_STATUS, CaseSearchRequest, CaseSummaryView, PERMISSIONS } from '@ruta/shared';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { CasesApi } from '../../cases/cases.api';
import { AuthStore } from '../../core/auth/auth.store';
import { OptionLabelPipe } from '../../cases/option-label.pipe';

/** What was typed as a search: a case code when it has a digit, otherwise a name (only for roles that read identity). */
export function caseSearchOf(text: string, canReadIdentity: boolean): CaseSearchRequest | null {
  const typed = text.trim();
  if (/\d/.test(typed)) return typed.length >= 4 ? { code: typed.toUpperCase(), limit: 8 } : null;
  return canReadIdentity && typed.length >= 3 ? { name: typed, limit: 8 } : null;
}

/** Letters only, from three: a name, which a role that may not read identity cannot search by. */
function typedName(value: string | CaseSummaryView, canReadIdentity: boolean): boolean {
  return !canReadIdentity && typeof value === 'string' && !/\d/.test(value) && value.trim().length >= 3;
}

/** The translation key of the finder's hint. */
export function caseFinderHint(state: 'idle' | 'none' | 'found' | 'codeOnly', canReadIdentity: boolean): string {
  if (state === 'none') return 'hotline.intake.caseNone';
  if (state === 'codeOnly') return 'hotline.intake.caseCodeOnly';
  return canReadIdentity ? 'hotline.intake.caseSearchNameHint' : 'hotline.intake.caseSearchHint';
}

/**
 * While on the call: finds an existing case by its code (or the victim's name, for roles that read identity) through
 * `POST /api/cases/search` (the text in the body, never in the URL). Enter picks the first result; the contact is
 * linked to the picked case when it is saved.
 */
@Component({
  selector: 'ruta-case-finder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, OptionLabelPipe],
  template: `
    @if (picked(); as chosen) {
      <p class="picked" data-testid="case-finder-picked">
        <mat-icon svgIcon="link" aria-hidden="true" />
        <span>{{ 'hotline.intake.caseLinked' | translate: { code: chosen.code } }}</span>
        <button #clearButton mat-button type="button" (click)="clear()" data-testid="case-finder-clear">{{ 'hotline.intake.caseUnlink' | translate }}</button>
      </p>
    } @else {
      <mat-form-field class="grow">
        <mat-label>{{ (canReadIdentity ? 'hotline.intake.caseSearchName' : 'hotline.intake.caseSearch') | translate }}</mat-label>
        <input #search matInput [formControl]="text" [matAutocomplete]="auto" autocomplete="off" (keydown)="saveShortcut($event)" data-testid="case-finder" />
        <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption (optionSelected)="pick($event.option.value)">
          @for (found of results(); track found.code) {
            <mat-option [value]="found" [attr.data-testid]="'case-finder-' + found.code">
              <strong>{{ found.code }}</strong> · {{ found.victimName ?? (found.ageBand ? (found.ageBand | rutaOption: ageBands) : '') }} ·
              {{ found.status | rutaOption: statuses }}
            </mat-option>
          }
        </mat-autocomplete>
        <mat-hint data-testid="case-finder-hint">{{ hint() | translate }}</mat-hint>
      </mat-form-field>
    }
  `,
  styles: `
    .picked { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0; }
    .grow { width: 100%; }
  `,
})
export class CaseFinder implements OnInit {
  private readonly cases = inject(CasesApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  // `read: ElementRef`: on a Material button the template reference is the MatButton component, not the element.
  private readonly clearButton = viewChild('clearButton', { read: ElementRef<HTMLElement> });
  private readonly search = viewChild('search', { read: ElementRef<HTMLElement> });
  private readonly trigger = viewChild(MatAutocompleteTrigger);
  protected readonly canReadIdentity = inject(AuthStore).can(PERMISSIONS.victimIdentityRead);
  protected readonly ageBands = AGE_BAND;
  protected readonly statuses = CASE_STATUS;
  /** The case the contact will be linked to, or null. */
  readonly picked = model<CaseSummaryView | null>(null);

  protected readonly text = new FormControl<string | CaseSummaryView>('', { nonNullable: true });
  protected readonly results = signal<CaseSummaryView[]>([]);
  private readonly state = signal<'idle' | 'none' | 'found' | 'codeOnly'>('idle');
  /** What the box says under it: how to pick, that nothing matched, or (to a role that may not read identity) that it searches by code only. */
  protected readonly hint = computed(() => caseFinderHint(this.state(), this.canReadIdentity));

  ngOnInit(): void {
    this.text.valueChanges
      .pipe(
        map((value) => (typeof value === 'string' ? caseSearchOf(value, this.canReadIdentity) : null)),
        debounceTime(250),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        switchMap((request) => (request ? this.cases.search(request).pipe(map((page) => page.items), catchError(() => of([]))) : of(null))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((items) => {
        this.results.set(items ?? []);
        this.state.set(items === null ? (typedName(this.text.value, this.canReadIdentity) ? 'codeOnly' : 'idle') : items.length ? 'found' : 'none');
      });
  }

  /**
   * Ctrl+Enter while a found case is offered picks it before the intake's own shortcut saves the call (this listener
   * runs first, on the way up), so the call is saved linked to the case the operator was looking at.
   */
  protected saveShortcut(event: KeyboardEvent): void {
    if (!event.ctrlKey || event.key !== 'Enter') return;
    const trigger = this.trigger();
    const offered = trigger?.panelOpen ? (trigger.activeOption?.value as CaseSummaryView | undefined) : undefined;
    if (offered) this.pick(offered);
  }

  protected pick(found: CaseSummaryView): void {
    this.picked.set(found);
    this.text.setValue('', { emitEvent: false });
    this.results.set([]);
    this.state.set('idle');
    // The box gives way to the picked case: the focus stays in the form (its shortcuts keep working).
    afterNextRender(() => this.clearButton()?.nativeElement.focus(), { injector: this.injector });
  }

  clear(): void {
    this.picked.set(null);
    afterNextRender(() => this.search()?.nativeElement.focus(), { injector: this.injector });
  }
}
