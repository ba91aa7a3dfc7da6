import { INDICATOR } from '@ruta/shared';
import { caseIndicators } from './case-indicators';
import { IndicatorRegistry } from './indicator-registry';
import { referralIndicators } from './referral-indicators';

describe('IndicatorRegistry', () => {
  it('holds one definition for every shared indicator key, each once', () => {
    const registry = new IndicatorRegistry([caseIndicators, referralIndicators]);
    expect(registry.all().map((d) => d.key).sort()).toEqual([...INDICATOR.values].sort());
  });

  it('refuses a key defined twice', () => {
    expect(() => new IndicatorRegistry([caseIndicators, caseIndicators])).toThrow('Indicator victims_identified is defined twice');
  });

  it('uses the four parameters of every indicator and no other', () => {
    for (const definition of new IndicatorRegistry([caseIndicators, referralIndicators]).all()) {
      const used = new Set(definition.sql.match(/\$\d+/g));
      expect({ key: definition.key, used: [...used].sort() }).toEqual({ key: definition.key, used: ['$1', '$2', '$3', '$4'] });
    }
  });
});
