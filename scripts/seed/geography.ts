import type { Bounds } from '@hausakte/platform';
import { Random } from './random';

/** Herne's bounds, as CITY_BOUNDS has them by default. */
export const HERNE_BOUNDS: Bounds = { minLon: 7.13, minLat: 51.5, maxLon: 7.3, maxLat: 51.57 };

export const DISTRICT_SOURCE =
  'synthetic demo outline, not real geodata (no geodata could be downloaded)';

export type Ring = Array<[number, number]>;

export interface Borough {
  name: 'Herne-Mitte' | 'Wanne' | 'Eickel' | 'Sodingen';
  /** Closed ring of [lon, lat], first point repeated at the end. */
  ring: Ring;
  /** Where houses cluster (the old centre). */
  centre: [number, number];
  /** Share of the city's properties. */
  share: number;
  postcodes: readonly string[];
  /** Cadastral districts (Gemarkungen) used in parcel references. */
  gemarkungen: readonly string[];
  bbox: Bounds;
}

/** Metres per degree of latitude, and of longitude at Herne's latitude. */
const M_PER_DEG_LAT = 111_200;
const M_PER_DEG_LON = 111_320 * Math.cos((51.535 * Math.PI) / 180);

/** Moves a point by metres east and north. */
export function offset(lon: number, lat: number, east: number, north: number): [number, number] {
  return [lon + east / M_PER_DEG_LON, lat + north / M_PER_DEG_LAT];
}

export function distanceM(a: [number, number], b: [number, number]): number {
  const dx = (a[0] - b[0]) * M_PER_DEG_LON;
  const dy = (a[1] - b[1]) * M_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Six decimals: about 10 cm, as GeoJSON from a survey would carry. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The four boroughs as a rough 2×2 split of the bounds along two jagged dividers that cross at
 * one point: north-west Wanne, south-west Eickel, south-east Herne-Mitte, north-east Sodingen.
 * The outlines are the same for every seed (their own fixed random stream). They are NOT real
 * borough boundaries.
 */
export function boroughs(bounds: Bounds = HERNE_BOUNDS): Borough[] {
  const rng = new Random('herne-outlines-v1');
  const { minLon, minLat, maxLon, maxLat } = bounds;
  const cx = round6(minLon + (maxLon - minLon) * 0.42);
  const cy = round6(minLat + (maxLat - minLat) * 0.57);
  const width = maxLon - minLon;
  const height = maxLat - minLat;

  // The north-south divider: vertices every 1/14 of the height; its x wanders up to ±5 % of the
  // width but is straight within one step of the crossing, so the dividers meet only there.
  const stepY = height / 14;
  const amplitudeX = width * 0.05;
  const vertical = (from: number, to: number, dir: 1 | -1): Ring => {
    const points: Ring = [];
    let jitter = 0;
    for (let y = from; dir > 0 ? y < to - 1e-9 : y > to + 1e-9; y += dir * stepY) {
      const nearCross = Math.abs(y - from) < stepY * 1.01;
      jitter = Math.max(
        -amplitudeX,
        Math.min(amplitudeX, jitter + rng.between(-0.5, 0.5) * amplitudeX),
      );
      points.push([round6(nearCross ? cx : cx + jitter), round6(y)]);
    }
    points.push([round6(cx + jitter), round6(to)]);
    return points;
  };
  // The east-west divider: vertices every 1/17 of the width; its y wanders up to ±7 % of the
  // height, straight within one step of the crossing.
  const stepX = width / 17;
  const amplitudeY = height * 0.07;
  const horizontal = (from: number, to: number, dir: 1 | -1): Ring => {
    const points: Ring = [];
    let jitter = 0;
    for (let x = from; dir > 0 ? x < to - 1e-9 : x > to + 1e-9; x += dir * stepX) {
      const nearCross = Math.abs(x - from) < stepX * 1.01;
      jitter = Math.max(
        -amplitudeY,
        Math.min(amplitudeY, jitter + rng.between(-0.5, 0.5) * amplitudeY),
      );
      points.push([round6(x), round6(nearCross ? cy : cy + jitter)]);
    }
    points.push([round6(to), round6(cy + jitter)]);
    return points;
  };

  // Each half starts at the crossing (cx, cy) and runs out to the edge of the bounds.
  const south = vertical(cy, minLat, -1);
  const north = vertical(cy, maxLat, 1);
  const west = horizontal(cx, minLon, -1);
  const east = horizontal(cx, maxLon, 1);
  const close = (ring: Ring): Ring => [...ring, ring[0]];
  const rev = (ring: Ring) => [...ring].reverse();
  // Built clockwise, then reversed: exterior rings run counter-clockwise, as RFC 7946 wants.
  const eickel = rev(close([...south, [minLon, minLat], ...rev(west).slice(0, -1)]));
  const herneMitte = rev(close([...east, [maxLon, minLat], ...rev(south).slice(0, -1)]));
  const sodingen = rev(close([...north, [maxLon, maxLat], ...rev(east).slice(0, -1)]));
  const wanne = rev(close([...west, [minLon, maxLat], ...rev(north).slice(0, -1)]));

  const make = (
    name: Borough['name'],
    ring: Ring,
    centre: [number, number],
    share: number,
    postcodes: string[],
    gemarkungen: string[],
  ): Borough => ({ name, ring, centre, share, postcodes, gemarkungen, bbox: bboxOf(ring) });
  return [
    make(
      'Herne-Mitte',
      herneMitte,
      [cx + width * 0.17, cy - height * 0.16],
      0.35,
      ['44623', '44625', '44627', '44629'],
      ['Herne', 'Baukau', 'Horsthausen'],
    ),
    make(
      'Wanne',
      wanne,
      [cx - width * 0.2, cy + height * 0.2],
      0.25,
      ['44649', '44651'],
      ['Wanne', 'Crange', 'Bickern'],
    ),
    make(
      'Eickel',
      eickel,
      [cx - width * 0.18, cy - height * 0.22],
      0.22,
      ['44652', '44653'],
      ['Eickel', 'Holsterhausen', 'Röhlinghausen'],
    ),
    make(
      'Sodingen',
      sodingen,
      [cx + width * 0.22, cy + height * 0.2],
      0.18,
      ['44627', '44628'],
      ['Sodingen', 'Börnig', 'Holthausen'],
    ),
  ];
}

function bboxOf(ring: Ring): Bounds {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of ring) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Even-odd ray casting: is the point inside the ring? */
export function ringContains(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance in metres from the point to the ring's boundary. */
export function distanceToRingM(ring: Ring, lon: number, lat: number): number {
  let best = Infinity;
  const px = lon * M_PER_DEG_LON;
  const py = lat * M_PER_DEG_LAT;
  for (let i = 1; i < ring.length; i++) {
    const ax = ring[i - 1][0] * M_PER_DEG_LON;
    const ay = ring[i - 1][1] * M_PER_DEG_LAT;
    const bx = ring[i][0] * M_PER_DEG_LON;
    const by = ring[i][1] * M_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
    const ex = ax + t * dx - px;
    const ey = ay + t * dy - py;
    best = Math.min(best, ex * ex + ey * ey);
  }
  return Math.sqrt(best);
}

/** Inside the borough and at least `marginM` metres from its edge. */
export function insideWithMargin(borough: Borough, lon: number, lat: number, marginM: number) {
  const b = borough.bbox;
  if (lon <= b.minLon || lon >= b.maxLon || lat <= b.minLat || lat >= b.maxLat) return false;
  return ringContains(borough.ring, lon, lat) && distanceToRingM(borough.ring, lon, lat) >= marginM;
}

/** `MULTIPOLYGON(((lon lat, …)))` for ST_GeomFromText. */
export function multiPolygonWkt(ring: Ring): string {
  return `MULTIPOLYGON(((${ring.map(([lon, lat]) => `${lon} ${lat}`).join(', ')})))`;
}

/** A random point in the borough: mostly around its centre, some anywhere in it. */
export function randomPointIn(
  rng: Random,
  borough: Borough,
  marginM: number,
  clusterSdM = 1300,
): [number, number] {
  const clustered = rng.chance(0.7);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const [lon, lat] =
      clustered && attempt < 50
        ? offset(
            borough.centre[0],
            borough.centre[1],
            rng.normal(0, clusterSdM),
            rng.normal(0, clusterSdM),
          )
        : [
            rng.between(borough.bbox.minLon, borough.bbox.maxLon),
            rng.between(borough.bbox.minLat, borough.bbox.maxLat),
          ];
    if (insideWithMargin(borough, lon, lat, marginM)) return [lon, lat];
  }
  throw new Error(`no point found inside ${borough.name}`);
}
