import {
  computeRiskScore,
  DEFAULT_RISK_WEIGHTS,
  RISK_FACTOR_IDS,
  RISK_FACTOR_LABELS,
  type RiskFactorId,
  type RiskFacts,
  type RiskWeights,
} from './risk-score';

const makeRiskFacts = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  openDefects: { A: 0, B: 0, C: 0 },
  notRemediedDefects: 0,
  overcrowdedUnits: 0,
  complaintsLast12Months: 0,
  noAccessLast12Months: 0,
  daysSinceLastInspection: null,
  ...overrides,
});

/** Weights without caps, so that every count earns its points. */
const uncapped = (overrides: Partial<Record<string, number>> = {}): RiskWeights => {
  const weights: Record<string, number> = {};
  for (const factor of RISK_FACTOR_IDS) weights[factor] = DEFAULT_RISK_WEIGHTS[factor];
  return { ...weights, ...overrides } as RiskWeights;
};

/** Facts where `factor` counts `count` and nothing else counts. */
const factsCounting = (factor: RiskFactorId, count: number): RiskFacts => {
  switch (factor) {
    case 'openDefectsC':
      return makeRiskFacts({ openDefects: { A: 0, B: 0, C: count } });
    case 'openDefectsB':
      return makeRiskFacts({ openDefects: { A: 0, B: count, C: 0 } });
    case 'openDefectsA':
      return makeRiskFacts({ openDefects: { A: count, B: 0, C: 0 } });
    case 'yearsSinceLastInspection':
      return makeRiskFacts({ daysSinceLastInspection: count * 365 });
    default:
      return makeRiskFacts({ [factor]: count });
  }
};

describe('risk score', () => {
  it('is 0 with no factors when nothing counts', () => {
    expect(computeRiskScore(makeRiskFacts(), DEFAULT_RISK_WEIGHTS)).toEqual({
      score: 0,
      uncappedScore: 0,
      factors: [],
    });
  });

  it.each(RISK_FACTOR_IDS.map((factor) => [factor]))(
    '%s contributes its weight times its count',
    (factor) => {
      const weights = uncapped({ [factor]: 7 });
      const result = computeRiskScore(factsCounting(factor, 3), weights);
      expect(result.factors).toEqual([
        {
          factor,
          count: 3,
          cap: null,
          counted: 3,
          weight: 7,
          points: 21,
          label: RISK_FACTOR_LABELS[factor],
        },
      ]);
      expect(result.score).toBe(21);
    },
  );

  it.each([
    ['complaintsLast12Months', 5, 4],
    ['noAccessLast12Months', 3, 6],
    ['openDefectsA', 10, 2],
    ['yearsSinceLastInspection', 5, 3],
  ] as [RiskFactorId, number, number][])(
    'counts %s at most up to its default cap of %i',
    (factor, cap, weight) => {
      const [below] = computeRiskScore(
        factsCounting(factor, cap - 1),
        DEFAULT_RISK_WEIGHTS,
      ).factors;
      expect(below).toMatchObject({ count: cap - 1, counted: cap - 1, points: (cap - 1) * weight });

      const [above] = computeRiskScore(
        factsCounting(factor, cap + 4),
        DEFAULT_RISK_WEIGHTS,
      ).factors;
      expect(above).toMatchObject({ factor, count: cap + 4, cap, counted: cap, weight });
      expect(above.points).toBe(cap * weight);
    },
  );

  it('applies a cap an admin sets on any factor', () => {
    const weights = { ...DEFAULT_RISK_WEIGHTS, openDefectsBCap: 2 };
    const facts = makeRiskFacts({ openDefects: { A: 0, B: 6, C: 0 } });
    expect(computeRiskScore(facts, weights).score).toBe(2 * DEFAULT_RISK_WEIGHTS.openDefectsB);
    expect(computeRiskScore(facts, DEFAULT_RISK_WEIGHTS).score).toBe(
      6 * DEFAULT_RISK_WEIGHTS.openDefectsB,
    );
  });

  it('puts a property with one open C defect high: half the scale at least', () => {
    const result = computeRiskScore(
      makeRiskFacts({ openDefects: { A: 0, B: 0, C: 1 } }),
      DEFAULT_RISK_WEIGHTS,
    );
    expect(result.score).toBeGreaterThanOrEqual(50);
  });

  it('lets one C defect outweigh every capped minor factor at its cap', () => {
    const oneC = computeRiskScore(
      makeRiskFacts({ openDefects: { A: 0, B: 0, C: 1 } }),
      DEFAULT_RISK_WEIGHTS,
    );
    for (const factor of [
      'openDefectsA',
      'complaintsLast12Months',
      'noAccessLast12Months',
    ] as const) {
      const minor = computeRiskScore(factsCounting(factor, 100), DEFAULT_RISK_WEIGHTS);
      expect(minor.score).toBeLessThan(oneC.score);
    }
  });

  it('caps the score at 100 and keeps the uncapped sum', () => {
    const result = computeRiskScore(
      makeRiskFacts({ openDefects: { A: 4, B: 3, C: 2 }, complaintsLast12Months: 2 }),
      DEFAULT_RISK_WEIGHTS,
    );
    expect(result.uncappedScore).toBe(2 * 50 + 3 * 10 + 4 * 2 + 2 * 4);
    expect(result.score).toBe(100);
  });

  it("adds up the factors' points to the uncapped score", () => {
    const result = computeRiskScore(
      makeRiskFacts({
        openDefects: { A: 3, B: 2, C: 0 },
        notRemediedDefects: 1,
        complaintsLast12Months: 9,
        daysSinceLastInspection: 800,
        overdueOrderItems: 1,
      }),
      DEFAULT_RISK_WEIGHTS,
    );
    const sum = result.factors.reduce((total, factor) => total + factor.points, 0);
    expect(result.uncappedScore).toBe(sum);
    expect(result.score).toBe(Math.min(100, Math.round(sum)));
    expect(sum).toBe(2 * 10 + 3 * 2 + 1 * 10 + 5 * 4 + 2 * 3 + 1 * 8);
  });

  it('lists factors highest first, equal points in the order of RISK_FACTOR_IDS', () => {
    const result = computeRiskScore(
      makeRiskFacts({
        openDefects: { A: 5, B: 1, C: 0 },
        notRemediedDefects: 1,
        overcrowdedUnits: 2,
        complaintsLast12Months: 1,
      }),
      DEFAULT_RISK_WEIGHTS,
    );
    expect(result.factors.map((factor) => [factor.factor, factor.points])).toEqual([
      ['overcrowdedUnits', 30],
      ['openDefectsB', 10],
      ['openDefectsA', 10],
      ['notRemediedDefects', 10],
      ['complaintsLast12Months', 4],
    ]);
  });

  it('leaves out factors whose weight is 0', () => {
    const result = computeRiskScore(
      makeRiskFacts({ openDefects: { A: 0, B: 2, C: 0 }, complaintsLast12Months: 3 }),
      { ...DEFAULT_RISK_WEIGHTS, complaintsLast12Months: 0 },
    );
    expect(result.factors.map((factor) => factor.factor)).toEqual(['openDefectsB']);
  });

  it('rounds a fractional sum to a whole score', () => {
    const weights = uncapped({ complaintsLast12Months: 2.5, noAccessLast12Months: 0.25 });
    const result = computeRiskScore(
      makeRiskFacts({ complaintsLast12Months: 3, noAccessLast12Months: 1 }),
      weights,
    );
    expect(result.uncappedScore).toBe(7.75);
    expect(result.score).toBe(8);
  });

  it('counts whole years since the last inspection, and nothing for never inspected', () => {
    const years = (days: number | null) =>
      computeRiskScore(makeRiskFacts({ daysSinceLastInspection: days }), DEFAULT_RISK_WEIGHTS)
        .factors[0]?.counted ?? 0;
    expect(years(null)).toBe(0);
    expect(years(0)).toBe(0);
    expect(years(364)).toBe(0);
    expect(years(365)).toBe(1);
    expect(years(729)).toBe(1);
    expect(years(730)).toBe(2);
    expect(years(365 * 40)).toBe(5);
  });

  it('treats facts later issues add as 0 while absent', () => {
    const without = computeRiskScore(makeRiskFacts(), DEFAULT_RISK_WEIGHTS);
    const withZero = computeRiskScore(
      makeRiskFacts({ overdueOrderItems: 0, activeClosures: 0 }),
      DEFAULT_RISK_WEIGHTS,
    );
    expect(withZero).toEqual(without);
    expect(computeRiskScore(makeRiskFacts({ activeClosures: 1 }), DEFAULT_RISK_WEIGHTS).score).toBe(
      DEFAULT_RISK_WEIGHTS.activeClosures,
    );
  });

  it('follows the weights: changing one changes the score', () => {
    const facts = makeRiskFacts({ openDefects: { A: 0, B: 2, C: 0 }, overcrowdedUnits: 1 });
    const before = computeRiskScore(facts, DEFAULT_RISK_WEIGHTS).score;
    const after = computeRiskScore(facts, { ...DEFAULT_RISK_WEIGHTS, openDefectsB: 20 }).score;
    expect(before).toBe(2 * 10 + 15);
    expect(after).toBe(2 * 20 + 15);
  });

  it('throws on facts that are not whole numbers, 0 or more, naming them', () => {
    expect(() =>
      computeRiskScore(
        makeRiskFacts({
          openDefects: { A: 0, B: -1, C: 0 },
          complaintsLast12Months: 1.5,
          daysSinceLastInspection: -3,
        }),
        DEFAULT_RISK_WEIGHTS,
      ),
    ).toThrow(
      'Invalid risk facts (not whole numbers, 0 or more): openDefects.B, complaintsLast12Months, daysSinceLastInspection',
    );
  });

  it('throws on invalid weights, naming the field', () => {
    expect(() =>
      computeRiskScore(makeRiskFacts(), { ...DEFAULT_RISK_WEIGHTS, openDefectsC: -1 }),
    ).toThrow('Invalid risk weights: openDefectsC must be a finite number, 0 or more');
  });

  it('labels every factor in German and English', () => {
    for (const factor of RISK_FACTOR_IDS) {
      expect(RISK_FACTOR_LABELS[factor].de).not.toBe('');
      expect(RISK_FACTOR_LABELS[factor].en).not.toBe('');
    }
  });
});
