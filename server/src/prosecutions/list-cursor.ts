import { LIST_ORDER, ListOrder } from '@ruta/shared';
import { decodeCursor, encodeCursor, ValidationFailedError } from '@ruta/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a keyset page starts: after the sort key `k` and id of the last row seen, in the order those rows came. */
export interface ListPosition {
  after?: { k: string; id: string };
  order: ListOrder;
}

/**
 * The position a list request asks for. The cursor carries the order it was made in, so the next page continues that
 * order even when the request leaves `order` out; a request naming the other order with it is refused (400).
 */
export function listPosition(query: { cursor?: string; order?: ListOrder }, defaultOrder: ListOrder): ListPosition {
  if (!query.cursor) return { order: query.order ?? defaultOrder };
  const cursor = decodeCursor<{ k?: unknown; id?: unknown; o?: unknown }>(query.cursor);
  if (typeof cursor.k !== 'string' || typeof cursor.id !== 'string' || !UUID.test(cursor.id) || !LIST_ORDER.values.includes(cursor.o as ListOrder)) {
    throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'cursor is not valid' }]);
  }
  const order = cursor.o as ListOrder;
  if (query.order && query.order !== order) {
    throw new ValidationFailedError([{ field: 'order', code: 'cursor_order', message: 'order differs from the order the cursor was made in; start again from the first page' }]);
  }
  return { after: { k: cursor.k, id: cursor.id }, order };
}

/** The cursor of the page after `last`, in `order`. */
export function nextListCursor(last: { k: string; id: string }, order: ListOrder): string {
  return encodeCursor({ k: last.k, id: last.id, o: order });
}
