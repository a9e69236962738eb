import { periodToFixedEnd } from './periods';

const fixedEnd = { id: 'period.fixed_end', basis: '§ 31 Abs. 1 und 2 VwVfG NRW' };
const notMoved = { id: 'period.fixed_end_not_moved', basis: '§ 31 Abs. 3 Satz 2 VwVfG NRW' };
const moved = { id: 'period.end_moved_to_working_day', basis: '§ 31 Abs. 3 Satz 1 VwVfG NRW' };

// The order names a day ("bis zum 31.05.2025") instead of a number of days.
describe('a period to a named end day', () => {
  it('named with the notice of § 31 Abs. 3 Satz 2: Saturday 2025-05-31 stays the end', () => {
    expect(
      periodToFixedEnd({ notifiedOn: '2025-05-02', endsOn: '2025-05-31', noticeOfFixedEnd: true }),
    ).toEqual({
      ok: true,
      value: {
        startsOn: '2025-05-03',
        nominalEnd: '2025-05-31',
        endsOn: '2025-05-31',
        movedBecause: null,
        rules: [fixedEnd, notMoved],
      },
    });
  });

  it('named without that notice: Saturday 2025-05-31 moves to Monday 2025-06-02', () => {
    expect(
      periodToFixedEnd({ notifiedOn: '2025-05-02', endsOn: '2025-05-31', noticeOfFixedEnd: false }),
    ).toEqual({
      ok: true,
      value: {
        startsOn: '2025-05-03',
        nominalEnd: '2025-05-31',
        endsOn: '2025-06-02',
        movedBecause: { kind: 'saturday' },
        rules: [fixedEnd, moved],
      },
    });
  });

  it('on Ascension Day 2025-05-29: kept with the notice, Friday 2025-05-30 without', () => {
    const kept = periodToFixedEnd({
      notifiedOn: '2025-05-02',
      endsOn: '2025-05-29',
      noticeOfFixedEnd: true,
    });
    const shifted = periodToFixedEnd({
      notifiedOn: '2025-05-02',
      endsOn: '2025-05-29',
      noticeOfFixedEnd: false,
    });
    expect(kept.ok && kept.value.endsOn).toBe('2025-05-29');
    expect(shifted.ok && shifted.value.endsOn).toBe('2025-05-30');
  });

  it('may end on the day after notification, the first day of the period', () => {
    const result = periodToFixedEnd({
      notifiedOn: '2025-06-03',
      endsOn: '2025-06-04',
      noticeOfFixedEnd: true,
    });
    expect(result.ok && result.value.endsOn).toBe('2025-06-04');
  });

  it('served on or after the named day: a field error, not an exception', () => {
    expect(
      periodToFixedEnd({ notifiedOn: '2025-06-03', endsOn: '2025-06-03', noticeOfFixedEnd: true }),
    ).toEqual({
      ok: false,
      error: {
        field: 'endsOn',
        code: 'fixed_end_before_start',
        message: 'the named end day must be after the day of notification',
        messageDe: 'das genannte Fristende muss nach dem Tag der Bekanntgabe liegen',
      },
    });
  });

  it('a malformed named day: a field error', () => {
    const result = periodToFixedEnd({
      notifiedOn: '2025-06-03',
      endsOn: '31.06.2025',
      noticeOfFixedEnd: true,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.field).toBe('endsOn');
    expect(!result.ok && result.error.code).toBe('invalid_date');
  });
});
