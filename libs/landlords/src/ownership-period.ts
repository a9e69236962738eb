/**
 * Ownership periods: `validFrom` and `validTo` are both days of the period (inclusive, like the
 * database's `daterange(valid_from, valid_to, '[]')`); `validTo` null means still running.
 * Dates are `YYYY-MM-DD`, so comparing the strings compares the days. Pure: imports nothing.
 */
export interface OwnershipPeriod {
  validFrom: string;
  validTo: string | null;
}

/** A period that ends before it starts; the database refuses it too (`ownerships_period_check`). */
export function endsBeforeItStarts(period: OwnershipPeriod): boolean {
  return period.validTo !== null && period.validTo < period.validFrom;
}

/** Holds on `day`: started on or before it and not ended before it. A future period is not current. */
export function isCurrentOn(period: OwnershipPeriod, day: string): boolean {
  return period.validFrom <= day && (period.validTo === null || period.validTo >= day);
}

/**
 * Two periods share at least one day. The same rule as the `ownerships_no_overlap` constraint, for
 * clients that want to warn before sending; the server leaves the decision to the database.
 */
export function periodsOverlap(a: OwnershipPeriod, b: OwnershipPeriod): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}
