/**
 * Legal dates (`YYYY-MM-DD`) as the authority counts them: in Europe/Berlin, whatever zone the
 * server runs in. Pure: imports nothing, so the browser can use it too.
 */

const CALENDAR_DATE = /^([12]\d{3})-(\d{2})-(\d{2})$/;

/** True for a real day written `YYYY-MM-DD` (years 1000–2999): `2024-02-29` yes, `2023-02-29` no. */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = CALENDAR_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Berlin at `instant`: 2024-12-31T23:30Z is already `2025-01-01` there. */
export function berlinDateOf(instant: Date): string {
  const parts = Object.fromEntries(
    BERLIN_DAY.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}
