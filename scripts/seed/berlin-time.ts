/**
 * Calendar arithmetic for the demo activity: days as `YYYY-MM-DD` in Europe/Berlin (as the app
 * counts legal dates, see `berlinDateOf` in @hausakte/platform) and wall-clock times there turned
 * into instants.
 */

const BERLIN_WALL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function utcOfDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** The wall-clock time in Berlin at `instant`, read as if it were UTC (milliseconds). */
function berlinWallMs(instant: number): number {
  const parts = Object.fromEntries(
    BERLIN_WALL.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/**
 * The instant at which Berlin's clocks show `minuteOfDay` minutes past midnight on `date`.
 * (Demo visits lie between 07:00 and 20:00, clear of the night-time clock changes.)
 */
export function berlinTime(date: string, minuteOfDay: number): Date {
  const wall = utcOfDay(date) + minuteOfDay * 60_000;
  let guess = wall - 3600_000;
  for (let i = 0; i < 3; i++) guess = wall - (berlinWallMs(guess) - guess);
  return new Date(guess);
}

export function addDays(date: string, days: number): string {
  return new Date(utcOfDay(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcOfDay(date)).getUTCDay();
}

/** The day itself if it is Monday to Friday, else the Monday after. */
export function workingDayFrom(date: string): string {
  const day = weekdayOf(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** `dd.mm.yyyy`, as German letters and forms write a date. */
export function germanDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** EXIF's `YYYY:MM:DD HH:MM:SS`, Berlin wall-clock time (EXIF times carry no zone). */
export function exifBerlinTime(instant: Date): string {
  const wall = new Date(berlinWallMs(instant.getTime())).toISOString();
  return `${wall.slice(0, 10).replace(/-/g, ':')} ${wall.slice(11, 19)}`;
}
