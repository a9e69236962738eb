import { formatIsoDate, formatNumber } from './number-format';

describe('numbers and dates in explanations', () => {
  it.each([
    [54, 1, 2, '54,0', '54.0'],
    [1234.567, 1, 2, '1.234,56', '1,234.56'],
    [0.29, 1, 2, '0,29', '0.29'],
    [9.994, 1, 1, '9,9', '9.9'],
    [10, 1, 1, '10,0', '10.0'],
    [70, 0, 2, '70', '70'],
  ])(
    'writes %p with %p–%p decimals as %s (de) and %s (en), cut not rounded',
    (v, min, max, de, en) => {
      expect(formatNumber(v, 'de', min, max)).toBe(de);
      expect(formatNumber(v, 'en', min, max)).toBe(en);
    },
  );

  it('writes legal dates German-style in German', () => {
    expect(formatIsoDate('2014-04-30', 'de')).toBe('30.04.2014');
    expect(formatIsoDate('2014-04-30', 'en')).toBe('2014-04-30');
  });
});
