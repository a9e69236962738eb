import { Problem, ValidationProblem } from '@hausakte/platform';
import { isInside, parseBbox, parseNear } from './geo-filters';

const status = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as Problem).getStatus();
  }
};

describe('map filters', () => {
  it('reads a bbox', () => {
    expect(parseBbox('7.13,51.5,7.3,51.57')).toEqual({
      minLon: 7.13,
      minLat: 51.5,
      maxLon: 7.3,
      maxLat: 51.57,
    });
  });

  it.each(['abc', '7,51,7.3', '7,51,7.3,51.5,1', '7,,7.3,51.5'])(
    'cannot read bbox=%s (400)',
    (value) => {
      expect(status(() => parseBbox(value))).toBe(400);
    },
  );

  it.each(['7,51,7.3,200', '7.3,51,7.1,51.5', '-181,51,7,52'])('refuses bbox=%s (422)', (value) => {
    expect(() => parseBbox(value)).toThrow(ValidationProblem);
  });

  it('accepts a bbox without area (a line or a point)', () => {
    expect(parseBbox('7.2,51.5,7.2,51.5')).toEqual({
      minLon: 7.2,
      minLat: 51.5,
      maxLon: 7.2,
      maxLat: 51.5,
    });
  });

  it('reads near with a default radius', () => {
    expect(parseNear('7.22,51.54', undefined)).toEqual({ lon: 7.22, lat: 51.54, radiusM: 250 });
    expect(status(() => parseNear('7.22', 10))).toBe(400);
    expect(status(() => parseNear('7.22,95', 10))).toBe(422);
  });

  it('counts the edge of the bounds as inside', () => {
    const bounds = { minLon: 7, minLat: 51, maxLon: 8, maxLat: 52 };
    expect(isInside(bounds, 7, 51)).toBe(true);
    expect(isInside(bounds, 8, 52)).toBe(true);
    expect(isInside(bounds, 8.0001, 51.5)).toBe(false);
  });
});
