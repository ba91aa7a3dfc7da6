import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, OnInit, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorMessagePipe } from '../i18n/error-message.pipe';
import { fold } from './fold';

export interface TypeaheadOption {
  value: string;
  label: string;
}

/**
 * One choice picked by typing: the first match is active, so a few letters and Enter pick it (then Tab moves on).
 * The bound control holds the code; the box shows its label. Text that matches nothing leaves the control empty.
 */
@Component({
  selector: 'ruta-option-typeahead',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe],
  template: `
    <mat-form-field class="grow">
      <mat-label>{{ label() | translate }}</mat-label>
      <input matInput [formControl]="text" [matAutocomplete]="auto" (blur)="commit()" autocomplete="off" [required]="required()" [attr.data-testid]="testId()" />
      <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption (optionSelected)="pick($event.option.value)">
        @for (option of matches(); track option.value) {
          <mat-option [value]="option.value" [attr.data-testid]="testId() + '-' + option.value">{{ option.label }}</mat-option>
        }
      </mat-autocomplete>
      <mat-error>{{ control().errors | rutaError }}</mat-error>
    </mat-form-field>
  `,
})
export class OptionTypeahead implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  readonly control = input.required<FormControl<string>>();
  readonly options = input.required<TypeaheadOption[]>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly required = input(false);

  protected readonly text = new FormControl('', { nonNullable: true });
  private readonly typed = signal('');
  protected readonly matches = computed(() => {
    const query = fold(this.typed());
    const all = this.options();
    if (!query) return all.slice(0, 60);
    const starts = all.filter((o) => fold(o.label).startsWith(query));
    const contains = all.filter((o) => !fold(o.label).startsWith(query) && fold(o.label).includes(query));
    return [...starts, ...contains].slice(0, 60);
  });

  constructor() {
    // Labels arrive later (municipalities) or change with the language: show the chosen one's. With nothing chosen yet,
    // what the person is typing stays (a list that arrives mid-word must not wipe it).
    effect(() => {
      this.options();
      if (untracked(() => this.control().value) || !this.text.value) this.showLabel();
    });
  }

  ngOnInit(): void {
    this.text.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((value) => this.typed.set(value));
    this.control().valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.showLabel());
    this.showLabel();
  }

  protected pick(value: string): void {
    this.control().setValue(value);
    this.control().markAsDirty();
    this.showLabel();
  }

  /** On leaving the box: an exact label picks it; empty text clears the choice; anything else is undone. */
  protected commit(): void {
    this.control().markAsTouched();
    const query = fold(this.text.value);
    if (!query) {
      if (this.control().value) this.pick('');
      return;
    }
    const exact = this.options().find((o) => fold(o.label) === query);
    if (exact) {
      if (exact.value !== this.control().value) this.pick(exact.value);
    } else this.showLabel();
  }

  private showLabel(): void {
    const value = this.control().value;
    const label = this.options().find((o) => o.value === value)?.label ?? '';
    if (this.text.value !== label) this.text.setValue(label, { emitEvent: false });
  }
}
