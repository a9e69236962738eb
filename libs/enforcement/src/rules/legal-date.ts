/**
 * Legal dates: calendar days written `YYYY-MM-DD`, as the authority counts them in
 * Europe/Berlin. A legal period runs over whole calendar days, so the arithmetic here knows no
 * time zone and no clock: a date is turned into a day number (days since 1970-01-01 on the
 * proleptic Gregorian calendar, computed with `Date.UTC` only as a calendar table) and back.
 * Only `berlinDateOf` looks at an instant, and it asks `Intl` for the day in Berlin.
 *
 * Dates stay plain strings, so they travel through JSON, the database's `date` columns and the
 * browser unchanged; two valid dates compare correctly as strings.
 *
 * Functions that take a `LegalDate` expect a valid one and throw a `RangeError` otherwise: that
 * is a programming error. Text from a user goes through `parseLegalDate` first, which answers
 * with a result instead. Browser-safe: no imports.
 */

/** A calendar day as `YYYY-MM-DD` (Europe/Berlin). */
export type LegalDate = string;

export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export interface LegalDateError {
  code: 'invalid_date';
  /** English, like the API's field errors. */
  message: string;
  messageDe: string;
}

export type LegalDateParse = { ok: true; value: LegalDate } | { ok: false; error: LegalDateError };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Legal dates before the Gregorian calendar or far in the future are typing errors. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

interface Parts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partsOf(text: unknown): Parts | null {
  if (typeof text !== 'string') return null;
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireParts(date: LegalDate): Parts {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`not a legal date (YYYY-MM-DD): ${String(date)}`);
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Builds a date from its parts; `month` is 1–12. Throws if the day does not exist. */
export function legalDate(year: number, month: number, day: number): LegalDate {
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  requireParts(text);
  return text;
}

/** True for a real day written `YYYY-MM-DD` (years 1900–2999): `2024-02-29` yes, `2023-02-29` no. */
export function isLegalDate(text: unknown): text is LegalDate {
  return partsOf(text) !== null;
}

/** Checks text from a user; never throws. */
export function parseLegalDate(text: unknown): LegalDateParse {
  if (isLegalDate(text)) return { ok: true, value: text };
  return {
    ok: false,
    error: {
      code: 'invalid_date',
      message: 'must be a calendar date as YYYY-MM-DD',
      messageDe: 'muss ein Kalenderdatum im Format JJJJ-MM-TT sein',
    },
  };
}

function dayNumberOf(date: LegalDate): number {
  const { year, month, day } = requireParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function dateOfDayNumber(dayNumber: number): LegalDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return legalDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** `days` later (or earlier, if negative). */
export function addDays(date: LegalDate, days: number): LegalDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/**
 * The same day number `months` later; where that month is too short, its last day (the rule of
 * § 188 Abs. 2 and 3 BGB): 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 = 2024-02-29.
 */
export function addMonths(date: LegalDate, months: number): LegalDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number: ${months}`);
  const { year, month, day } = requireParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return legalDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: LegalDate, to: LegalDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

const WEEKDAYS: readonly Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

export function weekdayOf(date: LegalDate): Weekday {
  // Day 0 (1970-01-01) was a Thursday.
  const index = (((dayNumberOf(date) + 4) % 7) + 7) % 7;
  return WEEKDAYS[index];
}

/** -1 if `a` is earlier, 0 if the same day, 1 if later. */
export function compareLegalDates(a: LegalDate, b: LegalDate): -1 | 0 | 1 {
  const difference = dayNumberOf(a) - dayNumberOf(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export function isBefore(a: LegalDate, b: LegalDate): boolean {
  return compareLegalDates(a, b) < 0;
}

export function isAfter(a: LegalDate, b: LegalDate): boolean {
  return compareLegalDates(a, b) > 0;
}

export function yearOf(date: LegalDate): number {
  return requireParts(date).year;
}

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Berlin at `instant`: 2024-12-31T23:30Z is already `2025-01-01` there. */
export function berlinDateOf(instant: Date): LegalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('not a valid instant');
  const parts = Object.fromEntries(
    BERLIN_DAY.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return legalDate(Number(parts.year), Number(parts.month), Number(parts.day));
}
