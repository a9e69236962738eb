/**
 * How far a client's clock (a phone, a laptop in the field) may run ahead of the server's: a
 * moment reported up to this much in the future is taken as now-ish, not refused as future.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
