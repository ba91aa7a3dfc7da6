import { TestBed } from '@angular/core/testing';
import { ListTotal } from '@ruta/shared';
import { provideTestI18n } from '../i18n/i18n.testing';
import { ListTotalNouns, ListTotalText } from './list-total';

jest.setTimeout(30_000);

// In English: the number pipe needs no registered locale (en-US is built in; es-CO's data is an ES module jest cannot load).
describe('ListTotalText', () => {
  /** The prosecutions lists' keys: '{{count}} in total', 'More than {{count}} in total'. */
  const inTotal: ListTotalNouns = { one: 'prosecutions.total', other: 'prosecutions.total', more: 'prosecutions.totalMore' };

  async function render(total: ListTotal, nouns: ListTotalNouns = inTotal): Promise<string> {
    TestBed.configureTestingModule({ providers: [provideTestI18n('en')] });
    const fixture = TestBed.createComponent(ListTotalText);
    fixture.componentRef.setInput('total', total);
    fixture.componentRef.setInput('nouns', nouns);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent!.trim();
  }

  it('gives an exact total with the locale\u2019s digit grouping', async () => {
    expect(await render({ count: 1234, more: false })).toBe('1,234 in total');
  });

  it('gives an empty list\u2019s total as zero', async () => {
    expect(await render({ count: 0, more: false })).toBe('0 in total');
  });

  it('says there are more than the cap when the count stopped there', async () => {
    expect(await render({ count: 10_000, more: true })).toBe('More than 10,000 in total');
  });

  it('reads the singular key for one item', async () => {
    expect(await render({ count: 1, more: false }, { one: 'referrals.totalOne', other: 'referrals.total', more: 'referrals.totalMore' })).toMatch(/^1 referral\b/i);
  });
});
