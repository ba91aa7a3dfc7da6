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
