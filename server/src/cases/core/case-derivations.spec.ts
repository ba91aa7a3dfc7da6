import { ageBandOf, ageOn, approximateBirthDate, deriveAgeFacts, exploitationStart } from './case-derivations';

describe('case derivations', () => {
  it('counts whole years, a birthday not yet reached this year included', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('maps ages to the CTDC bands at their edges', () => {
    const cases: [number, string][] = [
      [0, '0-8'],
      [8, '0-8'],
      [9, '9-17'],
      [17, '9-17'],
      [18, '18-20'],
      [23, '21-23'],
      [29, '27-29'],
      [30, '30-38'],
      [47, '39-47'],
      [48, '48+'],
      [90, '48+'],
    ];
    for (const [age, band] of cases) expect(ageBandOf(age)).toBe(band);
  });

  it('derives a minor at identification from the birth date and flags child welfare', () => {
    expect(deriveAgeFacts({ birthDate: '2010-01-01', identifiedOn: '2026-01-10' })).toEqual({
      ageAtIdentification: 16,
      ageBand: '9-17',
      minorAtIdentification: true,
      minorAtExploitation: true,
      childWelfareFlag: true,
    });
  });

  it('derives an adult identified today who was a minor when exploitation began', () => {
    const facts = deriveAgeFacts({ birthDate: '2004-05-01', identifiedOn: '2026-03-01', exploitationStartedOn: '2021-01-01' });
    expect(facts).toMatchObject({ ageAtIdentification: 21, ageBand: '21-23', minorAtIdentification: false, minorAtExploitation: true, childWelfareFlag: true });
  });

  it('uses an estimated age when the birth date is unknown', () => {
    expect(approximateBirthDate(30, '2026-02-10')).toBe('1996-02-10');
    const facts = deriveAgeFacts({ estimatedAge: 30, identifiedOn: '2026-02-10', exploitationStartedOn: '2025-01-01' });
    expect(facts).toMatchObject({ ageBand: '30-38', minorAtIdentification: false, minorAtExploitation: false, childWelfareFlag: false });
  });

  it('leaves everything unknown without a birth date or an estimate', () => {
    expect(deriveAgeFacts({ identifiedOn: '2026-01-01' })).toEqual({
      ageAtIdentification: null,
      ageBand: null,
      minorAtIdentification: null,
      minorAtExploitation: null,
      childWelfareFlag: false,
    });
  });

  it('takes the earliest exploitation start, else the earliest event', () => {
    expect(exploitationStart([{ kind: 'recruitment', startedOn: '2020-01-01' }, { kind: 'exploitation', startedOn: '2021-05-01' }, { kind: 'exploitation', startedOn: '2021-02-01' }])).toBe('2021-02-01');
    expect(exploitationStart([{ kind: 'transit', startedOn: '2022-01-01' }, { kind: 'recruitment', startedOn: '2021-12-01' }])).toBe('2021-12-01');
    expect(exploitationStart([{ kind: 'exploitation' }])).toBeNull();
  });
});
