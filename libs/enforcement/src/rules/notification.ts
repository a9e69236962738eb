/**
 * The day an order counts as notified (Bekanntgabe) or served (Zustellung), by the way it was
 * delivered. Every period of the order and the challenge period start from this day.
 *
 * - ordinary post: the 4th day after posting for letters posted from 2025-01-01, the 3rd day
 *   before (§ 41 Abs. 2 Satz 1 VwVfG NRW). The deemed day itself is not moved off a weekend or
 *   holiday: only the end of a period is (§ 31 Abs. 3).
 * - registered mail, as hand-over or with return receipt (§ 4 LZG NRW): the same 4th/3rd-day
 *   rule; with a return receipt, the date on the receipt (§ 4 Abs. 2 Satz 1 LZG NRW).
 * - postal service certificate (§ 3 LZG NRW): the date on the certificate.
 * - personal delivery against receipt (§ 5 LZG NRW): the day of hand-over.
 * - Where the law presumes a day (post, registered mail without a receipt date), a proven later
 *   actual receipt wins (§ 41 Abs. 2 Satz 3 VwVfG NRW, § 4 Abs. 2 Satz 2 LZG NRW). An earlier
 *   receipt does not: the presumed day stands.
 *
 * The presumed days are dated data (`DEEMED_DAY_RULES`), chosen by the posting day, so a letter
 * posted in 2024 keeps its 3rd day. Browser-safe: imports only its siblings.
 */
import { addDays, isBefore, isLegalDate, type LegalDate } from './legal-date';
import type { AppliedRule, RuleFieldError, RuleResult } from './rule-result';

export type DeliveryMethod =
  | 'ordinary_post'
  | 'registered_handover'
  | 'registered_return_receipt'
  | 'postal_service_certificate'
  | 'personal_delivery';

interface DeliveryMethodRule {
  /** Formal service (Zustellung): required to threaten a coercive fine (§ 63 VwVG NRW). */
  formalService: boolean;
  basis: string;
}

/**
 * The delivery methods Hausakte records. Registered mail dropped into the letter box
 * (Einwurf-Einschreiben) is not formal service under § 4 LZG NRW: record it as ordinary post.
 */
export const DELIVERY_METHODS: Readonly<Record<DeliveryMethod, DeliveryMethodRule>> = {
  ordinary_post: { formalService: false, basis: '§ 41 Abs. 2 VwVfG NRW' },
  registered_handover: { formalService: true, basis: '§ 4 LZG NRW' },
  registered_return_receipt: { formalService: true, basis: '§ 4 LZG NRW' },
  postal_service_certificate: { formalService: true, basis: '§ 3 LZG NRW' },
  personal_delivery: { formalService: true, basis: '§ 5 LZG NRW' },
};

export function isDeliveryMethod(text: unknown): text is DeliveryMethod {
  return typeof text === 'string' && Object.hasOwn(DELIVERY_METHODS, text);
}

/**
 * Formal service under the LZG NRW. A threat of a coercive fine must be served formally
 * (§ 63 VwVG NRW): postal service certificate, registered mail, personal delivery; ordinary
 * post is not enough.
 */
export function isFormalService(method: DeliveryMethod): boolean {
  return DELIVERY_METHODS[method].formalService;
}

/** A presumed day of notification, valid for letters posted within [postedFrom, postedUntil]. */
export interface DeemedDayRule extends AppliedRule {
  /** First posting day it applies to; null: no lower bound. */
  postedFrom: LegalDate | null;
  /** Last posting day it applies to; null: still in force. */
  postedUntil: LegalDate | null;
  daysAfterPosting: number;
}

type PostalFamily = 'post' | 'registered_mail';

export const DEEMED_DAY_RULES: Readonly<Record<PostalFamily, readonly DeemedDayRule[]>> = {
  post: [
    {
      id: 'notification.post.third_day',
      basis: '§ 41 Abs. 2 Satz 1 VwVfG NRW (Fassung bis 31.12.2024)',
      postedFrom: null,
      postedUntil: '2024-12-31',
      daysAfterPosting: 3,
    },
    {
      id: 'notification.post.fourth_day',
      basis: '§ 41 Abs. 2 Satz 1 VwVfG NRW',
      postedFrom: '2025-01-01',
      postedUntil: null,
      daysAfterPosting: 4,
    },
  ],
  registered_mail: [
    {
      id: 'notification.registered_mail.third_day',
      basis: '§ 4 Abs. 2 Satz 2 LZG NRW (Fassung bis 31.12.2024)',
      postedFrom: null,
      postedUntil: '2024-12-31',
      daysAfterPosting: 3,
    },
    {
      id: 'notification.registered_mail.fourth_day',
      basis: '§ 4 Abs. 2 Satz 2 LZG NRW',
      postedFrom: '2025-01-01',
      postedUntil: null,
      daysAfterPosting: 4,
    },
  ],
};

export const NOTIFICATION_RULES = {
  postLaterReceipt: {
    id: 'notification.post.later_receipt_proven',
    basis: '§ 41 Abs. 2 Satz 3 VwVfG NRW',
  },
  registeredMailLaterReceipt: {
    id: 'notification.registered_mail.later_receipt_proven',
    basis: '§ 4 Abs. 2 Satz 2 und 3 LZG NRW',
  },
  returnReceipt: {
    id: 'notification.registered_mail.return_receipt',
    basis: '§ 4 Abs. 2 Satz 1 LZG NRW',
  },
  postalServiceCertificate: {
    id: 'notification.postal_service_certificate',
    basis: '§ 3 LZG NRW',
  },
  personalDelivery: {
    id: 'notification.personal_delivery',
    basis: '§ 5 LZG NRW',
  },
} as const satisfies Record<string, AppliedRule>;

/** What was recorded about a delivery. Optional dates may be absent or null (not recorded). */
export type Delivery =
  | {
      method: 'ordinary_post' | 'registered_handover';
      /** Day of posting (Aufgabe zur Post), as noted in the file. */
      postedOn: LegalDate;
      /** Day the addressee actually received it, where proven. Counts only if later. */
      provenReceiptOn?: LegalDate | null;
    }
  | {
      method: 'registered_return_receipt';
      postedOn: LegalDate;
      /** Date on the signed return receipt (Rückschein), once it is back. */
      returnReceiptOn?: LegalDate | null;
      /** Without a receipt date: a proven later actual receipt. */
      provenReceiptOn?: LegalDate | null;
    }
  | {
      method: 'postal_service_certificate';
      /** Date on the certificate (Postzustellungsurkunde). */
      certificateOn: LegalDate;
    }
  | {
      method: 'personal_delivery';
      /** Day of hand-over, as on the acknowledgement of receipt. */
      handedOverOn: LegalDate;
    };

export interface Notification {
  method: DeliveryMethod;
  /** The day of notification or service. Periods start the day after. */
  notifiedOn: LegalDate;
  /** The rule that decided `notifiedOn`. */
  rule: AppliedRule;
  /** The day the law presumes, where it presumes one; shown next to a proven later receipt. */
  deemedOn: LegalDate | null;
  formalService: boolean;
}

export type NotificationErrorCode = 'invalid_date' | 'receipt_before_posting' | 'no_rule_for_date';

function fieldError(
  field: string,
  code: NotificationErrorCode,
): { ok: false; error: RuleFieldError<NotificationErrorCode> } {
  const texts: Record<NotificationErrorCode, { message: string; messageDe: string }> = {
    invalid_date: {
      message: 'must be a calendar date as YYYY-MM-DD',
      messageDe: 'muss ein Kalenderdatum im Format JJJJ-MM-TT sein',
    },
    receipt_before_posting: {
      message: 'cannot be before the day of posting',
      messageDe: 'kann nicht vor dem Tag der Aufgabe zur Post liegen',
    },
    no_rule_for_date: {
      message: 'no notification rule covers this day of posting',
      messageDe: 'für diesen Tag der Aufgabe zur Post ist keine Bekanntgaberegel hinterlegt',
    },
  };
  return { ok: false, error: { field, code, ...texts[code] } };
}

/** The dated rule in force for a letter posted on `postedOn`. */
export function deemedDayRuleFor(family: PostalFamily, postedOn: LegalDate): DeemedDayRule | null {
  return (
    DEEMED_DAY_RULES[family].find(
      (rule) =>
        (rule.postedFrom === null || rule.postedFrom <= postedOn) &&
        (rule.postedUntil === null || postedOn <= rule.postedUntil),
    ) ?? null
  );
}

function isRecorded(date: LegalDate | null | undefined): date is LegalDate {
  return date !== undefined && date !== null;
}

function presumed(
  family: PostalFamily,
  method: DeliveryMethod,
  postedOn: LegalDate,
  provenReceiptOn: LegalDate | null | undefined,
): RuleResult<Notification, NotificationErrorCode> {
  if (!isLegalDate(postedOn)) return fieldError('postedOn', 'invalid_date');
  if (isRecorded(provenReceiptOn)) {
    if (!isLegalDate(provenReceiptOn)) return fieldError('provenReceiptOn', 'invalid_date');
    if (isBefore(provenReceiptOn, postedOn)) {
      return fieldError('provenReceiptOn', 'receipt_before_posting');
    }
  }
  const rule = deemedDayRuleFor(family, postedOn);
  if (!rule) return fieldError('postedOn', 'no_rule_for_date');
  const deemedOn = addDays(postedOn, rule.daysAfterPosting);
  const formalService = isFormalService(method);
  if (isRecorded(provenReceiptOn) && isBefore(deemedOn, provenReceiptOn)) {
    const laterReceipt =
      family === 'post'
        ? NOTIFICATION_RULES.postLaterReceipt
        : NOTIFICATION_RULES.registeredMailLaterReceipt;
    return {
      ok: true,
      value: { method, notifiedOn: provenReceiptOn, rule: laterReceipt, deemedOn, formalService },
    };
  }
  const applied: AppliedRule = { id: rule.id, basis: rule.basis };
  return {
    ok: true,
    value: { method, notifiedOn: deemedOn, rule: applied, deemedOn, formalService },
  };
}

function onRecordedDay(
  method: DeliveryMethod,
  field: string,
  day: LegalDate,
  rule: AppliedRule,
): RuleResult<Notification, NotificationErrorCode> {
  if (!isLegalDate(day)) return fieldError(field, 'invalid_date');
  return {
    ok: true,
    value: {
      method,
      notifiedOn: day,
      rule,
      deemedOn: null,
      formalService: isFormalService(method),
    },
  };
}

/**
 * The day of notification for a recorded delivery, with the rule that decided it. Recorded facts
 * that do not fit (a receipt before posting, a malformed date) come back as a field error.
 */
export function notificationDate(
  delivery: Delivery,
): RuleResult<Notification, NotificationErrorCode> {
  switch (delivery.method) {
    case 'ordinary_post':
      return presumed('post', delivery.method, delivery.postedOn, delivery.provenReceiptOn);
    case 'registered_handover':
      return presumed(
        'registered_mail',
        delivery.method,
        delivery.postedOn,
        delivery.provenReceiptOn,
      );
    case 'registered_return_receipt': {
      if (!isRecorded(delivery.returnReceiptOn)) {
        return presumed(
          'registered_mail',
          delivery.method,
          delivery.postedOn,
          delivery.provenReceiptOn,
        );
      }
      if (!isLegalDate(delivery.postedOn)) return fieldError('postedOn', 'invalid_date');
      if (!isLegalDate(delivery.returnReceiptOn)) {
        return fieldError('returnReceiptOn', 'invalid_date');
      }
      if (isBefore(delivery.returnReceiptOn, delivery.postedOn)) {
        return fieldError('returnReceiptOn', 'receipt_before_posting');
      }
      return onRecordedDay(
        delivery.method,
        'returnReceiptOn',
        delivery.returnReceiptOn,
        NOTIFICATION_RULES.returnReceipt,
      );
    }
    case 'postal_service_certificate':
      return onRecordedDay(
        delivery.method,
        'certificateOn',
        delivery.certificateOn,
        NOTIFICATION_RULES.postalServiceCertificate,
      );
    case 'personal_delivery':
      return onRecordedDay(
        delivery.method,
        'handedOverOn',
        delivery.handedOverOn,
        NOTIFICATION_RULES.personalDelivery,
      );
  }
}
