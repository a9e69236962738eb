import { berlinInstant, DeadlineSchedule } from './deadline-schedule';

const schedule = (overrides: Partial<ConstructorParameters<typeof DeadlineSchedule>[0]> = {}) =>
  new DeadlineSchedule({
    remindDaysBefore: [7, 1],
    reminderTime: '07:00',
    digestTime: '06:30',
    ...overrides,
  });

describe('berlinInstant', () => {
  it('reads Berlin wall-clock time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(berlinInstant('2026-01-15', '07:00').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(berlinInstant('2026-07-15', '07:00').toISOString()).toBe('2026-07-15T05:00:00.000Z');
    expect(berlinInstant('2026-07-15', '07:00:30').toISOString()).toBe('2026-07-15T05:00:30.000Z');
  });

  it('gives the first of the two 02:30 in autumn and the hour after a skipped 02:30 in spring', () => {
    expect(berlinInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(berlinInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses a time that is not one', () => {
    expect(() => berlinInstant('2026-01-15', '7 Uhr')).toThrow(RangeError);
  });
});

describe('DeadlineSchedule', () => {
  it('reminds N days before and on the day, largest first, at the reminder time', () => {
    const s = schedule({ remindDaysBefore: [1, 7, 7] });
    expect(s.reminderKinds).toEqual(['remind-7', 'remind-1', 'remind-0']);
    expect(s.reminderAt('remind-7', '2026-12-08').toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(s.reminderAt('remind-0', '2026-12-08').toISOString()).toBe('2026-12-08T06:00:00.000Z');
  });

  it('counts a deadline as passed at the end of its day, or of its hour period', () => {
    const s = schedule();
    expect(s.passedAt('2026-12-08', null).toISOString()).toBe('2026-12-08T23:00:00.000Z');
    const dueAt = new Date('2026-12-08T11:00:00Z');
    expect(s.passedAt('2026-12-08', dueAt)).toEqual(dueAt);
  });

  it('places the digest at its own time of day', () => {
    expect(schedule().digestAt('2026-12-08').toISOString()).toBe('2026-12-08T05:30:00.000Z');
  });

  it('compresses the calendar around its origin and maps back', () => {
    const origin = new Date('2026-12-01T12:00:00Z');
    const s = schedule({ compression: { origin, secondsPerDay: 2 } });
    // One calendar day later is 2 s of real time later.
    expect(s.toReal(new Date('2026-12-02T12:00:00Z')).toISOString()).toBe(
      '2026-12-01T12:00:02.000Z',
    );
    expect(s.toCalendar(new Date('2026-12-01T12:00:03Z')).toISOString()).toBe(
      '2026-12-03T00:00:00.000Z',
    );
    // Real time has millisecond steps: a calendar instant comes back within 43.2 s (one step).
    const calendar = new Date('2026-12-20T07:00:00Z');
    const back = s.toCalendar(s.toReal(calendar));
    expect(Math.abs(back.getTime() - calendar.getTime())).toBeLessThanOrEqual(43_200);
  });
});
