/**
 * Public holidays in North Rhine-Westphalia (§ 2 Feiertagsgesetz NW), the days on which a period
 * does not end (§ 31 Abs. 3 VwVfG NRW, § 222 Abs. 2 ZPO).
 *
 * Why no library: `date-holidays` and `feiertagejs` would do this, but neither is installed in
 * this project and the rule modules must stay dependency-free for the browser. NRW's list is
 * small: four movable feasts hang off Easter Sunday, which the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher) gives exactly; the specs check it against published dates.
 *
 * The list is today's (3 October since 1990). One-off holidays are not in it: the 500th
 * Reformation Day, 2017-10-31, was a holiday in NRW too; a period ending that day would be
 * computed one day short. Browser-safe: imports only its sibling.
 */
import { addDays, isLegalDate, legalDate, weekdayOf, yearOf, type LegalDate } from './legal-date';

export type NrwHolidayId =
  | 'new_year'
  | 'good_friday'
  | 'easter_monday'
  | 'labour_day'
  | 'ascension'
  | 'whit_monday'
  | 'corpus_christi'
  | 'german_unity'
  | 'all_saints'
  | 'christmas_day'
  | 'boxing_day';

export interface NrwHoliday {
  date: LegalDate;
  id: NrwHolidayId;
  /** The German name, as letters and screens show it. */
  name: string;
}

/** Fixed-date holidays: month, day. */
const FIXED: ReadonlyArray<{ id: NrwHolidayId; name: string; month: number; day: number }> = [
  { id: 'new_year', name: 'Neujahr', month: 1, day: 1 },
  { id: 'labour_day', name: 'Tag der Arbeit', month: 5, day: 1 },
  { id: 'german_unity', name: 'Tag der Deutschen Einheit', month: 10, day: 3 },
  { id: 'all_saints', name: 'Allerheiligen', month: 11, day: 1 },
  { id: 'christmas_day', name: '1. Weihnachtstag', month: 12, day: 25 },
  { id: 'boxing_day', name: '2. Weihnachtstag', month: 12, day: 26 },
];

/** Movable holidays: days after Easter Sunday. */
const MOVABLE: ReadonlyArray<{ id: NrwHolidayId; name: string; daysAfterEaster: number }> = [
  { id: 'good_friday', name: 'Karfreitag', daysAfterEaster: -2 },
  { id: 'easter_monday', name: 'Ostermontag', daysAfterEaster: 1 },
  { id: 'ascension', name: 'Christi Himmelfahrt', daysAfterEaster: 39 },
  { id: 'whit_monday', name: 'Pfingstmontag', daysAfterEaster: 50 },
  { id: 'corpus_christi', name: 'Fronleichnam', daysAfterEaster: 60 },
];

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): LegalDate {
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return legalDate(year, month, day);
}

const byYear = new Map<number, readonly NrwHoliday[]>();

/** The 11 NRW public holidays of `year`, in calendar order. */
export function nrwHolidays(year: number): readonly NrwHoliday[] {
  const known = byYear.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const holidays = [
    ...FIXED.map(({ id, name, month, day }) => ({ date: legalDate(year, month, day), id, name })),
    ...MOVABLE.map(({ id, name, daysAfterEaster }) => ({
      date: addDays(easter, daysAfterEaster),
      id,
      name,
    })),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(holidays.map((holiday) => Object.freeze(holiday)));
  byYear.set(year, frozen);
  return frozen;
}

/** The NRW holiday on `date`, or null. */
export function nrwHolidayOn(date: LegalDate): NrwHoliday | null {
  return nrwHolidays(yearOf(date)).find((holiday) => holiday.date === date) ?? null;
}

/** Why a day is not a working day, for a screen or letter to explain a moved period end. */
export type NonWorkingReason =
  { kind: 'saturday' } | { kind: 'sunday' } | { kind: 'holiday'; holiday: NrwHoliday };

/** Null on a working day. A holiday that falls on a weekend is reported as the holiday. */
export function nonWorkingReason(date: LegalDate): NonWorkingReason | null {
  const holiday = nrwHolidayOn(date);
  if (holiday) return { kind: 'holiday', holiday };
  const weekday = weekdayOf(date);
  if (weekday === 'saturday' || weekday === 'sunday') return { kind: weekday };
  return null;
}

/** Monday to Friday and not an NRW public holiday. Saturday is not a working day (§ 31 Abs. 3). */
export function isWorkingDay(date: LegalDate): boolean {
  if (!isLegalDate(date)) throw new RangeError(`not a legal date (YYYY-MM-DD): ${String(date)}`);
  return nonWorkingReason(date) === null;
}

/** `date` itself if it is a working day, else the next one. */
export function nextWorkingDayFrom(date: LegalDate): LegalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
