import { LIST_COUNT_CAP, listTotal } from './paging';

describe('listTotal', () => {
  it('is exact up to the cap and says "more" beyond it (a count with LIMIT cap + 1)', () => {
    expect(listTotal(0)).toEqual({ count: 0, more: false });
    expect(listTotal(LIST_COUNT_CAP)).toEqual({ count: LIST_COUNT_CAP, more: false });
    expect(listTotal(LIST_COUNT_CAP + 1)).toEqual({ count: LIST_COUNT_CAP, more: true });
    expect(listTotal(26, 25)).toEqual({ count: 25, more: true });
  });
});
