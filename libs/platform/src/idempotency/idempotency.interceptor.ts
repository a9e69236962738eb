import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { RequestContext } from '../context/request-context';
import { TransactionHost } from '../database/transaction';
import { ConflictProblem, ValidationProblem } from '../errors/problem';
import { requestHash } from './canonical-json';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Makes a create safe to repeat (API conventions in ARCHITECTURE.md). The command, its key row and
 * everything the command writes share one transaction: a repeat gets the first answer, the same
 * key with another body is a 422, and a repeat while the first is still running is a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly txHost: TransactionHost,
    private readonly context: RequestContext,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = execution.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    const userId = this.context.actorId;
    if (key === undefined || userId === null) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ValidationProblem([
        { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
      ]);
    }
    const scope = { userId, route: `${request.method} ${request.url.split('?')[0]}`, key };
    const hash = requestHash(request.body);
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, execution.getHandler()) as number | undefined) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    return from(
      this.txHost.withTransaction(async (): Promise<unknown> => {
        if (!(await this.keys.tryLock(scope))) {
          throw new ConflictProblem(
            'A request with this Idempotency-Key is still being processed; retry shortly.',
          );
        }
        const first = await this.keys.find(scope);
        if (first) {
          if (first.requestHash !== hash) {
            throw new ValidationProblem([
              { field: 'Idempotency-Key', message: 'was already used with a different request' },
            ]);
          }
          void http.getResponse<FastifyReply>().header('idempotent-replayed', 'true');
          return first.responseBody;
        }
        const body: unknown = await lastValueFrom(next.handle(), { defaultValue: null });
        await this.keys.insert({
          ...scope,
          requestHash: hash,
          responseStatus: status,
          responseBody: body,
        });
        return body;
      }),
    );
  }
}
