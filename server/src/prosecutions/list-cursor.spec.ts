import { encodeCursor, ValidationFailedError } from '@ruta/platform';
import { listPosition, nextListCursor } from './list-cursor';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('list cursors carry their order', () => {
  it('starts a first page in the order asked for, or the list’s default', () => {
    expect(listPosition({}, 'desc')).toEqual({ order: 'desc' });
    expect(listPosition({ order: 'asc' }, 'desc')).toEqual({ order: 'asc' });
  });

  it('continues the order of the cursor when the request leaves it out', () => {
    const cursor = nextListCursor({ k: '2018-01-02', id: ID }, 'asc');
    expect(listPosition({ cursor }, 'desc')).toEqual({ after: { k: '2018-01-02', id: ID }, order: 'asc' });
    expect(listPosition({ cursor, order: 'asc' }, 'desc')).toEqual({ after: { k: '2018-01-02', id: ID }, order: 'asc' });
  });

  it('refuses a cursor sent with the other order, naming the order field', () => {
    const cursor = nextListCursor({ k: 'perez', id: ID }, 'desc');
    expect(() => listPosition({ cursor, order: 'asc' }, 'asc')).toThrow(ValidationFailedError);
    try {
      listPosition({ cursor, order: 'asc' }, 'asc');
    } catch (error) {
      expect((error as ValidationFailedError).errors).toEqual([expect.objectContaining({ field: 'order', code: 'cursor_order' })]);
    }
  });

  it('refuses a cursor without its order or with an id that is not one', () => {
    for (const value of [{ k: '2018-01-02', id: ID }, { k: '2018-01-02', id: 'x', o: 'asc' }, { k: 5, id: ID, o: 'asc' }, { k: '2018-01-02', id: ID, o: 'sideways' }]) {
      expect(() => listPosition({ cursor: encodeCursor(value) }, 'desc')).toThrow(ValidationFailedError);
    }
    expect(() => listPosition({ cursor: 'not base64 json' }, 'desc')).toThrow(ValidationFailedError);
  });
});
