/**
 * The end of a period set in an order, and of the period for a legal challenge, counted from the
 * day of notification (see `notification.ts`).
 *
 * - A period in days starts the day after notification (§ 31 Abs. 2 VwVfG NRW, § 187 Abs. 1
 *   BGB) and ends with its last day (§ 188 Abs. 1 BGB). If that day is a Saturday, Sunday or NRW
 *   public holiday, it ends with the next working day (§ 31 Abs. 3 Satz 1) — unless the order
 *   names the end day and points out that it is not moved (§ 31 Abs. 3 Satz 2).
 * - A period in hours counts Saturdays, Sundays and holidays (§ 31 Abs. 6): it ends the given
 *   number of elapsed hours after the instant of notification, and is never moved.
 * - The challenge period is one month from notification (§ 74 Abs. 1 Satz 2 VwGO), counted by
 *   § 57 Abs. 2 VwGO with § 222 Abs. 1 ZPO and § 188 Abs. 2 and 3 BGB (notified 31 January: ends
 *   with the last day of February), then moved off a weekend or holiday (§ 222 Abs. 2 ZPO); one
 *   year if the instructions on legal remedies are missing or wrong (§ 58 Abs. 2 VwGO).
 *
 * Every result carries the rules applied, in the order they were applied. Browser-safe: imports
 * only its siblings.
 */
import {
  addDays,
  addMonths,
  berlinDateOf,
  isBefore,
  isLegalDate,
  type LegalDate,
} from './legal-date';
import { nextWorkingDayFrom, nonWorkingReason, type NonWorkingReason } from './nrw-holidays';
import type { AppliedRule, RuleResult } from './rule-result';

export const PERIOD_RULES = {
  daysCounted: {
    id: 'period.days.counted',
    basis: '§ 31 Abs. 1 und 2 VwVfG NRW i. V. m. §§ 187 Abs. 1, 188 Abs. 1 BGB',
  },
  fixedEnd: {
    id: 'period.fixed_end',
    basis: '§ 31 Abs. 1 und 2 VwVfG NRW',
  },
  endMovedToWorkingDay: {
    id: 'period.end_moved_to_working_day',
    basis: '§ 31 Abs. 3 Satz 1 VwVfG NRW',
  },
  fixedEndNotMoved: {
    id: 'period.fixed_end_not_moved',
    basis: '§ 31 Abs. 3 Satz 2 VwVfG NRW',
  },
  hoursCounted: {
    id: 'period.hours.counted',
    basis: '§ 31 Abs. 6 VwVfG NRW',
  },
  challengeOneMonth: {
    id: 'challenge.one_month',
    basis:
      '§ 74 Abs. 1 Satz 2 VwGO; § 57 Abs. 2 VwGO i. V. m. § 222 Abs. 1 ZPO, §§ 187 Abs. 1, 188 Abs. 2 und 3 BGB',
  },
  challengeOneYear: {
    id: 'challenge.one_year_without_instructions',
    basis:
      '§ 58 Abs. 2 VwGO; § 57 Abs. 2 VwGO i. V. m. § 222 Abs. 1 ZPO, §§ 187 Abs. 1, 188 Abs. 2 und 3 BGB',
  },
  challengeEndMoved: {
    id: 'challenge.end_moved_to_working_day',
    basis: '§ 57 Abs. 2 VwGO i. V. m. § 222 Abs. 2 ZPO',
  },
} as const satisfies Record<string, AppliedRule>;

export interface DayPeriodEnd {
  /** The first day of the period: the day after notification. */
  startsOn: LegalDate;
  /** The day the count (or the order) gives, before any move off a non-working day. */
  nominalEnd: LegalDate;
  /** The last day to act. */
  endsOn: LegalDate;
  /** Why `nominalEnd` was moved; null if it was not. */
  movedBecause: NonWorkingReason | null;
  rules: AppliedRule[];
}

function requireDate(name: string, date: LegalDate): void {
  if (!isLegalDate(date)) throw new RangeError(`${name} is not a legal date: ${String(date)}`);
}

function requirePositiveWhole(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a whole number of at least 1: ${value}`);
  }
}

/** § 31 Abs. 3 Satz 1: the nominal end, or the next working day after it. */
function endOnWorkingDay(
  startsOn: LegalDate,
  nominalEnd: LegalDate,
  rules: AppliedRule[],
  moveRule: AppliedRule,
): DayPeriodEnd {
  const movedBecause = nonWorkingReason(nominalEnd);
  if (!movedBecause) return { startsOn, nominalEnd, endsOn: nominalEnd, movedBecause, rules };
  return {
    startsOn,
    nominalEnd,
    endsOn: nextWorkingDayFrom(nominalEnd),
    movedBecause,
    rules: [...rules, moveRule],
  };
}

/**
 * A period of `days` days from notification: 30 days from a notification on 2025-03-22 end on
 * 2025-04-21, Easter Monday, so they end on Tuesday 2025-04-22. `days` comes from the resolved
 * item period (`default-periods.ts`); anything but a whole number ≥ 1 is a programming error.
 */
export function periodInDays(input: { notifiedOn: LegalDate; days: number }): DayPeriodEnd {
  requireDate('notifiedOn', input.notifiedOn);
  requirePositiveWhole('days', input.days);
  const startsOn = addDays(input.notifiedOn, 1);
  const nominalEnd = addDays(input.notifiedOn, input.days);
  return endOnWorkingDay(
    startsOn,
    nominalEnd,
    [PERIOD_RULES.daysCounted],
    PERIOD_RULES.endMovedToWorkingDay,
  );
}

export type FixedEndErrorCode = 'invalid_date' | 'fixed_end_before_start';

/**
 * A period that ends on a day the order names. If the order points out that this day is the end
 * whatever it falls on (`noticeOfFixedEnd`, § 31 Abs. 3 Satz 2), it is not moved; otherwise
 * § 31 Abs. 3 Satz 1 moves it off a weekend or holiday like any other period end. A named day
 * before the period starts (the order was served too late) is a field error.
 */
export function periodToFixedEnd(input: {
  notifiedOn: LegalDate;
  endsOn: LegalDate;
  noticeOfFixedEnd: boolean;
}): RuleResult<DayPeriodEnd, FixedEndErrorCode> {
  const invalid = (['notifiedOn', 'endsOn'] as const).find((field) => !isLegalDate(input[field]));
  if (invalid) {
    return {
      ok: false,
      error: {
        field: invalid,
        code: 'invalid_date',
        message: 'must be a calendar date as YYYY-MM-DD',
        messageDe: 'muss ein Kalenderdatum im Format JJJJ-MM-TT sein',
      },
    };
  }
  const startsOn = addDays(input.notifiedOn, 1);
  if (isBefore(input.endsOn, startsOn)) {
    return {
      ok: false,
      error: {
        field: 'endsOn',
        code: 'fixed_end_before_start',
        message: 'the named end day must be after the day of notification',
        messageDe: 'das genannte Fristende muss nach dem Tag der Bekanntgabe liegen',
      },
    };
  }
  if (input.noticeOfFixedEnd) {
    return {
      ok: true,
      value: {
        startsOn,
        nominalEnd: input.endsOn,
        endsOn: input.endsOn,
        movedBecause: null,
        rules: [PERIOD_RULES.fixedEnd, PERIOD_RULES.fixedEndNotMoved],
      },
    };
  }
  return {
    ok: true,
    value: endOnWorkingDay(
      startsOn,
      input.endsOn,
      [PERIOD_RULES.fixedEnd],
      PERIOD_RULES.endMovedToWorkingDay,
    ),
  };
}

export interface HourPeriodEnd {
  startsAt: Date;
  /** The instant the period ends: `hours` elapsed hours after notification. */
  endsAt: Date;
  /** The Berlin calendar day of `endsAt`, for lists and reminders. */
  endsOn: LegalDate;
  rules: AppliedRule[];
}

const MS_PER_HOUR = 3_600_000;

/**
 * A period of `hours` hours from the instant of notification (immediate danger). Weekends and
 * holidays count and the end is never moved (§ 31 Abs. 6). Hours are elapsed hours: 24 hours
 * across the switch to summer time end at 13:00 on a clock that read 12:00 at the start.
 */
export function periodInHours(input: { notifiedAt: Date; hours: number }): HourPeriodEnd {
  if (Number.isNaN(input.notifiedAt.getTime())) throw new RangeError('notifiedAt is not valid');
  requirePositiveWhole('hours', input.hours);
  const startsAt = new Date(input.notifiedAt.getTime());
  const endsAt = new Date(startsAt.getTime() + input.hours * MS_PER_HOUR);
  return { startsAt, endsAt, endsOn: berlinDateOf(endsAt), rules: [PERIOD_RULES.hoursCounted] };
}

/** Were the instructions on legal remedies (Rechtsbehelfsbelehrung) in the order right? */
export type LegalRemedyInstructions = 'correct' | 'missing' | 'wrong';

export interface ChallengePeriodEnd {
  /** One month (or one year) after notification, before a move off a non-working day. */
  nominalEnd: LegalDate;
  /** The last day to file a suit at the administrative court. */
  endsOn: LegalDate;
  movedBecause: NonWorkingReason | null;
  rules: AppliedRule[];
}

/**
 * The last day to challenge the order in court. Counted in months from the day of notification:
 * the day of the next month with the same number, or that month's last day if it has none
 * (notified 2025-01-31: 2025-02-28; in a leap year 2024-02-29). One year (12 months: notified
 * 2024-02-29, ends 2025-02-28) if the instructions were missing or wrong. Then moved to the next
 * working day (§ 222 Abs. 2 ZPO).
 */
export function challengePeriod(input: {
  notifiedOn: LegalDate;
  legalRemedyInstructions: LegalRemedyInstructions;
}): ChallengePeriodEnd {
  requireDate('notifiedOn', input.notifiedOn);
  const oneYear = input.legalRemedyInstructions !== 'correct';
  const nominalEnd = addMonths(input.notifiedOn, oneYear ? 12 : 1);
  const rules: AppliedRule[] = [
    oneYear ? PERIOD_RULES.challengeOneYear : PERIOD_RULES.challengeOneMonth,
  ];
  const movedBecause = nonWorkingReason(nominalEnd);
  if (!movedBecause) return { nominalEnd, endsOn: nominalEnd, movedBecause, rules };
  return {
    nominalEnd,
    endsOn: nextWorkingDayFrom(nominalEnd),
    movedBecause,
    rules: [...rules, PERIOD_RULES.challengeEndMoved],
  };
}
