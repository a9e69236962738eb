import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'must be an e-mail address' })
  message!: string;
}

/** RFC 9457 problem details, as every error of this API is sent. */
export class ProblemDto {
  @ApiProperty({ example: 'https://hausakte.org/problems/validation' })
  type!: string;

  @ApiProperty({ example: 'Unprocessable Entity' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/users' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Quote it when reporting a problem.' })
  correlationId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request cannot be read (malformed JSON, a parameter of the wrong shape).',
  401: 'Not signed in.',
  403: 'Signed in, but the role may not do this.',
  404: 'No such record.',
  409: 'Conflicts with the current state, or the same Idempotency-Key is still being processed.',
  412: 'If-Match is stale; `current` holds the record as it is now.',
  413: 'The body is too large.',
  422: 'Readable but invalid; `errors` names each field.',
  428: 'If-Match is missing.',
  429: 'Too many attempts; see Retry-After.',
};

/** Documents the problem+json answers a route can give. 401 and 403 apply to every non-public route. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDto' } },
        },
      }),
    ),
  );
}
