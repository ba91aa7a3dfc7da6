import { Page } from '@ruta/shared';
import { Observable, of, throwError } from 'rxjs';
import { CursorList } from './cursor-list';

describe('CursorList', () => {
  function list(answers: (() => Observable<Page<string> & { total?: number | { count: number; more: boolean } }>)[]) {
    let call = 0;
    return new CursorList<string>(() => answers[call++]());
  }

  it('keeps the total of the first page while later pages add rows', () => {
    const cases = list([() => of({ items: ['a', 'b'], limit: 2, nextCursor: 'x', total: { count: 3, more: false } }), () => of({ items: ['c'], limit: 2 })]);
    cases.reload();
    cases.more();
    expect(cases.items()).toEqual(['a', 'b', 'c']);
    expect(cases.total()).toEqual({ count: 3, more: false });
  });

  it('reads a plain number total as an exact count', () => {
    const referrals = list([() => of({ items: ['a'], limit: 25, total: 1 })]);
    referrals.reload();
    expect(referrals.total()).toEqual({ count: 1, more: false });
  });

  it('clears the rows and the total of the previous filters when a reload fails, so nothing stale stands under the error', () => {
    const cases = list([() => of({ items: ['a', 'b'], limit: 2, nextCursor: 'x', total: { count: 9, more: false } }), () => throwError(() => new Error('503'))]);
    cases.reload();
    cases.reload();
    expect(cases.failed()).toBe(true);
    expect(cases.items()).toEqual([]);
    expect(cases.total()).toBeNull();
    expect(cases.nextCursor()).toBeUndefined();
  });

  it('keeps the rows shown when only "load more" fails', () => {
    const cases = list([() => of({ items: ['a'], limit: 1, nextCursor: 'x', total: { count: 2, more: false } }), () => throwError(() => new Error('503'))]);
    cases.reload();
    cases.more();
    expect(cases.failed()).toBe(true);
    expect(cases.items()).toEqual(['a']);
  });
});
