import { resolveItemPeriod, SEVERITY_DEFAULT_PERIODS } from './default-periods';

describe('the period of an order item', () => {
  it('defaults by severity: C 24 hours, B 30 days, A 90 days', () => {
    expect(SEVERITY_DEFAULT_PERIODS).toEqual({
      C: { unit: 'hours', amount: 24 },
      B: { unit: 'days', amount: 30 },
      A: { unit: 'days', amount: 90 },
    });
    expect(resolveItemPeriod({ severity: 'C' })).toEqual({
      ok: true,
      value: {
        period: { unit: 'hours', amount: 24 },
        source: 'severity_default',
        overrideReason: null,
      },
    });
    expect(resolveItemPeriod({ severity: 'B', cataloguePeriod: null })).toEqual({
      ok: true,
      value: {
        period: { unit: 'days', amount: 30 },
        source: 'severity_default',
        overrideReason: null,
      },
    });
    expect(resolveItemPeriod({ severity: 'A' })).toEqual({
      ok: true,
      value: {
        period: { unit: 'days', amount: 90 },
        source: 'severity_default',
        overrideReason: null,
      },
    });
  });

  it("takes the catalogue item's own period over the severity's", () => {
    // e.g. "missing smoke alarm" (B) with 14 days in the city's catalogue.
    expect(
      resolveItemPeriod({ severity: 'B', cataloguePeriod: { unit: 'days', amount: 14 } }),
    ).toEqual({
      ok: true,
      value: { period: { unit: 'days', amount: 14 }, source: 'catalogue', overrideReason: null },
    });
  });

  it('does not let a caller change the default table', () => {
    const resolved = resolveItemPeriod({ severity: 'B' });
    if (resolved.ok) resolved.value.period.amount = 1;
    expect(SEVERITY_DEFAULT_PERIODS.B.amount).toBe(30);
    expect(Object.isFrozen(SEVERITY_DEFAULT_PERIODS.B)).toBe(true);
  });

  it('refuses a broken catalogue period and an unknown severity with field errors', () => {
    const broken = resolveItemPeriod({
      severity: 'A',
      cataloguePeriod: { unit: 'days', amount: 0 },
    });
    expect(!broken.ok && broken.error.code).toBe('invalid_period');
    expect(!broken.ok && broken.error.field).toBe('cataloguePeriod');
    const unknown = resolveItemPeriod({ severity: 'D' as 'A' });
    expect(!unknown.ok && unknown.error.code).toBe('invalid_severity');
  });
});
