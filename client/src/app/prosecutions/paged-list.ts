import { signal } from '@angular/core';
import { CountedPage, ListTotal } from '@ruta/shared';
import { Observable } from 'rxjs';
import { ErrorMessage, problemMessage } from '../core/http/problem';

/** How a prosecutions list's total reads ("1.234 en total", "Más de 10.000 en total"). */
export const PROSECUTIONS_TOTAL = { one: 'prosecutions.total', other: 'prosecutions.total', more: 'prosecutions.totalMore' };

/** A keyset-paged list: the items so far, the total, the next page on demand, the error of the last load. */
export class PagedList<T> {
  readonly items = signal<T[]>([]);
  readonly total = signal<ListTotal>({ count: 0, more: false });
  readonly loaded = signal(false);
  readonly more = signal(false);
  readonly error = signal<ErrorMessage | null>(null);
  private cursor: string | undefined;

  constructor(private readonly fetch: (cursor?: string) => Observable<CountedPage<T>>) {}

  load(next = false): void {
    if (!next) this.cursor = undefined;
    this.loaded.set(false);
    this.fetch(this.cursor).subscribe({
      next: (page) => {
        this.items.set(next ? [...this.items(), ...page.items] : page.items);
        this.total.set(page.total);
        this.cursor = page.nextCursor;
        this.more.set(!!page.nextCursor);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.error.set(problemMessage(error));
        this.loaded.set(true);
      },
    });
  }
}
