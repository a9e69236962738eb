import { VectorTile } from '@mapbox/vector-tile';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { PbfReader } from 'pbf';
import { DataSource } from 'typeorm';
import { cellOf, DEFAULT_RISK_WEIGHTS, riskClassOf, toWebMercator } from '@hausakte/map';
import { startTestApi, TestApi, waitFor } from '@hausakte/testing';
import { createWorkerApp } from '@hausakte/worker';
import {
  catalogue,
  CatalogueEntry,
  createProperty,
  planInspection,
} from '../support/inspection-fixtures';

interface Problem {
  status: number;
  errors?: Array<{ field: string; message: string }>;
}

/** The tile z/x/y of a point (the slippy-map formula). */
function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n),
  };
}

/**
 * Vector tiles, the count and the popup over HTTP, with the worker keeping the read model through
 * the outbox. The test's property stands on a spot of Herne of its own, so the grid cell and the
 * tiles it checks hold nobody else's properties (other files' properties are compared before and
 * after, not assumed absent).
 */
describe('the map over HTTP: tiles, count, popup', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;
  let officer: { token: string; id: string };
  let inspector: { token: string; id: string };
  let manager: { token: string };
  let entries: CatalogueEntry[];
  const lon = 7.15 + randomInt(0, 1300) / 10_000;
  const lat = 51.505 + randomInt(0, 600) / 10_000;
  let propertyId: string;

  beforeAll(async () => {
    api = await startTestApi();
    process.env.OUTBOX_POLL_MS = '100';
    worker = await createWorkerApp();
    await worker.init();
    db = api.app.get<DataSource>(getDataSourceToken());
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    manager = await api.signIn('manager');
    entries = await catalogue(api, officer.token);
    propertyId = (await createProperty(api, officer.token, { street: 'Kachelweg', lon, lat })).id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const fetchTile = async (path: string, token?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api.baseUrl}/api/v1/map/tiles/${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes };
  };

  type Decoded = Record<string, string | number | boolean> & { x: number; y: number };

  const decode = (bytes: Buffer, layer: string): Decoded[] => {
    const found = new VectorTile(new PbfReader(bytes)).layers[layer];
    if (!found) return [];
    return Array.from({ length: found.length }, (_, i) => {
      const feature = found.feature(i);
      const [[point]] = feature.loadGeometry();
      return { ...feature.properties, x: point.x, y: point.y };
    });
  };

  const inspect = async (severity: 'A' | 'B' | 'C') => {
    const planned = await planInspection(api, officer.token, {
      propertyId,
      inspectorIds: [inspector.id],
    });
    const entry = entries.find((candidate) => candidate.severity === severity)!;
    const done = await api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
      token: inspector.token,
      body: {
        outcome: 'done',
        findings: [{ id: randomUUID(), catalogueItemId: entry.id, description: 'Befund' }],
      },
    });
    expect(done.status).toBe(200);
  };

  const storedScore = async (): Promise<number | undefined> => {
    const rows: Array<{ risk_score: number }> = await db.query(
      `SELECT risk_score FROM map_properties WHERE property_id = $1`,
      [propertyId],
    );
    return rows[0]?.risk_score;
  };

  /** The grid at z12 in the property's cell, over every dimension. */
  const cellCounts = async (): Promise<Record<string, number>> => {
    const { x, y } = toWebMercator(lon, lat);
    const { cellX, cellY } = cellOf(x, y, 12);
    const [counts]: Array<Record<string, number>> = await db.query(
      `SELECT COALESCE(sum(n), 0)::int AS n, COALESCE(sum(n_class0), 0)::int AS c0,
              COALESCE(sum(n_class1), 0)::int AS c1, COALESCE(sum(n_class2), 0)::int AS c2,
              COALESCE(sum(n_class3), 0)::int AS c3
         FROM map_grid_cells WHERE zoom = 12 AND cell_x = $1 AND cell_y = $2`,
      [cellX, cellY],
    );
    return { ...counts, cellX, cellY };
  };

  it('keeps the grid in step when an inspection changes a property’s risk (through the worker)', async () => {
    const before = await cellCounts();
    await inspect('B');
    const firstScore = DEFAULT_RISK_WEIGHTS.openDefectsB;
    await waitFor(async () => ((await storedScore()) === firstScore ? true : undefined), 20_000);
    const first = riskClassOf(firstScore);
    expect(await cellCounts()).toEqual({
      ...before,
      n: before.n + 1,
      [`c${first}`]: before[`c${first}`] + 1,
    });

    // A C defect: the same property in the same cell, now of a higher class.
    await inspect('C');
    const secondScore = firstScore + DEFAULT_RISK_WEIGHTS.openDefectsC;
    await waitFor(async () => ((await storedScore()) === secondScore ? true : undefined), 20_000);
    const second = riskClassOf(secondScore);
    expect(second).not.toBe(first);
    const after = await cellCounts();
    expect(after.n).toBe(before.n + 1);
    expect(after[`c${first}`]).toBe(before[`c${first}`]);
    expect(after[`c${second}`]).toBe(before[`c${second}`] + 1);

    // The z12 tile shows the cell at the centroid of its properties, inside the cell.
    const { x, y } = tileOf(lon, lat, 12);
    const answer = await fetchTile(`12/${x}/${y}.mvt`, manager.token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const left = (after.cellX - x * 32) * 128;
    const top = (after.cellY - y * 32) * 128;
    const cell = decode(answer.bytes, 'cells').filter(
      (f) => f.x >= left && f.x <= left + 128 && f.y >= top && f.y <= top + 128,
    );
    expect(cell).toEqual([
      expect.objectContaining({ n: after.n, [`c${second}`]: after[`c${second}`] }),
    ]);
  });

  it('serves the property as a point at z ≥ 13, with an ETag the browser revalidates', async () => {
    await waitFor(async () => ((await storedScore()) ?? 0) > 0 || undefined, 20_000);
    const { x, y } = tileOf(lon, lat, 16);
    const first = await fetchTile(`16/${x}/${y}.mvt`, manager.token);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const points = decode(first.bytes, 'properties');
    expect(points).toContainEqual(
      expect.objectContaining({ id: propertyId, severity: 'C', case_stage: 'none' }),
    );

    const again = await fetchTile(`16/${x}/${y}.mvt`, manager.token, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.bytes.length).toBe(0);

    // Filters give another tile: the property has no case, so stage=hearing leaves it out.
    const filtered = await fetchTile(`16/${x}/${y}.mvt?stage=hearing`, manager.token);
    const shown = filtered.status === 204 ? [] : decode(filtered.bytes, 'properties');
    expect(shown.map((feature) => feature.id as string)).not.toContain(propertyId);

    // Another defect changes the risk score the tile carries: a new ETag, the new tile.
    await inspect('A');
    await waitFor(
      async () =>
        (await storedScore()) ===
        DEFAULT_RISK_WEIGHTS.openDefectsB +
          DEFAULT_RISK_WEIGHTS.openDefectsC +
          DEFAULT_RISK_WEIGHTS.openDefectsA
          ? true
          : undefined,
      20_000,
    );
    // The api reads the data version at most every 250 ms: the new tile shows within that.
    const changed = await waitFor(async () => {
      const tile = await fetchTile(`16/${x}/${y}.mvt`, manager.token, { 'if-none-match': etag });
      return tile.status === 304 ? undefined : tile;
    }, 2_000);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers an empty tile with 204 and the caching headers, and 304 on revalidation', async () => {
    // Null Island at z16: no property anywhere near.
    const empty = await fetchTile('16/32768/32768.mvt', manager.token);
    expect(empty.status).toBe(204);
    expect(empty.headers.get('cache-control')).toBe('private, no-cache');
    const etag = empty.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetchTile('16/32768/32768.mvt', manager.token, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('answers nothing for a filter that excludes everything: 204 tiles, count 0', async () => {
    const nowhere = `district=${randomUUID()}`;
    const { x, y } = tileOf(lon, lat, 12);
    expect((await fetchTile(`12/${x}/${y}.mvt?${nowhere}`, manager.token)).status).toBe(204);
    const { x: px, y: py } = tileOf(lon, lat, 16);
    expect((await fetchTile(`16/${px}/${py}.mvt?${nowhere}`, manager.token)).status).toBe(204);
    const count = await api.request<{ count: number }>('GET', `/api/v1/map/summary?${nowhere}`, {
      token: manager.token,
    });
    expect(count).toMatchObject({ status: 200, body: { count: 0 } });
    const all = await api.request<{ count: number }>('GET', '/api/v1/map/summary?severity=C', {
      token: manager.token,
    });
    expect(all.body.count).toBeGreaterThanOrEqual(1);
  });

  it('names the parameter of a wrong filter or coordinate (422), and a tile outside the world is 404', async () => {
    const wrong = async (path: string) => {
      const answer = await fetchTile(path, manager.token);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = JSON.parse(answer.bytes.toString()) as Problem;
      return { ...problem, status: answer.status };
    };
    await expect(wrong('12/2130/1361.mvt?stage=appeal')).resolves.toMatchObject({
      status: 422,
      errors: [{ field: 'stage' }],
    });
    await expect(wrong('12/2130/1361.mvt?severity=B&colour=red')).resolves.toMatchObject({
      status: 422,
      errors: [{ field: 'colour' }],
    });
    await expect(wrong('23/0/0.mvt')).resolves.toMatchObject({
      status: 422,
      errors: [{ field: 'z' }],
    });
    await expect(wrong('12/x/1361.mvt')).resolves.toMatchObject({
      status: 422,
      errors: [{ field: 'x' }],
    });
    await expect(wrong('3/8/0.mvt')).resolves.toMatchObject({ status: 404 });
    const summary = await api.request<Problem>('GET', '/api/v1/map/summary?network=true', {
      token: manager.token,
    });
    expect(summary.status).toBe(422);
    expect(summary.body.errors).toEqual([{ field: 'network', message: 'needs landlord' }]);
  });

  it('answers 401 without a session', async () => {
    expect((await fetchTile('12/2130/1361.mvt')).status).toBe(401);
    expect((await api.request('GET', '/api/v1/map/summary')).status).toBe(401);
    expect((await api.request('GET', `/api/v1/map/properties/${propertyId}`)).status).toBe(401);
  });

  it('shows the popup: address, risk with its factors, items, owner and manager', async () => {
    const popup = await api.request<Record<string, unknown>>(
      'GET',
      `/api/v1/map/properties/${propertyId}`,
      { token: manager.token },
    );
    expect(popup.status).toBe(200);
    expect(popup.body).toMatchObject({
      propertyId,
      address: 'Kachelweg 1, 44623 Herne',
      problem: true,
      severity: 'C',
      caseStage: 'none',
      openDefects: { A: 1, B: 1, C: 1 },
      openItems: 0,
      nextDeadline: null,
      owner: null,
      manager: null,
      link: propertyId,
      risk: { score: 62, class: 2 },
    });
    const factors = (popup.body.risk as { factors: Array<{ factor: string }> }).factors;
    expect(factors.map((f) => f.factor)).toEqual(['openDefectsC', 'openDefectsB', 'openDefectsA']);
    const unknown = await api.request('GET', `/api/v1/map/properties/${randomUUID()}`, {
      token: manager.token,
    });
    expect(unknown.status).toBe(404);
  });
});
