import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipGrid, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { fold } from '../../core/forms/fold';
import { TypeaheadOption } from '../../core/forms/option-typeahead';

/**
 * Several choices of a closed list picked by typing: a few letters and Enter add the first match as a chip;
 * Backspace in the empty box removes the last chip. The bound control holds the codes.
 */
@Component({
  selector: 'ruta-list-typeahead',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatChipGrid, MatChipRow, MatChipInput, MatChipRemove, MatFormFieldModule, MatIconModule, TranslatePipe],
  template: `
    <mat-form-field class="grow">
      <mat-label>{{ label() | translate }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label() | translate">
        @for (code of control().value; track code) {
          <mat-chip-row (removed)="remove(code)" [attr.data-testid]="testId() + '-chip-' + code">
            {{ labelOf(code) }}
            <button matChipRemove type="button" [attr.aria-label]="'hotline.intake.remove' | translate: { label: labelOf(code) }"><mat-icon svgIcon="close" /></button>
          </mat-chip-row>
        }
        <input
          [formControl]="text"
          [matChipInputFor]="grid"
          [matAutocomplete]="auto"
          (keydown.backspace)="removeLast()"
          autocomplete="off"
          [attr.data-testid]="testId()"
        />
      </mat-chip-grid>
      <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption (optionSelected)="add($event)">
        @for (option of matches(); track option.value) {
          <mat-option [value]="option.value" [attr.data-testid]="testId() + '-' + option.value">{{ option.label }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() | translate }}</mat-hint>
      }
    </mat-form-field>
  `,
})
export class ListTypeahead {
  readonly control = input.required<FormControl<string[]>>();
  readonly options = input.required<TypeaheadOption[]>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly hint = input('');

  protected readonly text = new FormControl('', { nonNullable: true });
  private readonly typed = signal('');
  private readonly chosen = signal<string[]>([]);
  protected readonly matches = computed(() => {
    const query = fold(this.typed());
    const taken = new Set(this.chosen());
    return this.options().filter((o) => !taken.has(o.value) && (!query || fold(o.label).includes(query)));
  });

  constructor() {
    this.text.valueChanges.subscribe((value) => this.typed.set(value));
  }

  protected labelOf(code: string): string {
    return this.options().find((o) => o.value === code)?.label ?? code;
  }

  protected add(event: MatAutocompleteSelectedEvent): void {
    const value = event.option.value as string;
    const current = this.control().value;
    if (!current.includes(value)) this.set([...current, value]);
    this.text.setValue('');
  }

  protected remove(code: string): void {
    this.set(this.control().value.filter((c) => c !== code));
  }

  protected removeLast(): void {
    const current = this.control().value;
    if (!this.text.value && current.length) this.set(current.slice(0, -1));
  }

  private set(codes: string[]): void {
    this.control().setValue(codes);
    this.control().markAsDirty();
    this.chosen.set(codes);
  }
}
