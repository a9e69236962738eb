import { berlinDateOf, isCalendarDate } from './calendar-date';

describe('legal dates', () => {
  it.each(['2024-02-29', '2025-12-31', '2019-04-01', '1999-01-01'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    ['a day that does not exist', '2023-02-29'],
    ['the 31st of a 30-day month', '2024-04-31'],
    ['month 13', '2024-13-01'],
    ['day 0', '2024-01-00'],
    ['a time of day', '2024-01-01T00:00:00Z'],
    ['German order', '01.04.2019'],
    ['no leading zeros', '2024-1-1'],
    ['year 0', '0000-01-01'],
    ['an empty string', ''],
  ])('refuses %s (%s)', (_, text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isCalendarDate(20240101)).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });

  it('counts the day in Berlin, not in UTC', () => {
    // 23:30 UTC on New Year's Eve is 00:30 on New Year's Day in Berlin (CET, +1).
    expect(berlinDateOf(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    // In summer (CEST, +2) 22:30 UTC is already the next day.
    expect(berlinDateOf(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
    expect(berlinDateOf(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
  });
});
