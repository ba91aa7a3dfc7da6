import { signal } from '@angular/core';
import { Page } from '@ruta/shared';
import { Observable } from 'rxjs';

/** A list read page by page with the API's opaque cursors ("load more"). */
export class CursorList<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | undefined>(undefined);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly failed = signal(false);

  constructor(private readonly fetch: (cursor?: string) => Observable<Page<T>>) {}

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
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => {
        this.loading.set(false);
        this.failed.set(true);
      },
    });
  }
}
