/**
 * When the deadline jobs run (DOMAIN.md, Jobs): reminders N days before a deadline and on its
 * day at a configured time of day, the "passed" job the moment a deadline has passed, the "final"
 * job the moment an order's challenge period has passed. Pure.
 *
 * Dates are Berlin calendar dates. The schedule maps those calendar instants to real instants
 * through `toReal`: the identity in production; a compressed clock for fault tests and drills,
 * where a calendar day lasts a few seconds of real time, so deadlines come seconds from now
 * without faking the clock the database and BullMQ see.
 */
import { addDays, type LegalDate } from '../rules/legal-date';
import { isWorkingDay } from '../rules/nrw-holidays';

/** `remind-7`, `remind-1`, … `remind-0` (on the day), `passed`, `final`. */
export type DeadlineJobKind = `remind-${number}` | 'passed' | 'final';

export interface DeadlineScheduleConfig {
  /** Days before a deadline that its officer is reminded, e.g. [7, 1]; the day itself always. */
  remindDaysBefore: readonly number[];
  /** Berlin wall-clock time of the reminders and the digest, `HH:MM` or `HH:MM:SS`. */
  reminderTime: string;
  digestTime: string;
  /** A compressed calendar (tests, drills): from `origin`, one calendar day lasts this long. */
  compression?: { origin: Date; secondsPerDay: number } | null;
}

const DAY_MS = 24 * 3600_000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

const BERLIN_WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function berlinWallClockMs(instant: Date): number {
  const parts = Object.fromEntries(
    BERLIN_WALL_CLOCK.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/**
 * The instant at which Berlin clocks show `time` on `date`. A time skipped by the spring change
 * gives the instant one hour later; a time shown twice in autumn gives the first.
 */
export function berlinInstant(date: LegalDate, time: string): Date {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`not a time of day: ${time}`);
  const [year, month, day] = date.split('-').map(Number);
  const wanted = Date.UTC(
    year,
    month - 1,
    day,
    Number(match[1]),
    Number(match[2]),
    Number(match[3] ?? 0),
  );
  // Berlin is UTC+1 or UTC+2: try the earlier offset first, so an autumn repeat gives the first.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wanted - offsetHours * 3600_000);
    if (berlinWallClockMs(candidate) === wanted) return candidate;
  }
  return new Date(wanted - 3600_000);
}

export class DeadlineSchedule {
  constructor(private readonly config: DeadlineScheduleConfig) {}

  get reminderKinds(): DeadlineJobKind[] {
    const before = [...new Set(this.config.remindDaysBefore)].filter((days) => days > 0);
    return [...before.sort((a, b) => b - a).map((days) => `remind-${days}` as const), 'remind-0'];
  }

  /** Calendar instant → real instant. */
  toReal(calendar: Date): Date {
    const compression = this.config.compression;
    if (!compression) return calendar;
    const origin = compression.origin.getTime();
    const factor = (compression.secondsPerDay * 1000) / DAY_MS;
    return new Date(origin + (calendar.getTime() - origin) * factor);
  }

  /** Real instant → calendar instant (what the calendar says it is now). */
  toCalendar(real: Date): Date {
    const compression = this.config.compression;
    if (!compression) return real;
    const origin = compression.origin.getTime();
    const factor = DAY_MS / (compression.secondsPerDay * 1000);
    return new Date(origin + (real.getTime() - origin) * factor);
  }

  /**
   * When a reminder of `kind` for a deadline on `dueOn` runs (real time): N days before, on the
   * working day before if that is a weekend or NRW holiday (nobody reads a Sunday reminder).
   */
  reminderAt(kind: `remind-${number}`, dueOn: LegalDate): Date {
    const days = Number(kind.slice('remind-'.length));
    let day = addDays(dueOn, -days);
    while (days > 0 && !isWorkingDay(day)) day = addDays(day, -1);
    return this.toReal(berlinInstant(day, this.config.reminderTime));
  }

  /** The moment a deadline has passed: the end of its hour period, else the end of its day. */
  passedAt(dueOn: LegalDate, dueAt: Date | null): Date {
    return this.toReal(dueAt ?? berlinInstant(addDays(dueOn, 1), '00:00'));
  }

  /** The day's digest (real time). */
  digestAt(day: LegalDate): Date {
    return this.toReal(berlinInstant(day, this.config.digestTime));
  }
}
