import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, model, OnInit, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
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
        <input #search matInput [formControl]="text" [matAutocomplete]="auto" autocomplete="off" data-testid="case-finder" />
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
  private readonly clearButton = viewChild<ElementRef<HTMLElement>>('clearButton');
  private readonly search = viewChild<ElementRef<HTMLElement>>('search');
  protected readonly canReadIdentity = inject(AuthStore).can(PERMISSIONS.victimIdentityRead);
  protected readonly ageBands = AGE_BAND;
  protected readonly statuses = CASE_STATUS;
  /** The case the contact will be linked to, or null. */
  readonly picked = model<CaseSummaryView | null>(null);

  protected readonly text = new FormControl<string | CaseSummaryView>('', { nonNullable: true });
  protected readonly results = signal<CaseSummaryView[]>([]);
  private readonly state = signal<'idle' | 'none' | 'found'>('idle');
  protected readonly hint = computed(() => (this.state() === 'none' ? 'hotline.intake.caseNone' : 'hotline.intake.caseSearchHint'));

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
        this.state.set(items === null ? 'idle' : items.length ? 'found' : 'none');
      });
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
