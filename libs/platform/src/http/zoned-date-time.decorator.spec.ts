import { validateSync } from 'class-validator';
import { IsZonedDateTime } from './zoned-date-time.decorator';

class Moment {
  @IsZonedDateTime()
  at!: unknown;
}

const errorsOf = (at: unknown) => {
  const moment = new Moment();
  moment.at = at;
  return validateSync(moment).flatMap((error) => Object.values(error.constraints ?? {}));
};

describe('IsZonedDateTime', () => {
  it.each(['2026-11-20T09:30:00+01:00', '2026-11-20T08:30:00Z', '2026-11-20T08:30:00.123Z'])(
    'accepts %s',
    (at) => {
      expect(errorsOf(at)).toEqual([]);
    },
  );

  it.each([
    '2026-11-20T09:30:00',
    '2026-11-20',
    '2026-11-20 09:30:00+01:00',
    '2026-02-30T09:30:00Z',
    'gestern',
    20261120,
  ])('refuses %s, saying a zone is needed', (at) => {
    const errors = errorsOf(at);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(['must be a date and time (ISO 8601) with a zone']));
  });
});
