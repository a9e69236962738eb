import { notificationDate } from './notification';
import { periodInDays } from './periods';

const counted = {
  id: 'period.days.counted',
  basis: '§ 31 Abs. 1 und 2 VwVfG NRW i. V. m. §§ 187 Abs. 1, 188 Abs. 1 BGB',
};
const moved = { id: 'period.end_moved_to_working_day', basis: '§ 31 Abs. 3 Satz 1 VwVfG NRW' };

// A repair order for mould (severity B, 30 days) posted on Tuesday 2025-03-18.
describe('a 30-day period whose last day is Easter Monday 2025', () => {
  it('ends on Tuesday 2025-04-22 (§ 31 Abs. 3 Satz 1 VwVfG NRW)', () => {
    const served = notificationDate({ method: 'ordinary_post', postedOn: '2025-03-18' });
    if (!served.ok) throw new Error('expected a notification date');
    // Deemed notified on Saturday 2025-03-22: the deemed day itself is not moved.
    expect(served.value.notifiedOn).toBe('2025-03-22');

    expect(periodInDays({ notifiedOn: served.value.notifiedOn, days: 30 })).toEqual({
      startsOn: '2025-03-23',
      nominalEnd: '2025-04-21',
      endsOn: '2025-04-22',
      movedBecause: {
        kind: 'holiday',
        holiday: { date: '2025-04-21', id: 'easter_monday', name: 'Ostermontag' },
      },
      rules: [counted, moved],
    });
  });

  it('ending on Good Friday skips Saturday, Easter Sunday and Easter Monday', () => {
    const period = periodInDays({ notifiedOn: '2025-03-19', days: 30 });
    expect(period.nominalEnd).toBe('2025-04-18');
    expect(period.endsOn).toBe('2025-04-22');
    expect(period.movedBecause).toEqual({
      kind: 'holiday',
      holiday: { date: '2025-04-18', id: 'good_friday', name: 'Karfreitag' },
    });
  });

  it('ending on the Wednesday after Easter is not moved', () => {
    expect(periodInDays({ notifiedOn: '2025-03-24', days: 30 })).toEqual({
      startsOn: '2025-03-25',
      nominalEnd: '2025-04-23',
      endsOn: '2025-04-23',
      movedBecause: null,
      rules: [counted],
    });
  });

  it('ending on a Saturday ends on the Monday', () => {
    const period = periodInDays({ notifiedOn: '2025-02-20', days: 30 });
    expect(period.nominalEnd).toBe('2025-03-22');
    expect(period.endsOn).toBe('2025-03-24');
    expect(period.movedBecause).toEqual({ kind: 'saturday' });
  });

  it('refuses a period that is not a whole number of days', () => {
    expect(() => periodInDays({ notifiedOn: '2025-03-22', days: 0 })).toThrow(RangeError);
    expect(() => periodInDays({ notifiedOn: '2025-03-22', days: 1.5 })).toThrow(RangeError);
  });
});
