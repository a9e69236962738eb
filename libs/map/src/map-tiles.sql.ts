import {
  cellSize,
  GRID_MAX_ZOOM,
  TILE_BUFFER,
  TILE_EXTENT,
  tileCellRange,
  WORLD_HALF,
} from './rules/grid-math';
import type { MapFilters } from './rules/map-filters';

const NIL = '00000000-0000-0000-0000-000000000000';

/** A parameterised SQL fragment. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** Where a query's parameters continue: `$${next}` is the first free placeholder. */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly offset = 0) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}`;
  }
}

/**
 * The conditions of the filters with few values, on the columns both `map_properties` and
 * `map_grid_cells` have (`district` on `district_key` of the grid, `district_id` of the rows).
 */
function dimensionConditions(
  filters: MapFilters,
  params: Params,
  table: 'grid' | 'rows',
  alias: string,
): string[] {
  const where: string[] = [];
  if (filters.layer === 'closures') {
    where.push(`${alias}.closure_state IN ('declared', 'vacated', 'sealed')`);
  }
  if (filters.stages)
    where.push(`${alias}.case_stage = ANY(${params.add(filters.stages)}::text[])`);
  if (filters.severities) {
    where.push(`${alias}.severity = ANY(${params.add(filters.severities)}::text[])`);
  }
  if (filters.overdue !== null)
    where.push(`${alias}.item_overdue = ${params.add(filters.overdue)}`);
  if (filters.closures) {
    where.push(`${alias}.closure_state = ANY(${params.add(filters.closures)}::text[])`);
  }
  if (filters.reinspection !== null) {
    where.push(`${alias}.reinspection_planned = ${params.add(filters.reinspection)}`);
  }
  if (filters.districts) {
    const keys = params.add(filters.districts.map((d) => (d === 'none' ? NIL : d)));
    where.push(
      table === 'grid'
        ? `${alias}.district_key = ANY(${keys}::uuid[])`
        : `COALESCE(${alias}.district_id, '${NIL}'::uuid) = ANY(${keys}::uuid[])`,
    );
  }
  return where;
}

/**
 * The conditions that select properties of `map_properties` (alias `m`): problem properties
 * unless the portfolio layer, the dimensions, and the landlords (`landlordIds`: the landlord, or
 * its network) as owner or manager.
 */
export function propertyConditions(
  filters: MapFilters,
  landlordIds: readonly string[] | null,
  params: Params,
): string[] {
  const where = dimensionConditions(filters, params, 'rows', 'm');
  if (filters.layer !== 'portfolio') where.unshift('m.problem');
  if (landlordIds !== null) {
    const ids = params.add(landlordIds);
    where.push(`(m.owner_id = ANY(${ids}::uuid[]) OR m.manager_id = ANY(${ids}::uuid[]))`);
  }
  return where;
}

/**
 * A tile of points (z ≥ 13, or any zoom with a landlord): each property in the tile and its
 * buffer. The envelope with the buffer as margin filters the indexed `geom` as it is.
 */
export function pointsTileSql(
  z: number,
  x: number,
  y: number,
  filters: MapFilters,
  landlordIds: readonly string[] | null,
): SqlPart {
  const params = new Params(3);
  const where = propertyConditions(filters, landlordIds, params);
  return {
    sql: `
      WITH features AS (
        SELECT ST_AsMVTGeom(m.geom, ST_TileEnvelope($1, $2, $3), ${TILE_EXTENT}, ${TILE_BUFFER}, true)
                 AS geom,
               m.property_id::text AS id, m.risk_class::int AS risk_class, m.risk_score,
               m.severity, m.case_stage, m.closure_state, m.item_overdue
          FROM map_properties m
         WHERE m.geom && ST_TileEnvelope($1, $2, $3, margin => ${TILE_BUFFER}.0 / ${TILE_EXTENT})
           ${where.map((condition) => `AND ${condition}`).join('\n           ')})
      SELECT ST_AsMVT(features, 'properties', ${TILE_EXTENT}, 'geom') AS tile
        FROM features WHERE geom IS NOT NULL`,
    params: [z, x, y, ...params.values],
  };
}

/**
 * A tile of grid cells (z ≤ 12, no landlord): the cells of the tile and one around it, their
 * matching dimension rows summed, each emitted at the centroid of its properties.
 */
export function cellsTileSql(z: number, x: number, y: number, filters: MapFilters): SqlPart {
  if (z > GRID_MAX_ZOOM) throw new Error(`No grid at zoom ${z}`);
  const range = tileCellRange(z, x, y, 1);
  const params = new Params(7);
  const where = dimensionConditions(filters, params, 'grid', 'g');
  return {
    sql: `
      WITH cells AS (
        SELECT g.cell_x, g.cell_y, sum(g.n)::int AS n, sum(g.sum_x) AS sum_x, sum(g.sum_y) AS sum_y,
               sum(g.n_class0)::int AS c0, sum(g.n_class1)::int AS c1,
               sum(g.n_class2)::int AS c2, sum(g.n_class3)::int AS c3
          FROM map_grid_cells g
         WHERE g.zoom = $1 AND g.cell_x BETWEEN $4 AND $5 AND g.cell_y BETWEEN $6 AND $7
           ${where.map((condition) => `AND ${condition}`).join('\n           ')}
         GROUP BY g.cell_x, g.cell_y),
      features AS (
        SELECT ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(sum_x::float8 / n, sum_y::float8 / n), 3857),
                            ST_TileEnvelope($1, $2, $3), ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom,
               ${CELL_CLASS_COLUMNS}
          FROM cells WHERE n > 0)
      SELECT ST_AsMVT(features, 'cells', ${TILE_EXTENT}, 'geom') AS tile
        FROM features WHERE geom IS NOT NULL`,
    params: [z, x, y, range.minX, range.maxX, range.minY, range.maxY, ...params.values],
  };
}

/** The risk classes' counts and the highest class of a cell, as both kinds of cell tile carry. */
const CELL_CLASS_COLUMNS = `n, c0, c1, c2, c3,
               CASE WHEN c3 > 0 THEN 3 WHEN c2 > 0 THEN 2 WHEN c1 > 0 THEN 1 ELSE 0 END AS max_class`;

/**
 * A landlord's properties at z ≤ 12 (the landlord, its network or its portfolio), aggregated per
 * request into the grid's cells: its set is small enough to group directly, and a manager with
 * tens of thousands of properties would otherwise put thousands of points into one tile.
 */
export function landlordCellsTileSql(
  z: number,
  x: number,
  y: number,
  filters: MapFilters,
  landlordIds: readonly string[],
): SqlPart {
  if (z > GRID_MAX_ZOOM) throw new Error(`No grid at zoom ${z}`);
  const params = new Params(4);
  const where = propertyConditions(filters, landlordIds, params);
  return {
    sql: `
      WITH cells AS (
        SELECT floor((ST_X(m.geom) + ${WORLD_HALF}) / $4) AS cell_x,
               floor((${WORLD_HALF} - ST_Y(m.geom)) / $4) AS cell_y,
               count(*)::int AS n, sum(ST_X(m.geom)) AS sum_x, sum(ST_Y(m.geom)) AS sum_y,
               (count(*) FILTER (WHERE m.risk_class = 0))::int AS c0,
               (count(*) FILTER (WHERE m.risk_class = 1))::int AS c1,
               (count(*) FILTER (WHERE m.risk_class = 2))::int AS c2,
               (count(*) FILTER (WHERE m.risk_class = 3))::int AS c3
          FROM map_properties m
         WHERE m.geom && ST_TileEnvelope($1, $2, $3, margin => ${TILE_BUFFER}.0 / ${TILE_EXTENT})
           ${where.map((condition) => `AND ${condition}`).join('\n           ')}
         GROUP BY 1, 2),
      features AS (
        SELECT ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(sum_x / n, sum_y / n), 3857),
                            ST_TileEnvelope($1, $2, $3), ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom,
               ${CELL_CLASS_COLUMNS}
          FROM cells)
      SELECT ST_AsMVT(features, 'cells', ${TILE_EXTENT}, 'geom') AS tile
        FROM features WHERE geom IS NOT NULL`,
    params: [z, x, y, cellSize(z), ...params.values],
  };
}

/**
 * The tile's SQL: grid cells at z ≤ 12 (from the aggregates, or grouped from a landlord's set),
 * points above. The api and the benchmark's raw server both ask this one function.
 */
export function tileSql(
  z: number,
  x: number,
  y: number,
  filters: MapFilters,
  landlordIds: readonly string[] | null,
): SqlPart {
  if (z > GRID_MAX_ZOOM) return pointsTileSql(z, x, y, filters, landlordIds);
  return landlordIds === null
    ? cellsTileSql(z, x, y, filters)
    : landlordCellsTileSql(z, x, y, filters, landlordIds);
}

/** How many properties the filters select: from the zoom-0 grid, or the rows for a landlord. */
export function countSql(filters: MapFilters, landlordIds: readonly string[] | null): SqlPart {
  const params = new Params(0);
  if (landlordIds === null && filters.layer !== 'portfolio') {
    const where = dimensionConditions(filters, params, 'grid', 'g');
    return {
      sql: `SELECT COALESCE(sum(g.n), 0)::int AS count FROM map_grid_cells g
             WHERE g.zoom = 0 ${where.map((condition) => `AND ${condition}`).join(' ')}`,
      params: params.values,
    };
  }
  const where = propertyConditions(filters, landlordIds, params);
  return {
    sql: `SELECT count(*)::int AS count FROM map_properties m
           WHERE ${where.length > 0 ? where.join(' AND ') : 'true'}`,
    params: params.values,
  };
}

export { Params as SqlParams };
