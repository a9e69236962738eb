/**
 * A defect's severity and the length of a correction period: the vocabulary findings, the
 * catalogue and (downstream) orders share. Browser-safe: no imports.
 * C immediate danger, B hazardous, A non-hazardous (DOMAIN.md).
 */
export type Severity = 'A' | 'B' | 'C';

export const SEVERITIES: readonly Severity[] = ['A', 'B', 'C'];

export type PeriodUnit = 'hours' | 'days';

export interface PeriodLength {
  unit: PeriodUnit;
  /** A whole number, at least 1. */
  amount: number;
}
