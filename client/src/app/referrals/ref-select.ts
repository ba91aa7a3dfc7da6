import { ChangeDetectionStrategy, Component, computed, input, OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { fold } from '../core/forms/fold';
import { ErrorMessagePipe } from '../core/i18n/error-message.pipe';

export interface NamedOption {
  id: string;
  name: string;
}

/**
 * One of a possibly long list (people, institutions), picked by typing part of its name; accents and case do not
 * matter. The bound control holds the id; typed text that names nothing leaves it empty. The control's errors (also
 * those from the server) show under the text box.
 */
@Component({
  selector: 'ruta-ref-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe],
  template: `
    <mat-form-field class="grow">
      <mat-label>{{ label() | translate }}</mat-label>
      <input matInput [required]="required()" [formControl]="text" [matAutocomplete]="auto" [errorStateMatcher]="matcher" (blur)="commit()" autocomplete="off" [attr.data-testid]="testId()" />
      <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption (optionSelected)="pick($event.option.value)">
        @for (option of matches(); track option.id) {
          <mat-option [value]="option.id" [attr.data-testid]="testId() + '-option'">{{ option.name }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint()) {
        <mat-hint>{{ hint() | translate }}</mat-hint>
      }
      @if (showError()) {
        <mat-error>{{ control().errors | rutaError }}</mat-error>
      }
    </mat-form-field>
  `,
})
export class RefSelect implements OnInit {
  readonly control = input.required<FormControl<string>>();
  readonly options = input.required<readonly NamedOption[]>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly hint = input('');
  /** A filter leaves it optional: clearing the text then means "any". */
  readonly required = input(true);

  protected readonly text = new FormControl('', { nonNullable: true });
  private readonly typed = signal('');
  protected readonly showError = signal(false);
  protected readonly matcher: ErrorStateMatcher = { isErrorState: () => this.showError() };
  protected readonly matches = computed(() => {
    const query = fold(this.typed());
    const all = this.options();
    return (query ? all.filter((o) => fold(o.name).includes(query)) : all).slice(0, 50);
  });

  ngOnInit(): void {
    this.text.valueChanges.subscribe((value) => this.typed.set(value));
    this.control().events.subscribe(() => this.showError.set(this.control().invalid && this.control().touched));
    // Cleared from outside (a form reset): the text that named the old choice goes too.
    this.control().valueChanges.subscribe((id) => {
      if (!id && this.options().some((o) => fold(o.name) === fold(this.text.value))) this.text.setValue('', { emitEvent: false });
    });
  }

  protected pick(id: string): void {
    this.control().setValue(id);
    this.control().markAsDirty();
    this.text.setValue(this.options().find((o) => o.id === id)?.name ?? '', { emitEvent: false });
  }

  /** On leaving the box: an exact name picks that option; anything else clears the choice. */
  protected commit(): void {
    this.control().markAsTouched();
    const query = fold(this.text.value);
    const exact = query ? this.options().find((o) => fold(o.name) === query) : undefined;
    if (exact) {
      if (exact.id !== this.control().value) this.pick(exact.id);
    } else if (this.control().value) {
      this.control().setValue('');
    }
  }
}
