import { periodInDays, periodInHours } from './periods';

const hoursCounted = { id: 'period.hours.counted', basis: '§ 31 Abs. 6 VwVfG NRW' };

// Immediate danger (severity C): a gas smell, 24 hours, order handed over in person.
describe('a period in hours', () => {
  it('24 hours from Friday 15:00 end on Saturday 15:00 (Berlin), not on Monday', () => {
    // Friday 2025-05-30, 15:00 CEST = 13:00 UTC.
    expect(periodInHours({ notifiedAt: new Date('2025-05-30T13:00:00Z'), hours: 24 })).toEqual({
      startsAt: new Date('2025-05-30T13:00:00Z'),
      endsAt: new Date('2025-05-31T13:00:00Z'),
      endsOn: '2025-05-31',
      rules: [hoursCounted],
    });
  });

  it('whereas one day from the same Friday runs to Monday (§ 31 Abs. 3)', () => {
    expect(periodInDays({ notifiedOn: '2025-05-30', days: 1 }).endsOn).toBe('2025-06-02');
  });

  it('72 hours ending on Whit Monday are not moved', () => {
    // Friday 2025-06-06, 10:00 CEST → Whit Monday 2025-06-09, 10:00 CEST.
    const period = periodInHours({ notifiedAt: new Date('2025-06-06T08:00:00Z'), hours: 72 });
    expect(period.endsAt.toISOString()).toBe('2025-06-09T08:00:00.000Z');
    expect(period.endsOn).toBe('2025-06-09');
  });

  it('counts elapsed hours across the switch to summer time', () => {
    // Saturday 2025-03-29, 12:00 CET; the clocks go forward that night: 13:00 CEST on Sunday.
    const period = periodInHours({ notifiedAt: new Date('2025-03-29T11:00:00Z'), hours: 24 });
    expect(period.endsAt.toISOString()).toBe('2025-03-30T11:00:00.000Z');
    expect(period.endsOn).toBe('2025-03-30');
  });

  it('counts elapsed hours across the switch back to winter time', () => {
    // Saturday 2025-10-25, 12:00 CEST; the clocks go back that night: 11:00 CET on Sunday.
    const period = periodInHours({ notifiedAt: new Date('2025-10-25T10:00:00Z'), hours: 24 });
    expect(period.endsAt.toISOString()).toBe('2025-10-26T10:00:00.000Z');
  });

  it('gives the end as a Berlin calendar day', () => {
    // 2025-12-31, 23:00 in Berlin, plus one hour: midnight, New Year's Day.
    const period = periodInHours({ notifiedAt: new Date('2025-12-31T22:00:00Z'), hours: 1 });
    expect(period.endsOn).toBe('2026-01-01');
  });

  it('refuses nonsense as a programming error', () => {
    expect(() => periodInHours({ notifiedAt: new Date('x'), hours: 24 })).toThrow(RangeError);
    expect(() => periodInHours({ notifiedAt: new Date(), hours: 0 })).toThrow(RangeError);
  });
});
