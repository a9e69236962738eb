import { resolveItemPeriod } from './default-periods';

// An officer may give an item another period than the default, but must say why.
describe('an officer overriding an item period', () => {
  it('with a reason: the override wins over catalogue and severity', () => {
    expect(
      resolveItemPeriod({
        severity: 'B',
        cataloguePeriod: { unit: 'days', amount: 14 },
        override: {
          period: { unit: 'days', amount: 60 },
          reason: '  Fachfirma erst ab März verfügbar (Angebot liegt vor)  ',
        },
      }),
    ).toEqual({
      ok: true,
      value: {
        period: { unit: 'days', amount: 60 },
        source: 'override',
        overrideReason: 'Fachfirma erst ab März verfügbar (Angebot liegt vor)',
      },
    });
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n\t'],
  ])('with an %s reason: a typed error, no exception', (_, reason) => {
    expect(
      resolveItemPeriod({
        severity: 'C',
        override: { period: { unit: 'hours', amount: 48 }, reason },
      }),
    ).toEqual({
      ok: false,
      error: {
        field: 'override.reason',
        code: 'override_reason_missing',
        message: 'an overridden period needs a reason',
        messageDe: 'eine abweichende Frist braucht eine Begründung',
      },
    });
  });

  it('with an invalid length: a typed error', () => {
    for (const period of [
      { unit: 'days', amount: -5 },
      { unit: 'days', amount: 2.5 },
      { unit: 'weeks', amount: 2 },
    ]) {
      const result = resolveItemPeriod({
        severity: 'A',
        override: { period: period as { unit: 'days'; amount: number }, reason: 'Begründung' },
      });
      expect(!result.ok && result.error.code).toBe('invalid_period');
      expect(!result.ok && result.error.field).toBe('override.period');
    }
  });
});
