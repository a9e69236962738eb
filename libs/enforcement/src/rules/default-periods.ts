/**
 * The period an order item gives the landlord. No statute fixes one per defect, so Hausakte ships
 * a default per severity (like NYC HPD's classes): C immediate danger 24 hours, B hazardous
 * 30 days, A non-hazardous 90 days. A catalogue item may carry its own period; an officer may
 * override either, but only with a reason, which the order's audit trail keeps.
 *
 * The resolver answers user input with a typed result, never an exception. Browser-safe: imports
 * only its sibling and the inspections rules' types.
 */
import type { PeriodLength, Severity } from '@hausakte/inspections/rules';
import type { RuleFieldError, RuleResult } from './rule-result';

// Severity and period lengths are the inspections lib's vocabulary; orders build on it.
export type { PeriodLength, PeriodUnit, Severity } from '@hausakte/inspections/rules';

export const SEVERITY_DEFAULT_PERIODS: Readonly<Record<Severity, Readonly<PeriodLength>>> =
  Object.freeze({
    C: Object.freeze({ unit: 'hours', amount: 24 }),
    B: Object.freeze({ unit: 'days', amount: 30 }),
    A: Object.freeze({ unit: 'days', amount: 90 }),
  });

export type PeriodSource = 'override' | 'catalogue' | 'severity_default';

export interface ResolvedPeriod {
  period: PeriodLength;
  source: PeriodSource;
  /** The officer's reason, for an override; null otherwise. */
  overrideReason: string | null;
}

export interface ItemPeriodInput {
  severity: Severity;
  /** The catalogue item's own period, if it has one. */
  cataloguePeriod?: PeriodLength | null;
  /** An officer's choice for this item; needs a reason. */
  override?: { period: PeriodLength; reason: string } | null;
}

export type PeriodErrorCode = 'invalid_severity' | 'invalid_period' | 'override_reason_missing';

const MESSAGES: Record<PeriodErrorCode, { message: string; messageDe: string }> = {
  invalid_severity: {
    message: 'must be one of A, B, C',
    messageDe: 'muss A, B oder C sein',
  },
  invalid_period: {
    message: 'must be a whole number of at least 1, in hours or days',
    messageDe: 'muss eine ganze Zahl ab 1 sein, in Stunden oder Tagen',
  },
  override_reason_missing: {
    message: 'an overridden period needs a reason',
    messageDe: 'eine abweichende Frist braucht eine Begründung',
  },
};

function failure(
  field: string,
  code: PeriodErrorCode,
): { ok: false; error: RuleFieldError<PeriodErrorCode> } {
  return { ok: false, error: { field, code, ...MESSAGES[code] } };
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'A' || value === 'B' || value === 'C';
}

export function isValidPeriodLength(period: unknown): period is PeriodLength {
  if (typeof period !== 'object' || period === null) return false;
  const { unit, amount } = period as Record<string, unknown>;
  return (
    (unit === 'hours' || unit === 'days') &&
    typeof amount === 'number' &&
    Number.isInteger(amount) &&
    amount >= 1
  );
}

/**
 * The period for one order item: the officer's override (with a non-empty reason), else the
 * catalogue item's period, else the severity's default.
 */
export function resolveItemPeriod(
  input: ItemPeriodInput,
): RuleResult<ResolvedPeriod, PeriodErrorCode> {
  if (!isSeverity(input.severity)) return failure('severity', 'invalid_severity');
  const { override, cataloguePeriod } = input;
  if (override !== undefined && override !== null) {
    if (!isValidPeriodLength(override.period)) return failure('override.period', 'invalid_period');
    const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
    if (reason === '') return failure('override.reason', 'override_reason_missing');
    return {
      ok: true,
      value: { period: { ...override.period }, source: 'override', overrideReason: reason },
    };
  }
  if (cataloguePeriod !== undefined && cataloguePeriod !== null) {
    if (!isValidPeriodLength(cataloguePeriod)) return failure('cataloguePeriod', 'invalid_period');
    return {
      ok: true,
      value: { period: { ...cataloguePeriod }, source: 'catalogue', overrideReason: null },
    };
  }
  return {
    ok: true,
    value: {
      period: { ...SEVERITY_DEFAULT_PERIODS[input.severity] },
      source: 'severity_default',
      overrideReason: null,
    },
  };
}
