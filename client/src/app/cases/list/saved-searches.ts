import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { SavedCaseFilters, SavedFilterView } from '@ruta/shared';
import { FormSubmission } from '../../core/http/form-submission';
import { Notifier } from '../../core/http/notifier';
import { ErrorMessagePipe } from '../../core/i18n/error-message.pipe';
import { SavedFiltersApi } from '../saved-filters.api';

/** The user's saved searches: apply one, save the current filters under a name, delete one. */
@Component({
  selector: 'ruta-saved-searches',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatChipsModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorMessagePipe],
  template: `
    <section class="saved-searches" [attr.aria-label]="'savedSearches.title' | translate" data-testid="saved-searches">
      <h2 class="section-title">{{ 'savedSearches.title' | translate }}</h2>
      @if (items().length) {
        <mat-chip-set [attr.aria-label]="'savedSearches.title' | translate">
          @for (item of items(); track item.id) {
            <mat-chip [attr.data-testid]="'saved-search-' + item.name">
              <button matChipAction type="button" class="chip-apply" (click)="applied.emit(item.filters)" [attr.aria-label]="'savedSearches.apply' | translate: { name: item.name }">
                {{ item.name }}
              </button>
              <button matChipRemove type="button" (click)="remove(item)" [attr.aria-label]="'savedSearches.delete' | translate: { name: item.name }">
                <mat-icon svgIcon="cancel" />
              </button>
            </mat-chip>
          }
        </mat-chip-set>
      } @else {
        <p class="muted">{{ 'savedSearches.none' | translate }}</p>
      }
      <form class="filters" (ngSubmit)="save()">
        <mat-form-field>
          <mat-label>{{ 'savedSearches.name' | translate }}</mat-label>
          <input matInput [formControl]="name" autocomplete="off" data-testid="saved-search-name" />
          <mat-hint>{{ 'savedSearches.hint' | translate }}</mat-hint>
          <mat-error>{{ name.errors | rutaError }}</mat-error>
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="saved-search-save">
          <mat-icon svgIcon="bookmark_add" />{{ 'savedSearches.save' | translate }}
        </button>
      </form>
      @if (error(); as e) {
        <p class="form-error" role="alert">{{ e | rutaError }}</p>
      }
    </section>
  `,
})
export class SavedSearches implements OnInit {
  private readonly api = inject(SavedFiltersApi);
  private readonly notifier = inject(Notifier);
  readonly filters = input.required<SavedCaseFilters>();
  readonly applied = output<SavedCaseFilters>();

  protected readonly items = signal<SavedFilterView[]>([]);
  protected readonly name = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] });
  private readonly submission = new FormSubmission(this.name, { staysOpen: true });
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;

  ngOnInit(): void {
    this.api.list().subscribe({ next: (list) => this.items.set(list), error: () => undefined });
  }

  protected save(): void {
    this.submission.submit(() => this.api.create({ name: this.name.value.trim(), filters: this.filters() }), {
      done: (created) => {
        this.items.update((items) => [...items, created]);
        this.name.reset();
        this.notifier.info('savedSearches.saved');
      },
    });
  }

  protected remove(item: SavedFilterView): void {
    this.api.remove(item.id).subscribe({
      next: () => this.items.update((items) => items.filter((i) => i.id !== item.id)),
      error: (error: unknown) => this.notifier.problem(error),
    });
  }
}
