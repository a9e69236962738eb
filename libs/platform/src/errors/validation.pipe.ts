import { ValidationPipe } from '@nestjs/common';
import { ValidationProblem } from './problem';
import { fieldErrorsFrom } from './problem-rendering';

/** Whitelisting validation: unknown fields and wrong values are a 422 listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // One message per field: the first rule it breaks.
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(fieldErrorsFrom(errors)),
  });
}
