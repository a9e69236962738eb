/**
 * The dates of an order once its service is recorded (or projected for a draft): the day of
 * notification, each item's due date, the end of the challenge period; and the flags derived from
 * them and the clock (`final`, `overdue`). Pure: built on the deadline rules only.
 *
 * A period in hours runs from an instant (§ 31 Abs. 6 VwVfG NRW). A delivery records a day, so
 * unless the officer records the time of hand-over (`notifiedAt`), Hausakte takes 12:00 in Berlin
 * on the day of notification: a whole afternoon earlier than midnight would give, never later than
 * a delivery in the morning post really gave.
 */
import { berlinDateOf, type LegalDate } from '../rules/legal-date';
import { type Delivery, type Notification, notificationDate } from '../rules/notification';
import type { PeriodLength } from '../rules/default-periods';
import {
  challengePeriod,
  type LegalRemedyInstructions,
  periodInDays,
  periodInHours,
} from '../rules/periods';
import type { AppliedRule, RuleFieldError, RuleResult } from '../rules/rule-result';
import { isPendingItem, type OrderItemStatus, type OrderStatus } from './order-lifecycle';

export const NOON_RULE: AppliedRule = {
  id: 'period.hours.from_noon_of_notification_day',
  basis: '§ 31 Abs. 6 VwVfG NRW',
};

const BERLIN_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** 12:00 on this day in Berlin (10:00 or 11:00 UTC, by summer time). */
export function berlinNoon(date: LegalDate): Date {
  const [year, month, day] = date.split('-').map(Number);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(year, month - 1, day, 12 - offsetHours));
    if (Number(BERLIN_HOUR.format(candidate)) === 12) return candidate;
  }
  throw new RangeError(`no noon in Berlin on ${date}`);
}

export interface ItemPeriod {
  id: string;
  period: PeriodLength;
}

export interface ItemDueDate {
  id: string;
  /** The last day to act (for an hour period: the Berlin day its end falls on). */
  dueOn: LegalDate;
  /** For an hour period: the instant it ends; null for a period in days. */
  dueAt: Date | null;
  rules: AppliedRule[];
}

export interface OrderDates {
  notification: Notification;
  /** The instant hour periods start from. */
  notifiedAt: Date;
  notifiedAtRule: AppliedRule | null;
  items: ItemDueDate[];
  challengeEndsOn: LegalDate;
  challengeRules: AppliedRule[];
}

/** Prefixes a rule's field error with where the delivery sits in the request. */
function inRequest(error: RuleFieldError, prefix: string): RuleFieldError {
  return { ...error, field: `${prefix}${error.field}` };
}

/**
 * Everything a recorded delivery decides. `notifiedAt`, where the officer recorded the time of
 * hand-over, must fall on the day of notification.
 */
export function orderDates(input: {
  delivery: Delivery;
  notifiedAt?: Date | null;
  items: ItemPeriod[];
  legalRemedyInstructions: LegalRemedyInstructions;
}): RuleResult<OrderDates> {
  const notified = notificationDate(input.delivery);
  if (!notified.ok) return { ok: false, error: inRequest(notified.error, 'delivery.') };
  const notification = notified.value;
  let notifiedAt: Date;
  let notifiedAtRule: AppliedRule | null = null;
  if (input.notifiedAt) {
    if (berlinDateOf(input.notifiedAt) !== notification.notifiedOn) {
      return {
        ok: false,
        error: {
          field: 'notifiedAt',
          code: 'not_on_notification_day',
          message: `must be a time on the day of notification, ${notification.notifiedOn}`,
          messageDe: `muss ein Zeitpunkt am Tag der Bekanntgabe (${notification.notifiedOn}) sein`,
        },
      };
    }
    notifiedAt = input.notifiedAt;
  } else {
    notifiedAt = berlinNoon(notification.notifiedOn);
    notifiedAtRule = NOON_RULE;
  }
  const items = input.items.map((item): ItemDueDate => {
    if (item.period.unit === 'hours') {
      const end = periodInHours({ notifiedAt, hours: item.period.amount });
      return { id: item.id, dueOn: end.endsOn, dueAt: end.endsAt, rules: end.rules };
    }
    const end = periodInDays({ notifiedOn: notification.notifiedOn, days: item.period.amount });
    return { id: item.id, dueOn: end.endsOn, dueAt: null, rules: end.rules };
  });
  const challenge = challengePeriod({
    notifiedOn: notification.notifiedOn,
    legalRemedyInstructions: input.legalRemedyInstructions,
  });
  return {
    ok: true,
    value: {
      notification,
      notifiedAt,
      notifiedAtRule,
      items,
      challengeEndsOn: challenge.endsOn,
      challengeRules: challenge.rules,
    },
  };
}

export type SuitOutcome = 'dismissed' | 'set_aside';

/**
 * Final (bestandskräftig): the challenge period passed without a suit, or the court dismissed it.
 * Counted by the Berlin day: final from the day after the last day to sue. A suit filed after the
 * challenge period ended (`suitLate`) is on file but does not undo finality.
 */
export function isFinalOrder(
  order: {
    status: OrderStatus;
    challengeEndsOn: LegalDate | null;
    suitFiledOn: LegalDate | null;
    suitOutcome: SuitOutcome | null;
    suitLate?: boolean;
  },
  today: LegalDate,
): boolean {
  if (order.status !== 'served' && order.status !== 'closed') return false;
  if (order.suitOutcome === 'dismissed') return true;
  if (order.suitFiledOn !== null && !order.suitLate) return false;
  return order.challengeEndsOn !== null && order.challengeEndsOn < today;
}

/** Was the suit filed after the last day to sue? Then it does not suspend the order. */
export function isLateSuit(filedOn: LegalDate, challengeEndsOn: LegalDate | null): boolean {
  return challengeEndsOn !== null && filedOn > challengeEndsOn;
}

/** Past its due date and its duty still stands. */
export function isOverdueItem(
  item: { status: OrderItemStatus; dueOn: LegalDate | null; dueAt: Date | null },
  now: Date,
  today: LegalDate,
): boolean {
  if (!isPendingItem(item.status) || item.dueOn === null) return false;
  if (item.dueAt !== null) return item.dueAt.getTime() < now.getTime();
  return item.dueOn < today;
}
