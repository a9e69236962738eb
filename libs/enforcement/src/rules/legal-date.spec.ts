import {
  addDays,
  addMonths,
  berlinDateOf,
  compareLegalDates,
  daysBetween,
  isLegalDate,
  legalDate,
  parseLegalDate,
  weekdayOf,
} from './legal-date';

describe('legal dates as YYYY-MM-DD', () => {
  it.each(['2024-02-29', '2025-12-31', '1999-01-01'])('accepts %s', (text) => {
    expect(isLegalDate(text)).toBe(true);
    expect(parseLegalDate(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['a day that does not exist', '2025-02-29'],
    ['the 31st of a 30-day month', '2025-04-31'],
    ['month 13', '2025-13-01'],
    ['a time of day', '2025-01-01T00:00:00Z'],
    ['German order', '01.04.2025'],
    ['no leading zeros', '2025-1-1'],
    ['an empty string', ''],
  ])('refuses %s (%s) with a field error, not an exception', (_, text) => {
    expect(isLegalDate(text)).toBe(false);
    expect(parseLegalDate(text)).toEqual({
      ok: false,
      error: {
        code: 'invalid_date',
        message: 'must be a calendar date as YYYY-MM-DD',
        messageDe: 'muss ein Kalenderdatum im Format JJJJ-MM-TT sein',
      },
    });
  });

  it('refuses what is not a string', () => {
    expect(isLegalDate(20250101)).toBe(false);
    expect(parseLegalDate(null).ok).toBe(false);
  });

  it('treats a malformed date passed to arithmetic as a programming error', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => legalDate(2025, 2, 29)).toThrow(RangeError);
  });
});

describe('calendar arithmetic without time zones', () => {
  it('adds days across months, years and a leap day', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    // Across the switch to summer time (2025-03-30) a day is still a day.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
  });

  it('adds months keeping the day number, or the last day of a shorter month', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonths('2025-02-28', 1)).toBe('2025-03-28');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2025-03-10', '2025-03-09')).toBe(-1);
  });

  it('names the weekday', () => {
    expect(weekdayOf('2025-04-21')).toBe('monday');
    expect(weekdayOf('2025-03-22')).toBe('saturday');
    expect(weekdayOf('2026-02-28')).toBe('saturday');
    expect(weekdayOf('2024-02-29')).toBe('thursday');
    expect(weekdayOf('1970-01-01')).toBe('thursday');
    expect(weekdayOf('1969-12-31')).toBe('wednesday');
  });

  it('compares dates', () => {
    expect(compareLegalDates('2025-01-06', '2025-01-07')).toBe(-1);
    expect(compareLegalDates('2025-01-07', '2025-01-07')).toBe(0);
    expect(compareLegalDates('2026-01-01', '2025-12-31')).toBe(1);
  });
});

describe('the Berlin calendar day of an instant', () => {
  it('is the day in Berlin, not in UTC', () => {
    // Winter (CET, UTC+1): 23:30 UTC on New Year's Eve is already New Year's Day in Berlin.
    expect(berlinDateOf(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(berlinDateOf(new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
    // Summer (CEST, UTC+2).
    expect(berlinDateOf(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01');
    expect(berlinDateOf(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
  });

  it('refuses an invalid instant', () => {
    expect(() => berlinDateOf(new Date('not a date'))).toThrow(RangeError);
  });
});
