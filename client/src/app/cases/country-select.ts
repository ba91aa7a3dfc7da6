import { fold } from '../core/forms/fold';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { CountryView } from '@ruta/shared';
import { catchError, of } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { PlacesApi } from './places.api';


/**
 * A country (ISO 3166-1 alpha-2) picked by typing its Spanish or English name. The bound control holds the code;
 * the text box shows the name. Typed text that is not a country leaves the control empty.
 */
@Component({
  selector: 'ruta-country-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <mat-form-field class="grow">
      <mat-label>{{ label() | translate }}</mat-label>
      <input matInput [formControl]="text" [matAutocomplete]="auto" (blur)="commit()" autocomplete="off" [attr.data-testid]="testId()" />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="pick($event.option.value)">
        @for (country of matches(); track country.code) {
          <mat-option [value]="country.code" [attr.data-testid]="testId() + '-' + country.code">{{ nameOf(country) }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
})
export class CountrySelect implements OnInit {
  private readonly language = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);
  readonly control = input.required<FormControl<string>>();
  readonly label = input('cases.country');
  readonly testId = input('country');

  private readonly countries = toSignal(inject(PlacesApi).countries$.pipe(catchError(() => of([] as CountryView[]))), { initialValue: [] });
  protected readonly text = new FormControl('', { nonNullable: true });
  private readonly typed = signal('');
  protected readonly matches = computed(() => {
    const query = fold(this.typed());
    const all = this.countries();
    const found = query ? all.filter((c) => fold(c.nameEs).includes(query) || fold(c.nameEn).includes(query) || c.code.toLowerCase() === query) : all;
    return found.slice(0, 50);
  });

  ngOnInit(): void {
    this.text.valueChanges.subscribe((value) => this.typed.set(value));
    this.control().valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.showName());
    this.showName();
  }

  protected nameOf(country: CountryView): string {
    return this.language.current() === 'en' ? country.nameEn : country.nameEs;
  }

  protected pick(code: string): void {
    this.control().setValue(code);
    this.control().markAsDirty();
    this.showName();
  }

  /** On leaving the box: an exact name (or code) picks that country; empty text clears it. */
  protected commit(): void {
    const query = fold(this.text.value);
    if (!query) {
      if (this.control().value) this.pick('');
      return;
    }
    const exact = this.countries().find((c) => fold(c.nameEs) === query || fold(c.nameEn) === query || c.code.toLowerCase() === query);
    if (exact && exact.code !== this.control().value) this.pick(exact.code);
  }

  private showName(): void {
    const code = this.control().value;
    const country = this.countries().find((c) => c.code === code);
    const name = country ? this.nameOf(country) : code;
    if (this.text.value !== name) this.text.setValue(name, { emitEvent: false });
  }
}
