import {
  cellsTileSql,
  countSql,
  landlordCellsTileSql,
  pointsTileSql,
  tileSql,
} from './map-tiles.sql';
import { NO_MAP_FILTERS } from './rules/map-filters';

const LANDLORD = '6f1c2b1e-9a0d-4c8e-8f7a-2b3c4d5e6f70';

/** Every `$n` of the SQL has its parameter, and every parameter is used. */
function placeholdersMatch(sql: string, params: unknown[]): boolean {
  const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  return used.size === params.length && [...used].every((n) => n >= 1 && n <= params.length);
}

describe('the tile SQL', () => {
  it('filters points by the envelope with the buffer as margin, never transforming geom', () => {
    const { sql, params } = pointsTileSql(14, 8530, 5440, NO_MAP_FILTERS, null);
    expect(sql).toContain('m.geom && ST_TileEnvelope($1, $2, $3, margin => 128.0 / 4096)');
    expect(sql).not.toMatch(/ST_Transform\(m\.geom/);
    expect(sql).toContain('AND m.problem');
    expect(params).toEqual([14, 8530, 5440]);
  });

  it('numbers the filter parameters after the tile’s, in a fixed order', () => {
    const filters = {
      ...NO_MAP_FILTERS,
      layer: 'closures' as const,
      stages: ['hearing' as const],
      severities: ['C' as const],
      overdue: true,
      closures: ['sealed' as const],
      reinspection: false,
      districts: ['none'],
    };
    const points = pointsTileSql(13, 1, 2, filters, [LANDLORD]);
    expect(placeholdersMatch(points.sql, points.params)).toBe(true);
    expect(points.params).toEqual([
      13,
      1,
      2,
      ['hearing'],
      ['C'],
      true,
      ['sealed'],
      false,
      ['00000000-0000-0000-0000-000000000000'],
      [LANDLORD],
    ]);
    expect(points.sql).toContain(`m.closure_state IN ('declared', 'vacated', 'sealed')`);
    const cells = cellsTileSql(10, 533, 340, filters);
    expect(placeholdersMatch(cells.sql, cells.params)).toBe(true);
    // The tile's cells and one around them.
    expect(cells.params.slice(0, 7)).toEqual([
      10,
      533,
      340,
      533 * 32 - 1,
      534 * 32,
      340 * 32 - 1,
      341 * 32,
    ]);
    expect(cells.sql).toContain('g.district_key = ANY($13::uuid[])');
  });

  it('shows a landlord’s whole portfolio, problem or not, as owner or manager', () => {
    const { sql } = pointsTileSql(
      8,
      133,
      85,
      { ...NO_MAP_FILTERS, layer: 'portfolio', landlord: LANDLORD },
      [LANDLORD],
    );
    expect(sql).not.toContain('m.problem');
    expect(sql).toContain('(m.owner_id = ANY($4::uuid[]) OR m.manager_id = ANY($4::uuid[]))');
  });

  it('has no grid above zoom 12', () => {
    expect(() => cellsTileSql(13, 0, 0, NO_MAP_FILTERS)).toThrow(/zoom 13/);
  });

  it('groups a landlord’s set into cells at z ≤ 12 and gives points above', () => {
    const filters = { ...NO_MAP_FILTERS, landlord: LANDLORD, stages: ['hearing' as const] };
    const grouped = landlordCellsTileSql(8, 133, 85, filters, [LANDLORD]);
    expect(placeholdersMatch(grouped.sql, grouped.params)).toBe(true);
    expect(grouped.sql).toContain("ST_AsMVT(features, 'cells'");
    expect(grouped.sql).toContain('m.geom && ST_TileEnvelope($1, $2, $3, margin => 128.0 / 4096)');
    expect(grouped.params[3]).toBeCloseTo(40075016.69 / (32 * 256), 2);
    expect(tileSql(8, 133, 85, filters, [LANDLORD]).sql).toBe(grouped.sql);
    expect(tileSql(8, 133, 85, NO_MAP_FILTERS, null).sql).toBe(
      cellsTileSql(8, 133, 85, NO_MAP_FILTERS).sql,
    );
    expect(tileSql(13, 1, 2, filters, [LANDLORD]).sql).toBe(
      pointsTileSql(13, 1, 2, filters, [LANDLORD]).sql,
    );
    expect(() => landlordCellsTileSql(13, 0, 0, filters, [LANDLORD])).toThrow(/zoom 13/);
  });

  it('counts from the zoom-0 grid, or the rows for a landlord', () => {
    expect(countSql(NO_MAP_FILTERS, null).sql).toMatch(/FROM map_grid_cells g\s+WHERE g\.zoom = 0/);
    const forLandlord = countSql({ ...NO_MAP_FILTERS, landlord: LANDLORD }, [LANDLORD]);
    expect(forLandlord.sql).toContain('FROM map_properties m');
    expect(placeholdersMatch(forLandlord.sql, forLandlord.params)).toBe(true);
  });
});
