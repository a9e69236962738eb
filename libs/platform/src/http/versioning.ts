import { HttpStatus } from '@nestjs/common';
import { Problem, ValidationProblem } from '../errors/problem';

/** The strong ETag of a record version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Reads the version an update is based on from `If-Match`; updates without one are refused (428). */
export function versionFromIfMatch(header: string | string[] | undefined): number {
  if (header === undefined || header === '') {
    throw new Problem(
      HttpStatus.PRECONDITION_REQUIRED,
      'precondition-required',
      'Send If-Match with the version you changed, so that no one else’s change is overwritten.',
    );
  }
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) {
    throw new ValidationProblem([{ field: 'If-Match', message: 'must be a version such as "3"' }]);
  }
  return Number(match[1]);
}
