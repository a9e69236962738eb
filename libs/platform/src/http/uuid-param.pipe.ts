import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from '../errors/problem';

/** `@Param('id', UuidParam)`: a malformed id is a 422 naming the parameter. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationProblem([{ field: 'id', message: 'must be a UUID' }]),
});
