import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { MapFilters } from '../rules/map-filters';
import { propertyConditions, SqlParams } from '../map-tiles.sql';
import type { AreaShape } from './area-shape';

export interface AreaFiguresRow {
  properties: number;
  open_defects_a: number;
  open_defects_b: number;
  open_defects_c: number;
  open_items: number;
  overdue_items: number;
  closures: number;
  occupants: number;
  area_km2: number;
}

/** The shape in WGS84 as SQL with its parameters (`$1`…). */
function shapeSql(shape: AreaShape): { sql: string; params: unknown[] } {
  switch (shape.kind) {
    case 'bbox':
      return {
        sql: 'ST_MakeEnvelope($1, $2, $3, $4, 4326)',
        params: [shape.west, shape.south, shape.east, shape.north],
      };
    case 'polygon':
      return {
        sql: 'ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)',
        params: [JSON.stringify(shape.geojson)],
      };
    case 'district':
      return { sql: '(SELECT outline FROM districts WHERE id = $1)', params: [shape.districtId] };
  }
}

@Injectable()
export class AreaRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /** Why PostGIS finds the polygon invalid (a ring crossing itself), or null when it is valid. */
  async invalidReason(shape: AreaShape): Promise<string | null> {
    if (shape.kind !== 'polygon') return null;
    const [row]: Array<{ valid: boolean; reason: string }> = await this.manager.query(
      `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
         FROM (SELECT ST_GeomFromGeoJSON($1) AS g) shape`,
      [JSON.stringify(shape.geojson)],
    );
    return row.valid ? null : row.reason;
  }

  async districtExists(districtId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM districts WHERE id = $1`, [
      districtId,
    ]);
    return rows.length > 0;
  }

  /**
   * The figures inside the shape. The shape is transformed to the stored projection once; the
   * indexed `geom` is compared as it is (`&&` uses the GiST index, `ST_Intersects` decides).
   */
  async figures(
    shape: AreaShape,
    filters: MapFilters,
    landlordIds: readonly string[] | null,
  ): Promise<AreaFiguresRow> {
    const area = shapeSql(shape);
    const params = new SqlParams(area.params.length);
    const where = propertyConditions(filters, landlordIds, params);
    const [row]: AreaFiguresRow[] = await this.manager.query(
      `WITH area AS (SELECT ${area.sql} AS wgs84),
            projected AS (SELECT ST_Transform(wgs84, 3857) AS g, wgs84 FROM area)
       SELECT count(m.property_id)::int AS properties,
              COALESCE(sum(m.open_defects_a), 0)::int AS open_defects_a,
              COALESCE(sum(m.open_defects_b), 0)::int AS open_defects_b,
              COALESCE(sum(m.open_defects_c), 0)::int AS open_defects_c,
              COALESCE(sum(m.open_items), 0)::int AS open_items,
              COALESCE(sum(m.overdue_items), 0)::int AS overdue_items,
              (count(*) FILTER (WHERE m.closure_state IN ('declared', 'vacated', 'sealed')))::int
                AS closures,
              COALESCE(sum(m.occupants), 0)::int AS occupants,
              (SELECT ST_Area(wgs84::geography) / 1e6 FROM projected)::float8 AS area_km2
         FROM projected
         LEFT JOIN map_properties m
           ON m.geom && projected.g AND ST_Intersects(m.geom, projected.g)
              ${where.map((condition) => `AND ${condition}`).join(' ')}`,
      [...area.params, ...params.values],
    );
    return row;
  }

  /**
   * Every district's outline as one GeoJSON FeatureCollection (WGS84), simplified to about 10 m
   * (topology kept): enough for an overlay, a fraction of the survey office's vertices.
   */
  async districtOutlines(): Promise<object> {
    const [row]: Array<{ collection: object }> = await this.manager.query(
      `SELECT jsonb_build_object(
                'type', 'FeatureCollection',
                'features', COALESCE(jsonb_agg(jsonb_build_object(
                  'type', 'Feature', 'id', d.id,
                  'properties', jsonb_build_object('name', d.name),
                  'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(d.outline, 0.0001), 6)::jsonb
                ) ORDER BY d.name), '[]'::jsonb)) AS collection
         FROM districts d`,
    );
    return row.collection;
  }
}
