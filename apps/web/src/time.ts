// Days and times of the authority: inspections are planned and listed by the calendar day in
// Europe/Berlin (as the api counts them), whatever zone the device is set to.

export const authorityTimeZone = 'Europe/Berlin';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: authorityTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** Minutes the authority's zone is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const wall = wallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar day `YYYY-MM-DD` of an instant in the authority's zone. */
export function dayOf(instant: Date | string): string {
  const wall = wallClock(typeof instant === 'string' ? new Date(instant) : instant);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** Today in the authority's zone. */
export const today = (): string => dayOf(new Date());

/** The wall-clock time `HH:MM` of an instant in the authority's zone. */
export function timeOf(instant: Date | string): string {
  const wall = wallClock(typeof instant === 'string' ? new Date(instant) : instant);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** `YYYY-MM-DD` plus or minus whole days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

export const isDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * A wall-clock day and time in the authority's zone as ISO 8601 with its offset
 * (`2026-11-25T09:30:00+01:00`), the form the api wants. Undefined for incomplete input.
 */
export function zonedIso(day: string, time: string): string | undefined {
  const dayMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const timeMatch = /^(\d{2}):(\d{2})/.exec(time);
  if (!dayMatch || !timeMatch) return undefined;
  const [year, month, date] = dayMatch.slice(1).map(Number);
  const [hour, minute] = timeMatch.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, date, hour, minute);
  // The offset at the guessed instant, then again at the corrected one (around a DST change).
  let offset = offsetMinutes(new Date(asUtc));
  offset = offsetMinutes(new Date(asUtc - offset * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${day}T${pad(hour)}:${pad(minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "09:30" (de) or "09:30" (en), in the authority's zone. */
export function formatTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: authorityTimeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** "Mi., 25.11.2026, 09:30" (de), in the authority's zone. */
export function formatDateTime(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: authorityTimeZone,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** "Mittwoch, 25. November 2026" for a day `YYYY-MM-DD`. */
export function formatLongDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}
