/** The paging half of a list request: an opaque cursor from the previous page, and a page size. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last page. */
  nextCursor?: string;
  limit: number;
}

/**
 * How many rows a list's filter matches, counted on the fly up to LIST_COUNT_CAP: `more` when there are more, so that
 * a first page never counts a million rows ("Más de 10.000 …").
 */
export interface ListTotal {
  count: number;
  more: boolean;
}

/** The most rows a list total counts on the fly. */
export const LIST_COUNT_CAP = 10_000;

/** The total of a count made with a LIMIT of `cap + 1` rows. */
export function listTotal(counted: number, cap = LIST_COUNT_CAP): ListTotal {
  return { count: Math.min(counted, cap), more: counted > cap };
}
