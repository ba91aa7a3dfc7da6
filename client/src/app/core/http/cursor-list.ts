import { signal } from '@angular/core';
import { ListTotal, Page } from '@ruta/shared';
import { Observable } from 'rxjs';

/** How many items a list's filters match, as an API gives it: a number, or a count capped at some size (`more`). */
export type { ListTotal };

/**
 * A list read page by page with the API's opaque cursors ("load more"), with the total a first page may carry.
 * A reload that fails clears what was shown: stale rows never stand under an error as if they answered the new
 * filters (a failed "load more" keeps the rows, which are still right, and can be tried again).
 */
export class CursorList<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | undefined>(undefined);
  readonly total = signal<ListTotal | null>(null);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly failed = signal(false);

  constructor(private readonly fetch: (cursor?: string) => Observable<Page<T> & { total?: number | ListTotal }>) {}

  reload(): void {
    this.load(undefined, true);
  }

  more(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) this.load(cursor, false);
  }

  /** Replaces one item in place (after an edit), matched by the predicate. */
  replace(match: (item: T) => boolean, next: T): void {
    this.items.update((items) => items.map((item) => (match(item) ? next : item)));
  }

  private load(cursor: string | undefined, reset: boolean): void {
    this.loading.set(true);
    this.failed.set(false);
    this.fetch(cursor).subscribe({
      next: (page) => {
        this.items.update((items) => (reset ? page.items : [...items, ...page.items]));
        this.nextCursor.set(page.nextCursor);
        if (page.total !== undefined) this.total.set(typeof page.total === 'number' ? { count: page.total, more: false } : page.total);
        else if (reset) this.total.set(null);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => {
        if (reset) {
          this.items.set([]);
          this.nextCursor.set(undefined);
          this.total.set(null);
        }
        this.loading.set(false);
        this.failed.set(true);
      },
    });
  }
}
