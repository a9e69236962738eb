/**
 * The area a manager asks figures for: a rectangle, a polygon (GeoJSON, WGS84) or a district.
 * Pure: parses untrusted JSON into one shape or field errors, so the api answers 422 naming the
 * field. Geometric validity (a ring crossing itself) is PostGIS's to judge; the service asks it.
 */

export type AreaShape =
  | { kind: 'bbox'; west: number; south: number; east: number; north: number }
  | { kind: 'polygon'; geojson: { type: 'Polygon'; coordinates: number[][][] } }
  | { kind: 'district'; districtId: string };

export interface AreaFieldError {
  field: string;
  message: string;
}

/** Enough for a hand-drawn outline; a larger one is a mistake or an attack on the planner. */
export const MAX_POLYGON_POSITIONS = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Web Mercator's limit: the map cannot show beyond it. */
const MAX_LAT = 85.05112878;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function positionError(position: unknown): string | null {
  if (!Array.isArray(position) || position.length !== 2) return 'must be [longitude, latitude]';
  const [lon, lat] = position as unknown[];
  if (!isFiniteNumber(lon) || !isFiniteNumber(lat)) return 'must hold two numbers';
  if (lon < -180 || lon > 180) return 'longitude must be between -180 and 180';
  if (lat < -MAX_LAT || lat > MAX_LAT) return `latitude must be between -${MAX_LAT} and ${MAX_LAT}`;
  return null;
}

function parseBbox(value: unknown): AreaShape | AreaFieldError[] {
  if (!Array.isArray(value) || value.length !== 4 || !value.every(isFiniteNumber)) {
    return [{ field: 'bbox', message: 'must be [west, south, east, north] in degrees' }];
  }
  const [west, south, east, north] = value;
  const errors = [positionError([west, south]), positionError([east, north])].filter(
    (error): error is string => error !== null,
  );
  if (errors.length > 0) return [{ field: 'bbox', message: errors[0] }];
  if (!(west < east) || !(south < north)) {
    return [{ field: 'bbox', message: 'west must be less than east and south less than north' }];
  }
  return { kind: 'bbox', west, south, east, north };
}

function parsePolygon(value: unknown): AreaShape | AreaFieldError[] {
  if (!isObject(value) || value.type !== 'Polygon' || !Array.isArray(value.coordinates)) {
    return [{ field: 'polygon', message: 'must be a GeoJSON Polygon' }];
  }
  const rings = value.coordinates as unknown[];
  if (rings.length === 0) return [{ field: 'polygon.coordinates', message: 'must hold a ring' }];
  let positions = 0;
  for (const [r, ring] of rings.entries()) {
    const field = `polygon.coordinates[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) {
      return [{ field, message: 'a ring needs at least 4 positions (closed)' }];
    }
    for (const [p, position] of ring.entries()) {
      const error = positionError(position);
      if (error) return [{ field: `${field}[${p}]`, message: error }];
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return [{ field, message: 'a ring must end where it starts' }];
    }
    positions += ring.length;
  }
  if (positions > MAX_POLYGON_POSITIONS) {
    return [{ field: 'polygon', message: `may hold at most ${MAX_POLYGON_POSITIONS} positions` }];
  }
  return {
    kind: 'polygon',
    geojson: { type: 'Polygon', coordinates: rings as number[][][] },
  };
}

/** Exactly one of `bbox`, `polygon`, `districtId`. */
export function parseAreaShape(body: unknown): AreaShape | AreaFieldError[] {
  if (!isObject(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  const given = (['bbox', 'polygon', 'districtId'] as const).filter(
    (key) => body[key] !== undefined,
  );
  if (given.length !== 1) {
    return [{ field: 'bbox', message: 'give exactly one of bbox, polygon or districtId' }];
  }
  if (given[0] === 'bbox') return parseBbox(body.bbox);
  if (given[0] === 'polygon') return parsePolygon(body.polygon);
  const districtId = body.districtId;
  if (typeof districtId !== 'string' || !UUID.test(districtId)) {
    return [{ field: 'districtId', message: 'must be a UUID' }];
  }
  return { kind: 'district', districtId };
}
