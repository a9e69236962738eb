import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const dateTime = { message: 'must be a date and time (ISO 8601) with a zone' };

/**
 * A moment written with its zone ("Z" or "+01:00"), e.g. `2026-11-20T09:30:00+01:00`: a bare
 * local time would be ambiguous, and a date alone is not a moment.
 */
export function IsZonedDateTime(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, dateTime),
    Matches(/(Z|[+-]\d{2}:\d{2})$/, dateTime),
  );
}
