import { HttpStatus } from '@nestjs/common';
import { Problem, ValidationProblem } from '@hausakte/platform';
import type { Bounds } from '@hausakte/platform';

export interface NearFilter {
  lon: number;
  lat: number;
  radiusM: number;
}

export const DEFAULT_RADIUS_M = 250;
export const MAX_RADIUS_M = 10_000;

/** A parameter that is not a list of numbers cannot be read (400); one with wrong values can (422). */
function numbers(field: string, value: string, count: number, shape: string): number[] {
  const parts = value.split(',');
  const parsed = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (parts.length !== count || parsed.some((n) => !Number.isFinite(n))) {
    throw new Problem(HttpStatus.BAD_REQUEST, 'bad-request', `${field} must be ${shape}`, {
      errors: [{ field, message: `must be ${shape}` }],
    });
  }
  return parsed;
}

function checkLonLat(field: string, lon: number, lat: number): string[] {
  const problems: string[] = [];
  if (lon < -180 || lon > 180) problems.push(`longitude ${lon} is outside -180..180`);
  if (lat < -90 || lat > 90) problems.push(`latitude ${lat} is outside -90..90`);
  return problems.map((message) => `${field}: ${message}`);
}

/** `bbox=minLon,minLat,maxLon,maxLat` in degrees; points on its edge are inside. */
export function parseBbox(value: string): Bounds {
  const [minLon, minLat, maxLon, maxLat] = numbers('bbox', value, 4, 'minLon,minLat,maxLon,maxLat');
  const problems = [...checkLonLat('bbox', minLon, minLat), ...checkLonLat('bbox', maxLon, maxLat)];
  if (minLon > maxLon || minLat > maxLat) problems.push('bbox: min must not exceed max');
  if (problems.length) {
    throw new ValidationProblem(
      problems.map((p) => ({ field: 'bbox', message: p.replace('bbox: ', '') })),
    );
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** A `lon,lat` query parameter in degrees, named `field` in errors. */
export function parseLonLat(field: string, value: string): [number, number] {
  const [lon, lat] = numbers(field, value, 2, 'lon,lat');
  const problems = checkLonLat(field, lon, lat);
  if (problems.length) {
    throw new ValidationProblem(
      problems.map((p) => ({ field, message: p.replace(`${field}: `, '') })),
    );
  }
  return [lon, lat];
}

/** `near=lon,lat` with `radius` in metres (default 250, at most 10 km). */
export function parseNear(value: string, radius: number | undefined): NearFilter {
  const [lon, lat] = parseLonLat('near', value);
  return { lon, lat, radiusM: radius ?? DEFAULT_RADIUS_M };
}

export function isInside(bounds: Bounds, lon: number, lat: number): boolean {
  return (
    lon >= bounds.minLon && lon <= bounds.maxLon && lat >= bounds.minLat && lat <= bounds.maxLat
  );
}
