import { isValidPeriodLength, resolveItemPeriod, type Severity } from '@hausakte/enforcement/rules';
import { DEFAULT_DEFECT_CATALOGUE, type DefaultCatalogueItem } from './default-catalogue';
import { LEGAL_GROUND_IDS, type LegalGroundId } from './legal-grounds';

const CODE_PREFIX: Record<LegalGroundId, string> = {
  s5_1: 'S5-1-',
  s5_2: 'S5-2-',
  s5_3: 'S5-3-',
  s5_4: 'S5-4-',
  s5_5: 'S5-5-',
  s5_6: 'S5-6-',
  s5_7: 'S5-7-',
  s5_other: 'S5-O-',
  s6: 'S6-',
  s9: 'S9-',
  s10: 'S10-',
};

const itemsOf = (ground: LegalGroundId) =>
  DEFAULT_DEFECT_CATALOGUE.filter((item) => item.legalGround === ground);

const byCode = (code: string): DefaultCatalogueItem => {
  const item = DEFAULT_DEFECT_CATALOGUE.find((candidate) => candidate.code === code);
  if (item === undefined) throw new Error(`no catalogue item ${code}`);
  return item;
};

describe('the default defect catalogue', () => {
  it('has between 30 and 60 items', () => {
    expect(DEFAULT_DEFECT_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    expect(DEFAULT_DEFECT_CATALOGUE.length).toBeLessThanOrEqual(60);
  });

  it('gives every item a unique code', () => {
    const codes = DEFAULT_DEFECT_CATALOGUE.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("writes each code as its legal ground's prefix and a two-digit number", () => {
    for (const item of DEFAULT_DEFECT_CATALOGUE) {
      expect(item.code).toMatch(/^S(5-[1-7O]|6|9|10)-\d{2}$/);
      expect(item.code.startsWith(CODE_PREFIX[item.legalGround])).toBe(true);
    }
  });

  it('numbers the items of each ground 01, 02, … without gaps', () => {
    for (const ground of LEGAL_GROUND_IDS) {
      const numbers = itemsOf(ground).map((item) => Number(item.code.slice(-2)));
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
  });

  it('represents every legal ground; § 9 and § 10 with one to three items', () => {
    for (const ground of LEGAL_GROUND_IDS) {
      expect(itemsOf(ground).length).toBeGreaterThanOrEqual(1);
    }
    for (const ground of ['s9', 's10'] as const) {
      expect(itemsOf(ground).length).toBeLessThanOrEqual(3);
    }
  });

  it('has German and English titles and one-sentence descriptions', () => {
    for (const item of DEFAULT_DEFECT_CATALOGUE) {
      for (const text of [item.title.de, item.title.en]) {
        expect(text.trim()).toBe(text);
        expect(text).not.toBe('');
        expect(text).not.toMatch(/\.$/);
      }
      for (const text of [item.description.de, item.description.en]) {
        expect(text).toMatch(/^[A-ZÄÖÜ].*\.$/);
        expect(text.slice(0, -1)).not.toMatch(/[.!?]\s/);
      }
    }
  });

  it('gives every title a distinct German wording', () => {
    const titles = DEFAULT_DEFECT_CATALOGUE.map((item) => item.title.de);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('gives only valid severities and periods, which the period rule accepts', () => {
    for (const item of DEFAULT_DEFECT_CATALOGUE) {
      expect(['A', 'B', 'C']).toContain(item.severity);
      if (item.period !== null) expect(isValidPeriodLength(item.period)).toBe(true);
      const resolved = resolveItemPeriod({
        severity: item.severity,
        cataloguePeriod: item.period,
      });
      expect(resolved).toEqual({
        ok: true,
        value: expect.objectContaining({
          source: item.period === null ? 'severity_default' : 'catalogue',
        }),
      });
    }
  });

  it("leaves most items to their severity's default period", () => {
    const ownPeriods = DEFAULT_DEFECT_CATALOGUE.filter((item) => item.period !== null);
    expect(ownPeriods.length).toBeGreaterThan(0);
    expect(ownPeriods.length).toBeLessThanOrEqual(5);
  });

  it('gives a missing smoke alarm 14 days', () => {
    expect(byCode('S5-O-03').title.de).toMatch(/Rauchwarnmelder/);
    expect(byCode('S5-O-03').period).toEqual({ unit: 'days', amount: 14 });
  });

  // DOMAIN.md's severity table, example by example.
  it.each([
    ['gas smell', 'S5-1-01', /Gasgeruch/, 'C'],
    ['live wires', 'S5-1-02', /spannungsführende Leitungen/, 'C'],
    ['no heating in the heating season', 'S5-2-01', /Keine Heizung in der Heizperiode/, 'C'],
    ['blocked escape route', 'S5-O-01', /Rettungsweg versperrt/, 'C'],
    ['collapse risk', 'S6-01', /Einsturzgefahr/, 'C'],
    ['mould over large areas', 'S5-5-01', /Großflächiger Schimmelbefall/, 'B'],
    ['broken window', 'S5-5-03', /Fensterscheibe zerbrochen/, 'B'],
    ['no hot water', 'S5-3-01', /Keine Warmwasserversorgung/, 'B'],
    ['broken door lock', 'S5-O-02', /Türschloss defekt/, 'B'],
    ['missing smoke alarm', 'S5-O-03', /Rauchwarnmelder fehlt/, 'B'],
    ['dripping tap', 'S5-3-07', /Tropfender Wasserhahn/, 'A'],
    ['worn floor covering', 'S6-07', /Bodenbelag abgenutzt/, 'A'],
    ['peeling paint', 'S6-08', /Abblätternder Anstrich/, 'A'],
  ] as [string, string, RegExp, Severity][])(
    'classes %s (%s) as %s',
    (_example, code, title, severity) => {
      const item = byCode(code);
      expect(item.title.de).toMatch(title);
      expect(item.severity).toBe(severity);
    },
  );

  it('has items of every severity in good number', () => {
    const count = (severity: Severity) =>
      DEFAULT_DEFECT_CATALOGUE.filter((item) => item.severity === severity).length;
    expect(count('C')).toBeGreaterThanOrEqual(5);
    expect(count('B')).toBeGreaterThanOrEqual(10);
    expect(count('A')).toBeGreaterThanOrEqual(5);
  });
});
