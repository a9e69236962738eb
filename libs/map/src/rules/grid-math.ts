/**
 * Tile and grid-cell arithmetic of the map (docs/api/map.md), in EPSG:3857 metres. The database
 * does the same in `map_grid_cells_of` (migration 1764500000000): keep the two in step. Pure.
 */

/** Half the width of the Web Mercator world, in metres. */
export const WORLD_HALF = 20037508.342789244;
/** Vector tile extent and buffer, in tile units. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 128;
/** Grid cells per tile side: a cell is 128 tile units wide. */
export const CELLS_PER_TILE = 32;
/** The grid covers zooms 0–12; from 13 on, tiles carry the properties themselves. */
export const GRID_MAX_ZOOM = 12;
/** Tiles exist up to this zoom. */
export const MAX_TILE_ZOOM = 22;

/** The side of a grid cell at zoom `z`, in metres. */
export function cellSize(z: number): number {
  return (2 * WORLD_HALF) / (CELLS_PER_TILE * 2 ** z);
}

/** The cell of a point at zoom `z` (x to the east, y to the south, from the north-west corner). */
export function cellOf(x: number, y: number, z: number): { cellX: number; cellY: number } {
  const s = cellSize(z);
  const last = CELLS_PER_TILE * 2 ** z - 1;
  const clamp = (value: number) => Math.min(Math.max(value, 0), last);
  return {
    cellX: clamp(Math.floor((x + WORLD_HALF) / s)),
    cellY: clamp(Math.floor((WORLD_HALF - y) / s)),
  };
}

/** Does tile z/x/y exist (z 0–22, x and y within 0 … 2^z − 1)? */
export function isTileInRange(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) return false;
  const last = 2 ** z - 1;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x <= last && y <= last;
}

/**
 * The cells of tile z/x/y plus `margin` cells around it (clipped to the world), inclusive: those
 * whose centroid may fall into the tile's buffer.
 */
export function tileCellRange(
  z: number,
  x: number,
  y: number,
  margin = 1,
): { minX: number; maxX: number; minY: number; maxY: number } {
  const last = CELLS_PER_TILE * 2 ** z - 1;
  return {
    minX: Math.max(x * CELLS_PER_TILE - margin, 0),
    maxX: Math.min((x + 1) * CELLS_PER_TILE - 1 + margin, last),
    minY: Math.max(y * CELLS_PER_TILE - margin, 0),
    maxY: Math.min((y + 1) * CELLS_PER_TILE - 1 + margin, last),
  };
}

/** Longitude/latitude (WGS84) to EPSG:3857 metres. */
export function toWebMercator(lon: number, lat: number): { x: number; y: number } {
  const x = (lon * WORLD_HALF) / 180;
  const y = (Math.log(Math.tan(((90 + lat) * Math.PI) / 360)) / Math.PI) * WORLD_HALF;
  return { x, y };
}
