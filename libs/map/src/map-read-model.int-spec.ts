import 'reflect-metadata';
import { VectorTile } from '@mapbox/vector-tile';
import { randomInt, randomUUID } from 'node:crypto';
import { PbfReader } from 'pbf';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@hausakte/platform';
import { rebuildMapReadModel, refreshMapRows } from './map-read-model.repository';
import { REBUILD_GRID_SQL } from './map-read-model.sql';
import { countSql, tileSql } from './map-tiles.sql';
import { cellOf, toWebMercator, WORLD_HALF } from './rules/grid-math';
import { type MapFilters, NO_MAP_FILTERS } from './rules/map-filters';

/**
 * The map's read model and tile SQL against PostGIS, on hand-checked fixtures written straight
 * into the tables, in a spot of the South Atlantic of its own (no other test puts anything near):
 * every zoom-3-and-up cell and every tile there is this file's alone.
 */
describe('the map read model and its tiles', () => {
  let db: DataSource;
  let userId: string;
  let catalogueItemId: string;
  const now = new Date();
  // A 0.5° square somewhere in 40–35° W, 45–40° S.
  const west = -40 + randomInt(0, 4000) / 1000;
  const south = -45 + randomInt(0, 4000) / 1000;
  const within = { west, south, east: west + 0.5, north: south + 0.5 };

  beforeAll(async () => {
    db = new DataSource({ ...databaseOptions({ DATABASE_URL: process.env.DATABASE_URL! }) });
    await db.initialize();
    userId = randomUUID();
    await db.query(
      `INSERT INTO users (id, email, display_name, role, password_hash)
       VALUES ($1, $2, 'Karten Test', 'officer', 'x')`,
      [userId, `map-${userId}@test.example`],
    );
    [{ id: catalogueItemId }] = await db.query(`SELECT id FROM catalogue_items LIMIT 1`);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  interface Fixture {
    score?: number;
    defects?: Array<{ severity: 'A' | 'B' | 'C'; status?: string }>;
    caseStatus?: 'open' | 'closed';
    hearing?: boolean;
    order?: { status: string; itemStatus: string; dueDaysAgo: number };
    closure?: 'declared' | 'vacated' | 'sealed' | 'released';
    reinspection?: boolean;
    persons?: number[];
    districtId?: string | null;
  }

  /** A property with the given facts, written straight into the other libs' tables. */
  async function addProperty(lon: number, lat: number, fixture: Fixture = {}): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await db.query(
      `INSERT INTO properties (location, district_id) VALUES (ST_SetSRID(ST_MakePoint($1, $2), 4326), $3)
       RETURNING id`,
      [lon, lat, fixture.districtId ?? null],
    );
    await setFacts(id, fixture);
    return id;
  }

  async function setFacts(propertyId: string, fixture: Fixture): Promise<void> {
    if (fixture.score !== undefined) {
      await db.query(
        `INSERT INTO property_risk (property_id, score, facts, factors, weights_version, computed_at)
         VALUES ($1, $2, '{}', '[]', 0, now())
         ON CONFLICT (property_id) DO UPDATE SET score = excluded.score`,
        [propertyId, fixture.score],
      );
    }
    if (fixture.defects || fixture.persons) {
      const [{ id: inspectionId }] = await db.query(
        `INSERT INTO inspections (property_id, kind, status, scheduled_at, planned_by, completed_at, completed_by)
         VALUES ($1, 'initial', 'done', now(), $2, now(), $2) RETURNING id`,
        [propertyId, userId],
      );
      for (const defect of fixture.defects ?? []) {
        await db.query(
          `INSERT INTO defects (id, property_id, inspection_id, catalogue_item_id, severity, description, status, created_by)
           VALUES ($1, $2, $3, $4, $5, 'Befund', $6, $7)`,
          [
            randomUUID(),
            propertyId,
            inspectionId,
            catalogueItemId,
            defect.severity,
            defect.status ?? 'open',
            userId,
          ],
        );
      }
      for (const [index, persons] of (fixture.persons ?? []).entries()) {
        const [{ id: buildingId }] = await db.query(
          `INSERT INTO buildings (property_id, label) VALUES ($1, $2)
           ON CONFLICT (property_id, label) DO UPDATE SET label = excluded.label RETURNING id`,
          [propertyId, 'Haus'],
        );
        const [{ id: unitId }] = await db.query(
          `INSERT INTO units (building_id, property_id, label) VALUES ($1, $2, $3)
           ON CONFLICT (building_id, label) DO UPDATE SET label = excluded.label RETURNING id`,
          [buildingId, propertyId, `W${index}`],
        );
        await db.query(
          `INSERT INTO unit_occupancies (inspection_id, unit_id, adults_found, children_under_six_found,
             persons_registered, living_area_m2, unit_kind, shared_ancillary_rooms, worker_housing, outcome, result)
           VALUES ($1, $2, $3, 1, 0, 50, 'flat', false, false, 'ok', '{}')`,
          [inspectionId, unitId, persons - 1],
        );
      }
    }
    if (fixture.caseStatus) {
      const [{ id: caseId }] = await db.query(
        `INSERT INTO cases (reference, property_id, status, officer_id, created_by, closed_at, close_reason)
         VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id`,
        [
          `MAP-${randomUUID()}`,
          propertyId,
          fixture.caseStatus,
          userId,
          fixture.caseStatus === 'closed' ? now : null,
          fixture.caseStatus === 'closed' ? 'erledigt' : null,
        ],
      );
      if (fixture.hearing) {
        await db.query(
          `INSERT INTO hearings (case_id, status, reply_days, created_by) VALUES ($1, 'draft', 14, $2)`,
          [caseId, userId],
        );
      }
      if (fixture.order || fixture.closure) {
        const served = fixture.order?.status !== 'draft';
        const [{ id: orderId }] = await db.query(
          `INSERT INTO orders (case_id, kind, status, hearing_skipped_reason, created_by, notified_on, challenge_ends_on)
           VALUES ($1, 'repair', $2, 'Gefahr im Verzug', $3, $4, $5) RETURNING id`,
          [
            caseId,
            fixture.order?.status ?? 'served',
            userId,
            served ? '2026-01-05' : null,
            served ? '2026-02-05' : null,
          ],
        );
        if (fixture.order) {
          await db.query(
            `INSERT INTO order_items (order_id, number, requirement, status, period_unit, period_amount, period_source, due_on)
             VALUES ($1, 1, 'Instandsetzen', $2, 'days', 30, 'severity_default',
                     (($3::timestamptz AT TIME ZONE 'Europe/Berlin')::date - $4::int))`,
            [orderId, fixture.order.itemStatus, now, fixture.order.dueDaysAgo],
          );
        }
        if (fixture.closure) {
          const state = fixture.closure;
          const after = (steps: string[]) => steps.includes(state);
          await db.query(
            `INSERT INTO closures (case_id, property_id, order_id, status, declared_on, created_by,
               vacated_on, sealed_on, released_on, release_reason)
             VALUES ($1, $2, $3, $4, '2026-03-01', $5, $6, $7, $8, $9)`,
            [
              caseId,
              propertyId,
              orderId,
              state,
              userId,
              after(['vacated', 'sealed', 'released']) ? '2026-03-10' : null,
              after(['sealed', 'released']) ? '2026-03-11' : null,
              after(['released']) ? '2026-04-01' : null,
              after(['released']) ? 'saniert' : null,
            ],
          );
        }
      }
    }
    if (fixture.reinspection) {
      await db.query(
        `INSERT INTO inspections (property_id, kind, status, scheduled_at, planned_by)
         VALUES ($1, 'reinspection', 'planned', now() + interval '7 days', $2)`,
        [propertyId, userId],
      );
    }
  }

  const refresh = (ids: string[]) => db.transaction((manager) => refreshMapRows(manager, ids, now));

  async function row(propertyId: string): Promise<Record<string, unknown>> {
    const [found]: Array<Record<string, unknown>> = await db.query(
      `SELECT problem, case_stage, severity, item_overdue, closure_state, reinspection_planned,
              risk_score, risk_class, open_defects_a, open_defects_b, open_defects_c, open_items,
              overdue_items, occupants, to_char(next_deadline, 'YYYY-MM-DD') AS next_deadline
         FROM map_properties WHERE property_id = $1`,
      [propertyId],
    );
    return found;
  }

  /** The region's grid rows (zoom ≥ 3: this file's alone) as stored, and as a rebuild makes them. */
  async function gridOfRegion(): Promise<{ stored: unknown[]; rebuilt: unknown[] }> {
    const sw = toWebMercator(within.west - 0.5, within.south - 0.5);
    const ne = toWebMercator(within.east + 0.5, within.north + 0.5);
    const region = `zoom >= 3 AND cell_x BETWEEN floor(($1 + ${WORLD_HALF}) / (${2 * WORLD_HALF} / (32 << zoom)))
                    AND floor(($2 + ${WORLD_HALF}) / (${2 * WORLD_HALF} / (32 << zoom)))
                    AND cell_y BETWEEN floor((${WORLD_HALF} - $3) / (${2 * WORLD_HALF} / (32 << zoom)))
                    AND floor((${WORLD_HALF} - $4) / (${2 * WORLD_HALF} / (32 << zoom)))`;
    const params = [sw.x, ne.x, ne.y, sw.y];
    const order = `ORDER BY zoom, cell_x, cell_y, case_stage, severity, item_overdue, closure_state, reinspection_planned, district_key`;
    return db.transaction(async (manager) => {
      const stored = await manager.query(
        `SELECT * FROM map_grid_cells WHERE ${region} ${order}`,
        params,
      );
      await manager.query(
        `CREATE TEMP TABLE rebuilt (LIKE map_grid_cells INCLUDING ALL) ON COMMIT DROP`,
      );
      await manager.query(
        REBUILD_GRID_SQL.replace('INSERT INTO map_grid_cells', 'INSERT INTO rebuilt'),
      );
      const rebuilt = await manager.query(`SELECT * FROM rebuilt WHERE ${region} ${order}`, params);
      return { stored, rebuilt };
    });
  }

  /** The tile z/x/y of a point (the slippy-map formula, independent of grid-math.ts). */
  function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
    const n = 2 ** z;
    const phi = (lat * Math.PI) / 180;
    return {
      x: Math.floor(((lon + 180) / 360) * n),
      y: Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n),
    };
  }

  async function tile(
    z: number,
    x: number,
    y: number,
    filters: MapFilters = NO_MAP_FILTERS,
    landlordIds: string[] | null = null,
  ): Promise<VectorTile & { bytes: number }> {
    const { sql, params } = tileSql(z, x, y, filters, landlordIds);
    const [{ tile: bytes }] = await db.query(sql, params);
    const decoded = new VectorTile(new PbfReader(bytes)) as VectorTile & { bytes: number };
    decoded.bytes = bytes.length;
    return decoded;
  }

  type Decoded = Record<string, string | number | boolean> & { x: number; y: number };

  function features(decoded: VectorTile, layer: string): Decoded[] {
    const found = decoded.layers[layer];
    if (!found) return [];
    return Array.from({ length: found.length }, (_, i) => {
      const feature = found.feature(i);
      const [[point]] = feature.loadGeometry();
      return { ...feature.properties, x: point.x, y: point.y };
    });
  }

  it('derives a property’s row from its case, defects, items, closures, counts and risk', async () => {
    const id = await addProperty(within.west + 0.01, within.south + 0.01, {
      score: 64,
      defects: [{ severity: 'A' }, { severity: 'B' }, { severity: 'C', status: 'verified' }],
      caseStatus: 'open',
      hearing: true,
      order: { status: 'served', itemStatus: 'open', dueDaysAgo: 3 },
      reinspection: true,
      persons: [3, 4],
    });
    const quiet = await addProperty(within.west + 0.02, within.south + 0.01, {
      score: 12,
      defects: [{ severity: 'A' }],
      caseStatus: 'closed',
    });
    await expect(refresh([id, quiet])).resolves.toEqual({ written: 2, gone: 0 });
    const dueOn = new Date(now.getTime() - 3 * 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Berlin',
    });
    await expect(row(id)).resolves.toEqual({
      problem: true,
      case_stage: 'monitoring',
      severity: 'B',
      item_overdue: true,
      closure_state: 'none',
      reinspection_planned: true,
      risk_score: 64,
      risk_class: 2,
      open_defects_a: 1,
      open_defects_b: 1,
      open_defects_c: 0,
      open_items: 1,
      overdue_items: 1,
      occupants: 7,
      next_deadline: dueOn,
    });
    // Only an A defect and a closed case: not a problem property.
    await expect(row(quiet)).resolves.toMatchObject({
      problem: false,
      case_stage: 'closed',
      severity: 'A',
      risk_class: 0,
    });
    // Nothing changed: nothing written, no new data version.
    await expect(refresh([id, quiet])).resolves.toEqual({ written: 0, gone: 0 });
  });

  it('derives the stage as the case lib does, and the latest closure', async () => {
    const at = (i: number) => [within.west + 0.1 + i * 0.001, within.south + 0.1] as const;
    const ids = {
      investigation: await addProperty(...at(0), { caseStatus: 'open' }),
      hearing: await addProperty(...at(1), { caseStatus: 'open', hearing: true }),
      ordered: await addProperty(...at(2), {
        caseStatus: 'open',
        hearing: true,
        order: { status: 'draft', itemStatus: 'open', dueDaysAgo: 0 },
      }),
      enforcing: await addProperty(...at(3), {
        caseStatus: 'open',
        order: { status: 'served', itemStatus: 'not_complied', dueDaysAgo: 10 },
      }),
      sealed: await addProperty(...at(4), { caseStatus: 'closed', closure: 'sealed' }),
      released: await addProperty(...at(5), { caseStatus: 'closed', closure: 'released' }),
    };
    await refresh(Object.values(ids));
    await expect(row(ids.investigation)).resolves.toMatchObject({ case_stage: 'investigation' });
    await expect(row(ids.hearing)).resolves.toMatchObject({ case_stage: 'hearing' });
    await expect(row(ids.ordered)).resolves.toMatchObject({
      case_stage: 'ordered',
      open_items: 0,
      next_deadline: null,
    });
    await expect(row(ids.enforcing)).resolves.toMatchObject({
      case_stage: 'enforcing',
      item_overdue: true,
    });
    // A closure not released makes a problem property even with its case closed.
    await expect(row(ids.sealed)).resolves.toMatchObject({
      problem: true,
      case_stage: 'closed',
      closure_state: 'sealed',
    });
    await expect(row(ids.released)).resolves.toMatchObject({
      problem: false,
      closure_state: 'released',
    });
  });

  it('puts a point on a tile edge into both neighbouring tiles (their buffers), once each', async () => {
    // The meridian between z14 tiles x and x + 1, inside the region.
    const z = 14;
    const { x: left } = tileOf(within.west + 0.3, within.south + 0.3, z);
    const edgeLon = ((left + 1) / 2 ** z) * 360 - 180;
    const lat = within.south + 0.3;
    const { y } = tileOf(edgeLon, lat, z);
    const onEdge = await addProperty(edgeLon, lat, { score: 85, caseStatus: 'open' });
    // 64 tile units (half the buffer) east of the edge: in tile x's buffer too …
    const unit = 360 / 2 ** z / 4096;
    const inBuffer = await addProperty(edgeLon + 64 * unit, lat, { score: 30, caseStatus: 'open' });
    // … 200 units east: beyond it.
    const beyond = await addProperty(edgeLon + 200 * unit, lat, { score: 30, caseStatus: 'open' });
    await refresh([onEdge, inBuffer, beyond]);

    const west = features(await tile(z, left, y), 'properties');
    const east = features(await tile(z, left + 1, y), 'properties');
    const byId = (list: typeof west) => new Map(list.map((f) => [f.id as string, f]));
    const inWest = byId(west);
    const inEast = byId(east);
    expect(inWest.get(onEdge)).toMatchObject({
      x: 4096,
      risk_class: 3,
      case_stage: 'investigation',
    });
    expect(inEast.get(onEdge)).toMatchObject({ x: 0, risk_class: 3 });
    expect(inWest.get(inBuffer)).toMatchObject({ x: 4096 + 64 });
    expect(inEast.get(inBuffer)).toMatchObject({ x: 64 });
    expect(inWest.has(beyond)).toBe(false);
    expect(inEast.get(beyond)).toMatchObject({ x: 200, risk_score: 30, item_overdue: false });
    expect(west.filter((f) => f.id === onEdge)).toHaveLength(1);
  });

  it('answers an empty tile where nothing is, and for a filter that excludes everything', async () => {
    const z = 13;
    const { x, y } = tileOf(within.west + 0.45, within.south + 0.45, z);
    const lon = ((x + 0.5) / 2 ** z) * 360 - 180;
    const empty = await tile(z, x, y);
    expect(empty.bytes).toBe(0);
    const lat = within.south + 0.45;
    await refresh([await addProperty(lon, lat, { score: 55, defects: [{ severity: 'C' }] })]);
    expect(features(await tile(z, x, y), 'properties')).toHaveLength(1);
    const none = await tile(z, x, y, { ...NO_MAP_FILTERS, stages: ['enforcing'] });
    expect(none.bytes).toBe(0);
    const low = tileOf(lon, lat, 12);
    expect(features(await tile(12, low.x, low.y), 'cells')).toHaveLength(1);
    expect((await tile(12, low.x, low.y, { ...NO_MAP_FILTERS, severities: ['A'] })).bytes).toBe(0);
  });

  it('counts the problem properties of each grid cell at their centroid, by filter', async () => {
    // Two problem properties in one z10 cell (about 1.2 km wide here), one not a problem.
    const z = 10;
    const lon = within.west + 0.25;
    const lat = within.south + 0.2;
    const a = toWebMercator(lon, lat);
    const cell = cellOf(a.x, a.y, z);
    const size = (2 * WORLD_HALF) / (32 * 2 ** z);
    // Two points inside the cell at known Mercator coordinates: a quarter and three quarters in.
    const cx = -WORLD_HALF + cell.cellX * size;
    const cy = WORLD_HALF - cell.cellY * size;
    const points = [
      [cx + size / 4, cy - size / 4],
      [cx + (3 * size) / 4, cy - (3 * size) / 4],
    ];
    const lonLat = async ([x, y]: number[]) => {
      const [p] = await db.query(
        `SELECT ST_X(g) AS lon, ST_Y(g) AS lat FROM ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 3857), 4326) g`,
        [x, y],
      );
      return [p.lon, p.lat] as [number, number];
    };
    const one = await addProperty(...(await lonLat(points[0])), {
      score: 90,
      defects: [{ severity: 'C' }],
    });
    const two = await addProperty(...(await lonLat(points[1])), {
      score: 25,
      defects: [{ severity: 'B' }],
    });
    const three = await addProperty(...(await lonLat(points[1])), {
      score: 5,
      defects: [{ severity: 'A' }],
    });
    await refresh([one, two, three]);

    const tx = Math.floor(cell.cellX / 32);
    const ty = Math.floor(cell.cellY / 32);
    const inCell = (list: ReturnType<typeof features>) =>
      list.filter(
        (f) =>
          f.x === (cell.cellX - tx * 32) * 128 + 64 && f.y === (cell.cellY - ty * 32) * 128 + 64,
      );
    // The centroid of the two is the cell's centre: tile units 128 · (cell − 32 · tile) + 64.
    expect(inCell(features(await tile(z, tx, ty), 'cells'))).toEqual([
      {
        n: 2,
        c0: 0,
        c1: 1,
        c2: 0,
        c3: 1,
        max_class: 3,
        x: expect.any(Number),
        y: expect.any(Number),
      },
    ]);
    const onlyB = features(
      await tile(z, tx, ty, { ...NO_MAP_FILTERS, severities: ['B'] }),
      'cells',
    );
    expect(onlyB).toContainEqual(
      expect.objectContaining({ n: 1, c1: 1, max_class: 1, x: (cell.cellX - tx * 32) * 128 + 96 }),
    );
    const { sql, params } = countSql({ ...NO_MAP_FILTERS, severities: ['C'] }, null);
    const [{ count }] = await db.query(sql, params);
    expect(count).toBeGreaterThanOrEqual(1);
  });

  it('shows a landlord’s properties as cells at z ≤ 12 and points above, the portfolio problem or not', async () => {
    const landlordId = randomUUID();
    await db.query(`INSERT INTO landlords (id, kind, name) VALUES ($1, 'company', 'Karten GmbH')`, [
      landlordId,
    ]);
    // All three inside one z14 tile (so also one z8 grid cell, 1/32 of a z8 tile): 0.005° east
    // of the tile's west edge, 0.001° apart. (A spot taken at random once put the second one
    // past the tile's buffer.)
    const lonTile = tileOf(within.west + 0.4, within.south + 0.15, 14).x;
    const lon = (lonTile * 360) / 2 ** 14 - 180 + 0.005;
    const lat = within.south + 0.15;
    const owned = await addProperty(lon, lat, { score: 40, defects: [{ severity: 'B' }] });
    const managed = await addProperty(lon + 0.001, lat, { score: 5 });
    const other = await addProperty(lon + 0.002, lat, { score: 70, defects: [{ severity: 'C' }] });
    await db.query(
      `INSERT INTO ownerships (property_id, landlord_id, role, valid_from)
       VALUES ($1, $3, 'owner', '2020-01-01'), ($2, $3, 'manager', '2021-06-01')`,
      [owned, managed, landlordId],
    );
    await refresh([owned, managed, other]);
    const { x, y } = tileOf(lon, lat, 14);
    const ids = async (filters: MapFilters) =>
      features(await tile(14, x, y, filters, [landlordId]), 'properties')
        .map((feature) => feature.id)
        .sort();
    const landlord = { ...NO_MAP_FILTERS, landlord: landlordId };
    await expect(ids(landlord)).resolves.toEqual([owned]);
    await expect(ids({ ...landlord, layer: 'portfolio' })).resolves.toEqual(
      [owned, managed].sort(),
    );
    // At z8 the landlord's set is grouped into the grid's cells (one here: 100 m apart), with
    // its classes counted: the owned property (score 40: class 1) and the managed one (5: 0).
    const z8 = tileOf(lon, lat, 8);
    const landlordCells = async (filters: MapFilters) =>
      features(await tile(8, z8.x, z8.y, filters, [landlordId]), 'cells');
    expect(await landlordCells(landlord)).toEqual([
      expect.objectContaining({ n: 1, c0: 0, c1: 1, max_class: 1 }),
    ]);
    expect(await landlordCells({ ...landlord, layer: 'portfolio' })).toEqual([
      expect.objectContaining({ n: 2, c0: 1, c1: 1, max_class: 1 }),
    ]);
    expect(features(await tile(8, z8.x, z8.y, landlord, [landlordId]), 'properties')).toEqual([]);
    const { sql, params } = countSql({ ...landlord, layer: 'portfolio' }, [landlordId]);
    await expect(db.query(sql, params)).resolves.toEqual([{ count: 2 }]);
    // Without a landlord, z8 is the grid's cells.
    expect(features(await tile(8, z8.x, z8.y), 'properties')).toEqual([]);
    expect(features(await tile(8, z8.x, z8.y), 'cells').length).toBeGreaterThan(0);
  });

  it('keeps the grid by deltas equal to a full rebuild, through a sequence of changes', async () => {
    const lon = within.west + 0.35;
    const lat = within.south + 0.35;
    const districtId = randomUUID();
    await db.query(
      `INSERT INTO districts (id, name, outline, source)
       VALUES ($1, $2, ST_Multi(ST_MakeEnvelope($3, $4, $5, $6, 4326)), 'test')`,
      [districtId, `Kartenbezirk ${districtId}`, lon - 0.1, lat - 0.1, lon + 0.1, lat + 0.1],
    );
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(
        await addProperty(lon + (i % 4) * 0.003, lat + Math.floor(i / 4) * 0.003, {
          score: i * 9,
          defects: [{ severity: (['A', 'B', 'C'] as const)[i % 3] }],
          caseStatus: i % 2 === 0 ? 'open' : undefined,
          districtId: i % 3 === 0 ? districtId : null,
        }),
      );
    }
    await refresh(ids);
    let grid = await gridOfRegion();
    expect(grid.stored.length).toBeGreaterThan(0);
    expect(grid.stored).toEqual(grid.rebuilt);

    // Risk up and down, a defect verified, a case closed, a property moved and one re-districted,
    // a closure declared, two properties gone — refreshed in uneven batches.
    await db.query(`UPDATE property_risk SET score = 100 - score WHERE property_id = ANY($1)`, [
      ids.slice(0, 6),
    ]);
    await db.query(`UPDATE defects SET status = 'verified' WHERE property_id = ANY($1)`, [
      ids.slice(2, 5),
    ]);
    await db.query(
      `UPDATE cases SET status = 'closed', closed_at = now(), close_reason = 'x' WHERE property_id = $1`,
      [ids[6]],
    );
    await db.query(
      `UPDATE properties SET location = ST_Translate(location, 0.05, 0.02) WHERE id = $1`,
      [ids[7]],
    );
    await db.query(`UPDATE properties SET district_id = $2 WHERE id = $1`, [ids[8], districtId]);
    await setFacts(ids[9], { caseStatus: 'closed', closure: 'declared' });
    for (const gone of [ids[10], ids[11]]) {
      await db.query(`DELETE FROM defects WHERE property_id = $1`, [gone]);
      await db.query(`DELETE FROM inspections WHERE property_id = $1`, [gone]);
      await db.query(`DELETE FROM cases WHERE property_id = $1`, [gone]);
      await db.query(`DELETE FROM properties WHERE id = $1`, [gone]);
    }
    await refresh(ids.slice(0, 5));
    await refresh(ids.slice(5));
    grid = await gridOfRegion();
    expect(grid.stored).toEqual(grid.rebuilt);
    expect(
      await db.query(`SELECT 1 FROM map_properties WHERE property_id = ANY($1)`, [
        [ids[10], ids[11]],
      ]),
    ).toEqual([]);
    expect(await db.query(`SELECT 1 FROM map_grid_cells WHERE n = 0`)).toEqual([]);
  });

  it('rebuilds every row and the grid to what the refreshes kept, changing no row', async () => {
    const regionRows = () =>
      db.query(
        `SELECT property_id, change_seq FROM map_properties
          WHERE geom && ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, 4326), 3857)
          ORDER BY property_id`,
        [within.west - 0.5, within.south - 0.5, within.east + 0.5, within.north + 0.5],
      );
    const before: Array<{ property_id: string; change_seq: string }> = await regionRows();
    expect(before.length).toBeGreaterThan(20);
    const result = await rebuildMapReadModel(db, { batchSize: 7, now });
    expect(result.properties).toBeGreaterThanOrEqual(before.length);
    await expect(regionRows()).resolves.toEqual(before);
    const grid = await gridOfRegion();
    expect(grid.stored).toEqual(grid.rebuilt);
  });
});
