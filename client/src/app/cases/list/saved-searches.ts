import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslatePipe } from '@ngx-translate/core';
import { SavedCaseFilters, SavedFilterView } from '@ruta/shared';
import { Notifier } from '../../core/http/notifier';
import { SavedFiltersApi } from '../saved-filters.api';

/**
 * The user's saved searches, collapsed into one menu beside the filters: apply one, delete one, or save the current
 * filters under a name (a small dialog), so they never push the results down.
 */
@Component({
  selector: 'ruta-saved-searches',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatDividerModule, TranslatePipe],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" data-testid="saved-searches">
      <mat-icon svgIcon="bookmark_add" />{{ 'savedSearches.title' | translate }}
      @if (items().length) {
        <span class="count-badge">{{ items().length }}</span>
      }
    </button>
    <mat-menu #menu="matMenu" class="saved-searches-menu">
      @for (item of items(); track item.id) {
        <div class="saved-search-item">
          <button mat-menu-item type="button" (click)="applied.emit(item.filters)" [attr.data-testid]="'saved-search-' + item.name" [attr.aria-label]="'savedSearches.apply' | translate: { name: item.name }">
            {{ item.name }}
          </button>
          <button mat-icon-button type="button" (click)="remove(item); $event.stopPropagation()" [attr.aria-label]="'savedSearches.delete' | translate: { name: item.name }" [attr.data-testid]="'saved-search-delete-' + item.name">
            <mat-icon svgIcon="delete" />
          </button>
        </div>
      } @empty {
        <p class="muted menu-note">{{ 'savedSearches.none' | translate }}</p>
      }
      <mat-divider />
      <button mat-menu-item type="button" (click)="openSave()" data-testid="saved-search-open-save">
        <mat-icon svgIcon="add" />{{ 'savedSearches.saveCurrent' | translate }}
      </button>
    </mat-menu>
  `,
})
export class SavedSearches implements OnInit {
  private readonly api = inject(SavedFiltersApi);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  readonly filters = input.required<SavedCaseFilters>();
  readonly applied = output<SavedCaseFilters>();

  protected readonly items = signal<SavedFilterView[]>([]);

  ngOnInit(): void {
    this.api.list().subscribe({ next: (list) => this.items.set(list), error: () => undefined });
  }

  /** The dialog is loaded when first opened: it is no part of the list's first load. */
  protected async openSave(): Promise<void> {
    const { SaveSearchDialog } = await import('./save-search.dialog');
    const ref = this.dialog.open<InstanceType<typeof SaveSearchDialog>, SavedCaseFilters, SavedFilterView>(SaveSearchDialog, { data: this.filters(), width: 'min(420px, 92vw)' });
    ref.afterClosed().subscribe((created) => {
      if (!created) return;
      this.items.update((items) => [...items, created]);
      this.notifier.info('savedSearches.saved');
    });
  }

  protected remove(item: SavedFilterView): void {
    this.api.remove(item.id).subscribe({
      next: () => this.items.update((items) => items.filter((i) => i.id !== item.id)),
      error: (error: unknown) => this.notifier.problem(error),
    });
  }
}
