import { CLOCK_SKEW_MS } from '@hausakte/platform';
import type { FieldError } from '@hausakte/platform';
import type { ComplaintSource } from './complaint.entity';

export interface IntakeFacts {
  source: ComplaintSource;
  reporterContact?: string | null;
  address?: object | null;
  location?: object | null;
  receivedAt?: Date;
}

/**
 * What a complaint must satisfy beyond the shape of its fields: an anonymous report carries no
 * contact, a complaint names an address or a point (or both), and it was not received in the
 * future. Each problem names the field to fix.
 */
export function intakeErrors(facts: IntakeFacts, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (facts.source === 'anonymous' && facts.reporterContact != null) {
    errors.push({
      field: 'reporterContact',
      message: 'must be left out for an anonymous complaint',
    });
  }
  if (facts.address == null && facts.location == null) {
    errors.push({ field: 'address', message: 'give an address or a location (or both)' });
  }
  if (
    facts.receivedAt !== undefined &&
    facts.receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS
  ) {
    errors.push({ field: 'receivedAt', message: 'must not be in the future' });
  }
  return errors;
}
