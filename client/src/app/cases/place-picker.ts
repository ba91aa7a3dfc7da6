import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { DepartmentView, MunicipalityView, PlaceOption, placeOptions, searchPlaces } from '@ruta/shared';
import { catchError, combineLatest, merge, of } from 'rxjs';
import { PlacesApi } from './places.api';

/**
 * A Colombian place by DIVIPOLA, found by typing its name: one box over every municipality (with its department) and
 * every department, accents and capitals ignored, common names understood ("Cali" is Santiago de Cali, before Calima;
 * "florencia cauca" is the Florencia of Cauca). Picking a municipality sets both controls; a department sets the
 * department and clears the municipality. Text that matches nothing leaves the choice as it was.
 */
@Component({
  selector: 'ruta-place-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <mat-form-field class="place">
      <mat-label>{{ 'cases.placeSearch' | translate }}</mat-label>
      <input matInput [formControl]="text" [matAutocomplete]="auto" (blur)="commit()" autocomplete="off" [attr.data-testid]="testId() + '-place'" />
      <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption [displayWith]="display" (optionSelected)="pick($event.option.value)">
        @for (option of matches(); track option.kind + option.code) {
          <mat-option [value]="option" [attr.data-testid]="testId() + '-place-' + option.code">
            @if (option.kind === 'municipality') {
              {{ option.name }} <span class="muted">· {{ option.departmentName }}</span>
            } @else {
              {{ option.name }} <span class="muted">· {{ 'cases.placeDepartmentOnly' | translate }}</span>
            }
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'cases.placeSearchHint' | translate }}</mat-hint>
    </mat-form-field>
  `,
  styles: `.place { width: 100%; min-width: 0; }`,
})
export class PlacePicker implements OnInit {
  private readonly places = inject(PlacesApi);
  private readonly destroyRef = inject(DestroyRef);
  readonly department = input.required<FormControl<string>>();
  readonly municipality = input.required<FormControl<string>>();
  readonly testId = input('place');

  private readonly options = toSignal(
    combineLatest([this.places.departments$, this.places.allMunicipalities$]).pipe(
      catchError(() => of([[], []] as [DepartmentView[], MunicipalityView[]])),
    ),
    { initialValue: [[], []] as [DepartmentView[], MunicipalityView[]] },
  );
  private readonly all = computed(() => placeOptions(...this.options()));
  protected readonly text = new FormControl<string | PlaceOption>('', { nonNullable: true });
  private readonly typed = signal('');
  protected readonly matches = computed(() => searchPlaces(this.all(), this.typed()));

  constructor() {
    // The places arrive after the form has its value (a draft, an edit): show the chosen place's name then.
    effect(() => {
      this.all();
      this.showChoice();
    });
  }

  ngOnInit(): void {
    this.text.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((value) => this.typed.set(typeof value === 'string' ? value : ''));
    merge(this.department().valueChanges, this.municipality().valueChanges)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.showChoice());
  }

  protected readonly display = (value: string | PlaceOption | null): string =>
    !value ? '' : typeof value === 'string' ? value : labelOf(value);

  protected pick(option: PlaceOption): void {
    this.department().setValue(option.departmentCode);
    this.municipality().setValue(option.kind === 'municipality' ? option.code : '');
    this.department().markAsDirty();
    this.municipality().markAsDirty();
    this.showChoice();
  }

  /** On leaving the box: empty text clears the place; text that is not a place's label shows the chosen one again. */
  protected commit(): void {
    const value = this.text.value;
    if (typeof value !== 'string') return;
    if (!value.trim()) {
      if (this.department().value || this.municipality().value) {
        this.department().setValue('');
        this.municipality().setValue('');
      }
      return;
    }
    if (value !== this.label()) this.showChoice();
  }

  /** "Santiago de Cali · Valle del Cauca", "Valle del Cauca", or nothing. */
  private label(): string {
    const code = this.municipality().value || this.department().value;
    const chosen = code ? this.all().find((o) => o.code === code) : undefined;
    return chosen ? labelOf(chosen) : '';
  }

  private showChoice(): void {
    const label = this.label();
    if (this.text.value !== label) this.text.setValue(label, { emitEvent: false });
    this.typed.set('');
  }
}

function labelOf(option: PlaceOption): string {
  return option.kind === 'municipality' ? `${option.name} · ${option.departmentName}` : option.name;
}
