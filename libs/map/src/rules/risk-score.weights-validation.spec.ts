import { DEFAULT_RISK_WEIGHTS, RISK_FACTOR_IDS, validateRiskWeights } from './risk-score';

// What an admin's request may send. Wrong values come back as field errors, never as an
// exception.
const fieldsOf = (value: unknown) =>
  validateRiskWeights(value).map((error) => [error.field, error.code]);

describe('risk weights: validation', () => {
  it('accepts the defaults, and weights without caps', () => {
    expect(validateRiskWeights(DEFAULT_RISK_WEIGHTS)).toEqual([]);
    const withoutCaps = Object.fromEntries(RISK_FACTOR_IDS.map((factor) => [factor, 1]));
    expect(validateRiskWeights(withoutCaps)).toEqual([]);
  });

  it('accepts 0 and fractions as weights', () => {
    expect(
      validateRiskWeights({ ...DEFAULT_RISK_WEIGHTS, openDefectsA: 0, openDefectsB: 12.5 }),
    ).toEqual([]);
  });

  it('names a negative, infinite or non-numeric weight with English and German messages', () => {
    expect(
      validateRiskWeights({
        ...DEFAULT_RISK_WEIGHTS,
        openDefectsC: -5,
        overcrowdedUnits: Number.POSITIVE_INFINITY,
        activeClosures: Number.NaN,
        complaintsLast12Months: '4',
      }),
    ).toEqual([
      {
        field: 'openDefectsC',
        code: 'not_a_non_negative_number',
        message: 'must be a finite number, 0 or more',
        messageDe: 'muss eine endliche Zahl ab 0 sein',
      },
      expect.objectContaining({ field: 'overcrowdedUnits', code: 'not_a_non_negative_number' }),
      expect.objectContaining({ field: 'activeClosures', code: 'not_a_non_negative_number' }),
      expect.objectContaining({
        field: 'complaintsLast12Months',
        code: 'not_a_non_negative_number',
      }),
    ]);
  });

  it('names a missing weight', () => {
    const rest = Object.fromEntries(
      Object.entries(DEFAULT_RISK_WEIGHTS).filter(([key]) => key !== 'noAccessLast12Months'),
    );
    expect(fieldsOf(rest)).toEqual([['noAccessLast12Months', 'missing']]);
    expect(fieldsOf({ ...DEFAULT_RISK_WEIGHTS, openDefectsB: undefined })).toEqual([
      ['openDefectsB', 'missing'],
    ]);
    expect(fieldsOf({ ...DEFAULT_RISK_WEIGHTS, openDefectsB: null })).toEqual([
      ['openDefectsB', 'not_a_non_negative_number'],
    ]);
  });

  it('wants caps as whole numbers, 0 or more', () => {
    expect(
      fieldsOf({
        ...DEFAULT_RISK_WEIGHTS,
        complaintsLast12MonthsCap: 2.5,
        openDefectsACap: -1,
        overcrowdedUnitsCap: 0,
      }),
    ).toEqual([
      ['openDefectsACap', 'not_a_non_negative_integer'],
      ['complaintsLast12MonthsCap', 'not_a_non_negative_integer'],
    ]);
  });

  it('rejects keys it does not know', () => {
    expect(
      fieldsOf({ ...DEFAULT_RISK_WEIGHTS, gasSmell: 100, openDefectsD: 1, complaintsCap: 3 }),
    ).toEqual([
      ['gasSmell', 'unknown_key'],
      ['openDefectsD', 'unknown_key'],
      ['complaintsCap', 'unknown_key'],
    ]);
    expect(validateRiskWeights({ ...DEFAULT_RISK_WEIGHTS, version: 3 })[0]).toEqual({
      field: 'version',
      code: 'unknown_key',
      message: 'is not a known field',
      messageDe: 'ist kein bekanntes Feld',
    });
  });

  it.each([[null], [undefined], [42], ['weights'], [[1, 2, 3]]])(
    'rejects %p as a whole',
    (value) => {
      expect(fieldsOf(value)).toEqual([['weights', 'not_an_object']]);
    },
  );

  it('lists every missing weight of an empty object, in factor order', () => {
    expect(fieldsOf({})).toEqual(RISK_FACTOR_IDS.map((factor) => [factor, 'missing']));
  });
});
