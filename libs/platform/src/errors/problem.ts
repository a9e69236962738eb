import { HttpException, HttpStatus } from '@nestjs/common';

/** One invalid field of a request, named the way the client sent it (`address.street`). */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document as this API sends it. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://hausakte.org/problems/';

/**
 * An HTTP error with a problem type and optional extension members.
 * Services throw these (or Nest's own HttpExceptions); the global filter renders them.
 */
export class Problem extends HttpException {
  constructor(
    status: HttpStatus,
    readonly problemType: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

/** 422: the request could be read but some values are wrong. */
export class ValidationProblem extends Problem {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'validation',
      fieldErrors.length === 1
        ? `${fieldErrors[0].field}: ${fieldErrors[0].message}`
        : `${fieldErrors.length} fields are invalid`,
      { errors: fieldErrors },
    );
  }
}

/** 409: the request conflicts with the current state (an illegal transition, a repeat still running). */
export class ConflictProblem extends Problem {
  constructor(detail: string, extensions: Record<string, unknown> = {}) {
    super(HttpStatus.CONFLICT, 'conflict', detail, extensions);
  }
}

/** 412: the `If-Match` version is stale; the body carries the current record. */
export class StaleVersionProblem extends Problem {
  constructor(current: unknown) {
    super(
      HttpStatus.PRECONDITION_FAILED,
      'stale-version',
      'The record was changed by someone else; the current version is in "current".',
      { current },
    );
  }
}

/** 404 for a record that does not exist (or that the caller may not know exists). */
export class NotFoundProblem extends Problem {
  constructor(what: string) {
    super(HttpStatus.NOT_FOUND, 'not-found', `${what} was not found.`);
  }
}
