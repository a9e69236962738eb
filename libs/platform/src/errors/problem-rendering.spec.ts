import { BadRequestException, HttpStatus, NotFoundException } from '@nestjs/common';
import { Problem, ValidationProblem } from './problem';
import { fieldErrorsFrom, renderProblem } from './problem-rendering';

describe('renderProblem', () => {
  it('renders a validation problem with its field list', () => {
    const { document, unexpected } = renderProblem(
      new ValidationProblem([{ field: 'email', message: 'must be an e-mail address' }]),
    );
    expect(document).toMatchObject({
      type: 'https://hausakte.org/problems/validation',
      status: 422,
      title: 'Unprocessable Entity',
      detail: 'email: must be an e-mail address',
      errors: [{ field: 'email', message: 'must be an e-mail address' }],
    });
    expect(unexpected).toBe(false);
  });

  it('keeps the headers of a problem (Retry-After on 429)', () => {
    const { headers, document } = renderProblem(
      new Problem(HttpStatus.TOO_MANY_REQUESTS, 'x', 'slow down', {}, { 'retry-after': '900' }),
    );
    expect(document.status).toBe(429);
    expect(headers).toEqual({ 'retry-after': '900' });
  });

  it("renders Nest's own exceptions", () => {
    expect(renderProblem(new NotFoundException('Cannot GET /x')).document).toMatchObject({
      status: 404,
      type: 'https://hausakte.org/problems/not-found',
      detail: 'Cannot GET /x',
    });
    expect(renderProblem(new BadRequestException()).document.status).toBe(400);
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON', 400, 'malformed-json'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'body-too-large'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'unsupported-media-type'],
  ])('renders the framework error %s as %d', (code, status, slug) => {
    const { document } = renderProblem(Object.assign(new Error('x'), { code, statusCode: status }));
    expect(document.status).toBe(status);
    expect(document.type).toBe(`https://hausakte.org/problems/${slug}`);
  });

  it('turns a lost database connection into 503 with Retry-After', () => {
    const lost = Object.assign(new Error('query failed'), {
      driverError: Object.assign(new Error('terminating connection'), { code: '57P01' }),
    });
    const { document, headers, unexpected } = renderProblem(lost);
    expect(document.status).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(unexpected).toBe(false);
  });

  it('turns a unique-key race into 409', () => {
    const race = Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } });
    expect(renderProblem(race).document).toMatchObject({ status: 409 });
  });

  it('turns a value the database cannot take into 422', () => {
    const nul = Object.assign(new Error('invalid byte sequence'), {
      driverError: { code: '22021' },
    });
    expect(renderProblem(nul).document).toMatchObject({ status: 422 });
  });

  it('hides everything about an unknown error', () => {
    const { document, unexpected } = renderProblem(new Error('secret internals at line 42'));
    expect(document.status).toBe(500);
    expect(JSON.stringify(document)).not.toContain('secret');
    expect(unexpected).toBe(true);
  });
});

describe('fieldErrorsFrom', () => {
  it('names nested fields with dots and unknown fields plainly', () => {
    expect(
      fieldErrorsFrom([
        {
          property: 'colour',
          constraints: { whitelistValidation: 'property colour should not exist' },
        },
        {
          property: 'address',
          children: [{ property: 'street', constraints: { isNotEmpty: 'must not be empty' } }],
        },
      ]),
    ).toEqual([
      { field: 'colour', message: 'is not a known field' },
      { field: 'address.street', message: 'must not be empty' },
    ]);
  });
});
