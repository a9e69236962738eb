import { endsBeforeItStarts, isCurrentOn, periodsOverlap } from './ownership-period';

const period = (validFrom: string, validTo: string | null = null) => ({ validFrom, validTo });

describe('an ownership period, current or past as of a day', () => {
  const sold = period('2019-04-01', '2024-12-31');

  it('is current from its first day to its last day, both included', () => {
    expect(isCurrentOn(sold, '2019-04-01')).toBe(true);
    expect(isCurrentOn(sold, '2022-06-15')).toBe(true);
    expect(isCurrentOn(sold, '2024-12-31')).toBe(true);
  });

  it('is past from the day after its last day', () => {
    expect(isCurrentOn(sold, '2025-01-01')).toBe(false);
  });

  it('is not yet current before its first day (a recorded future sale)', () => {
    expect(isCurrentOn(sold, '2019-03-31')).toBe(false);
  });

  it('without an end stays current', () => {
    expect(isCurrentOn(period('2019-04-01'), '2099-01-01')).toBe(true);
  });

  it('may end on the day it starts, not before', () => {
    expect(endsBeforeItStarts(period('2020-05-05', '2020-05-05'))).toBe(false);
    expect(endsBeforeItStarts(period('2020-05-05', '2020-05-04'))).toBe(true);
    expect(endsBeforeItStarts(period('2020-05-05'))).toBe(false);
  });
});

describe('two ownership periods overlapping', () => {
  it('share no day when one ends the day before the other starts (a sale)', () => {
    expect(periodsOverlap(period('2015-01-01', '2020-12-31'), period('2021-01-01'))).toBe(false);
    expect(periodsOverlap(period('2021-01-01'), period('2015-01-01', '2020-12-31'))).toBe(false);
  });

  it('overlap when one ends on the day the other starts', () => {
    expect(periodsOverlap(period('2015-01-01', '2021-01-01'), period('2021-01-01'))).toBe(true);
  });

  it('overlap when one lies inside the other', () => {
    expect(
      periodsOverlap(period('2015-01-01', '2025-12-31'), period('2018-03-01', '2018-03-31')),
    ).toBe(true);
  });

  it('overlap when both are still running', () => {
    expect(periodsOverlap(period('2015-01-01'), period('2024-01-01'))).toBe(true);
  });

  it('do not overlap when an open period starts after a closed one ended', () => {
    expect(periodsOverlap(period('2024-01-01'), period('2010-01-01', '2012-12-31'))).toBe(false);
  });
});
