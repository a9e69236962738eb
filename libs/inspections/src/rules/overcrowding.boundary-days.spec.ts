import { evaluateOvercrowding } from './overcrowding';
import { evaluateExpecting, makeOvercrowdingInput } from './overcrowding-input.factory';
import {
  findOvercrowdingRuleSet,
  OVERCROWDING_RULE_SETS,
  WAG_NRW_2014,
  WOHNSTG_NRW_2021,
} from './overcrowding-rule-sets';

// DOMAIN.md: the WAG NRW rule "applied from 30 April 2014 to 30 June 2021; before that no rule
// applies"; the WohnStG is in force since 1 July 2021. Both ends are read as inclusive days.
// Two parents and a toddler in 27 m² tell the rules apart: the WAG NRW needs 2 × 9 + 6 = 24 m²,
// the WohnStG 3 × 10 = 30 m².
const household = { adultsFound: 2, childrenUnderSixFound: 1, livingAreaM2: 27 };

describe('overcrowding: the boundary days of the rule sets', () => {
  it('2014-04-29: no rule yet', () => {
    const result = evaluateExpecting('no_rule', { ...household, inspectionDate: '2014-04-29' });
    expect(result.explanation.de).toBe(
      'Für den 29.04.2014 gilt keine Belegungsregel: das WAG NRW gilt erst ab dem 30.04.2014.',
    );
  });

  it.each(['2014-04-30', '2016-02-29', '2021-06-30'])(
    '%s: WAG NRW, 24 m² needed, not overcrowded, at most 3 persons',
    (inspectionDate) => {
      const result = evaluateExpecting('evaluated', { ...household, inspectionDate });
      expect(result.ruleSet.id).toBe('wag-nrw-2014');
      expect(result.numbers.requiredAreaM2).toBe(24);
      expect(result.overcrowded).toBe(false);
      expect(result.maxOccupants).toBe(3);
    },
  );

  it.each(['2021-07-01', '2026-12-31'])(
    '%s: WohnStG, 30 m² needed, overcrowded, at most 2 persons',
    (inspectionDate) => {
      const result = evaluateExpecting('evaluated', { ...household, inspectionDate });
      expect(result.ruleSet.id).toBe('wohnstg-nrw-2021');
      expect(result.numbers.requiredAreaM2).toBe(30);
      expect(result.overcrowded).toBe(true);
      expect(result.maxOccupants).toBe(2);
    },
  );

  it('ships two rule sets that meet without a gap or an overlap', () => {
    expect(OVERCROWDING_RULE_SETS.map((set) => [set.id, set.validFrom, set.validUntil])).toEqual([
      ['wag-nrw-2014', '2014-04-30', '2021-06-30'],
      ['wohnstg-nrw-2021', '2021-07-01', null],
    ]);
    expect(findOvercrowdingRuleSet('2014-04-29')).toBeNull();
    expect(findOvercrowdingRuleSet('2014-04-30')).toBe(WAG_NRW_2014);
    expect(findOvercrowdingRuleSet('2021-06-30')).toBe(WAG_NRW_2014);
    expect(findOvercrowdingRuleSet('2021-07-01')).toBe(WOHNSTG_NRW_2021);
  });

  it('refuses rule sets that claim the same day (broken data, not user input)', () => {
    const overlapping = [WAG_NRW_2014, { ...WOHNSTG_NRW_2021, validFrom: '2021-06-30' }];
    expect(() => findOvercrowdingRuleSet('2021-06-30', overlapping)).toThrow(
      'Overcrowding rule sets overlap on 2021-06-30: wag-nrw-2014, wohnstg-nrw-2021',
    );
    expect(findOvercrowdingRuleSet('2021-06-29', overlapping)).toBe(WAG_NRW_2014);
  });

  it('says plainly when a day falls after the last rule set given', () => {
    const result = evaluateOvercrowding(
      makeOvercrowdingInput({ ...household, inspectionDate: '2022-01-01' }),
      [WAG_NRW_2014],
    );
    expect(result).toEqual({
      outcome: 'no_rule',
      inspectionDate: '2022-01-01',
      explanation: {
        de: 'Für den 01.01.2022 gilt keine Belegungsregel.',
        en: 'No occupancy rule applies on 2022-01-01.',
      },
    });
  });
});
