import { HttpStatus } from '@nestjs/common';
import { Problem, ValidationProblem } from '../errors/problem';
import { etagOf, versionFromIfMatch } from './versioning';

describe('If-Match versions', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"12"', 12],
  ])('reads %s as version %d', (header, version) => {
    expect(versionFromIfMatch(header)).toBe(version);
  });

  it('round-trips the ETag it writes', () => {
    expect(versionFromIfMatch(etagOf(7))).toBe(7);
  });

  it('asks for If-Match when it is missing (428)', () => {
    expect.assertions(2);
    try {
      versionFromIfMatch(undefined);
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      expect((error as Problem).getStatus()).toBe(HttpStatus.PRECONDITION_REQUIRED);
    }
  });

  it('names the header when it is malformed (422)', () => {
    expect(() => versionFromIfMatch('"abc"')).toThrow(ValidationProblem);
  });
});
