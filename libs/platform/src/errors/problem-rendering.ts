import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { FieldError, Problem, PROBLEM_TYPE_BASE, ProblemDocument } from './problem';

export interface RenderedProblem {
  document: ProblemDocument;
  headers: Record<string, string>;
  /** True when the error is ours (5xx) and must be logged with its stack. */
  unexpected: boolean;
}

/** Fastify's own errors carry a statusCode and a code such as FST_ERR_CTP_INVALID_JSON. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const FRAMEWORK_TYPES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON: 'malformed-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
};

const FRAMEWORK_DETAILS: Record<string, string> = {
  'malformed-json': 'The request body is not valid JSON.',
  'body-too-large': 'The request body is larger than this endpoint accepts.',
  'unsupported-media-type': 'This endpoint does not accept the request body’s content type.',
};

function title(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function typeUri(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/** Nest's built-in exceptions (NotFoundException, …) carry a message or a { message } body. */
function httpExceptionDetail(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

/** Turns anything thrown while handling a request into the problem document the client sees. */
export function renderProblem(error: unknown): RenderedProblem {
  if (error instanceof Problem) {
    const status = error.getStatus();
    return {
      document: {
        type: typeUri(error.problemType),
        title: title(status),
        status,
        detail: error.message,
        ...error.extensions,
      },
      headers: error.headers,
      unexpected: status >= 500,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Nest re-wraps Fastify's body-parser errors as plain HttpExceptions, dropping their code.
    const slug = status === 400 && /JSON/.test(error.message) ? 'malformed-json' : slugFor(status);
    return {
      document: {
        type: status >= 500 ? 'about:blank' : typeUri(slug),
        title: title(status),
        status,
        detail: status >= 500 ? undefined : (FRAMEWORK_DETAILS[slug] ?? httpExceptionDetail(error)),
      },
      headers: {},
      unexpected: status >= 500,
    };
  }
  const framework = error as FrameworkError | null;
  const status = framework?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const slug = (framework?.code && FRAMEWORK_TYPES[framework.code]) ?? slugFor(status);
    return {
      document: {
        type: typeUri(slug),
        title: title(status),
        status,
        detail: FRAMEWORK_DETAILS[slug] ?? framework?.message,
      },
      headers: {},
      unexpected: false,
    };
  }
  if (driverCode(error) === UNIQUE_VIOLATION) {
    // Two writers raced past a service's own check; the database's unique key decided.
    return {
      document: {
        type: typeUri('conflict'),
        title: title(HttpStatus.CONFLICT),
        status: HttpStatus.CONFLICT,
        detail: 'A record with these values was just created by another request.',
      },
      headers: {},
      unexpected: false,
    };
  }
  if (typeof driverCode(error) === 'string' && (driverCode(error) as string).startsWith('22')) {
    // Class 22, data exception: a value PostgreSQL cannot take (out of range, a NUL byte, …).
    return {
      document: {
        type: typeUri('validation'),
        title: title(HttpStatus.UNPROCESSABLE_ENTITY),
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: 'A value is out of range or contains characters that cannot be stored.',
      },
      headers: {},
      unexpected: false,
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      document: {
        type: typeUri('service-unavailable'),
        title: title(HttpStatus.SERVICE_UNAVAILABLE),
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'The database cannot be reached right now. Nothing was changed; try again shortly.',
      },
      headers: { 'retry-after': '5' },
      unexpected: false,
    };
  }
  return {
    document: {
      type: 'about:blank',
      title: title(HttpStatus.INTERNAL_SERVER_ERROR),
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'An unexpected error occurred. It has been logged under the correlation id.',
    },
    headers: {},
    unexpected: true,
  };
}

const UNIQUE_VIOLATION = '23505';

function driverCode(error: unknown): unknown {
  return (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** A lost or refused database connection: the client should retry, it did nothing wrong. */
function isDatabaseUnavailable(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((candidate) => {
    if (!candidate || typeof candidate !== 'object') return false;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    return (
      typeof message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(
        message,
      )
    );
  });
}

function slugFor(status: number): string {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 409:
      return 'conflict';
    case 412:
      return 'stale-version';
    case 413:
      return 'body-too-large';
    case 415:
      return 'unsupported-media-type';
    case 422:
      return 'validation';
    case 429:
      return 'too-many-requests';
    default:
      return `http-${status}`;
  }
}

/** Flattens class-validator errors into `{ field, message }` pairs with dotted paths. */
export function fieldErrorsFrom(
  errors: Array<{
    property: string;
    constraints?: Record<string, string>;
    children?: unknown[];
  }>,
  parent = '',
): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    const children = fieldErrorsFrom((error.children ?? []) as typeof errors, field);
    return [...own, ...children];
  });
}
