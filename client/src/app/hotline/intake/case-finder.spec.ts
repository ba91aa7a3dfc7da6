import { caseSearchOf } from './case-finder';

describe('caseSearchOf', () => {
  it('searches a case code, upper-cased, when the text has a digit', () => {
    expect(caseSearchOf(' rt-2026-000123 ', false)).toEqual({ code: 'RT-2026-000123', limit: 8 });
  });
  it('searches a name only for a role that reads identity, from three letters', () => {
    expect(caseSearchOf('Rosa', true)).toEqual({ name: 'Rosa', limit: 8 });
    expect(caseSearchOf('Rosa', false)).toBeNull();
    expect(caseSearchOf('Ro', true)).toBeNull();
  });
  it('waits for more than a few characters of a code', () => {
    expect(caseSearchOf('RT-2', true)).toEqual({ code: 'RT-2', limit: 8 });
    expect(caseSearchOf('R2', true)).toBeNull();
  });
});
