import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Marks a create as safe to retry with an `Idempotency-Key` header. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A client-chosen key (1–200 visible ASCII characters). A repeat gets the first answer; the same key with another body is 422; a repeat while the first runs is 409. Kept at least 7 days.',
    }),
  );
}
