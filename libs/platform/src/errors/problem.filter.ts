import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { renderProblem } from './problem-rendering';

/** Hook for the web app's client-side routes: a GET that matched no API route may be a page. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * The one exception filter: every error leaves the API as RFC 9457 problem+json with the
 * request's correlation id; a 5xx is logged with its stack, which never reaches the body.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly pageFallback?: PageFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger, this.pageFallback);
  }
}

/**
 * What of an error may go to the log. TypeORM's QueryFailedError carries the statement's
 * parameters and the driver's detail, which hold personal data (an address, a password hash).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, constraint, table } = ((error as { driverError?: unknown }).driverError ??
    error) as {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
  };
  return { type: error.name, message: error.message, code, constraint, table, stack: error.stack };
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
  pageFallback?: PageFallback,
): void {
  const { document, headers, unexpected } = renderProblem(exception);
  if (document.status === 404 && pageFallback?.(request, reply)) return;
  if (unexpected) {
    logger.error(
      { err: loggableError(exception), correlationId: request.id },
      `Unexpected error on ${request.method} ${request.routeOptions?.url ?? 'unknown route'}`,
    );
  }
  if (reply.sent) return;
  void reply
    .status(document.status)
    .headers(headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...document, instance: request.url.split('?')[0], correlationId: request.id });
}
