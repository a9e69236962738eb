import { randomInt, randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RiskService } from '@hausakte/map';
import { startTestApi, TestApi } from '@hausakte/testing';
import { openCaseWithDefects } from '../support/enforcement-fixtures';
import {
  catalogue,
  CatalogueEntry,
  createProperty,
  planInspection,
} from '../support/inspection-fixtures';

interface Dashboard {
  today: string;
  districtId: string | null;
  totals: {
    problemProperties: number;
    openCases: number;
    overdueItems: number;
    deadlinesThisWeek: number;
    reinspectionsPlanned: number;
    closures: Record<string, number>;
  };
  districts: Array<{ districtId: string | null; name: string | null; problemProperties: number }>;
  trend: Array<{ month: string; casesOpened: number }>;
}

interface AreaFigures {
  properties: number;
  openDefects: { A: number; B: number; C: number };
  openItems: number;
  overdueItems: number;
  closures: number;
  occupants: number;
  areaKm2: number;
}

interface Problem {
  errors?: Array<{ field: string; message: string }>;
}

/**
 * Area figures, the dashboard and the exports over a district of the test's own, somewhere no
 * other test puts properties: a property with a case and a C defect, one with a B defect only
 * (both problem properties), and one with an A defect only (not a problem property).
 */
describe('map figures: area, dashboard, exports', () => {
  let api: TestApi;
  let db: DataSource;
  let officer: { token: string; id: string };
  let inspector: { token: string; id: string };
  let manager: { token: string };
  let admin: { token: string };
  const districtId = randomUUID();
  // A square of about 200 × 330 m in a corner of the test city (CITY_BOUNDS), away from the
  // other tests' points; its own spot for each run of the file.
  const west = 7.135 + randomInt(0, 250) / 10_000;
  const south = 51.505 + randomInt(0, 150) / 10_000;
  const east = west + 0.003;
  const north = south + 0.003;
  const at = (fx: number, fy: number) => ({
    lon: west + (east - west) * fx,
    lat: south + (north - south) * fy,
  });
  let withCase: string;
  let onlyB: string;

  const inspectWith = async (propertyId: string, entries: CatalogueEntry[]) => {
    const planned = await planInspection(api, officer.token, {
      propertyId,
      inspectorIds: [inspector.id],
    });
    const done = await api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
      token: inspector.token,
      body: {
        outcome: 'done',
        findings: entries.map((entry) => ({
          id: randomUUID(),
          catalogueItemId: entry.id,
          description: 'Befund',
        })),
      },
    });
    expect(done.status).toBe(200);
  };

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    await db.query(
      `INSERT INTO districts (id, name, outline, source)
       VALUES ($1, $2, ST_Multi(ST_MakeEnvelope($3, $4, $5, $6, 4326)), 'test')`,
      [districtId, `Testbezirk ${districtId.slice(0, 8)}`, west, south, east, north],
    );
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    manager = await api.signIn('manager');
    admin = await api.signIn('admin');
    const entries = await catalogue(api, officer.token);
    const bySeverity = (severity: 'A' | 'B' | 'C') => entries.find((e) => e.severity === severity)!;

    const opened = await openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street: 'Kartenweg', entries: [bySeverity('C')], ...at(0.25, 0.25) },
    );
    withCase = opened.propertyId;
    onlyB = (await createProperty(api, officer.token, { street: 'Kartenweg', ...at(0.75, 0.75) }))
      .id;
    await inspectWith(onlyB, [bySeverity('B')]);
    const onlyA = (
      await createProperty(api, officer.token, { street: 'Kartenweg', ...at(0.5, 0.5) })
    ).id;
    await inspectWith(onlyA, [bySeverity('A')]);

    // Other tests of this worker's database may have districts under the same spot (the state
    // seed covers all of NRW): the properties are put into this test's district by hand.
    await db.query(`UPDATE properties SET district_id = $1 WHERE id = ANY($2::uuid[])`, [
      districtId,
      [withCase, onlyB, onlyA],
    ]);
    // The worker would do this on the outbox events; here the test runs it at once.
    const risk = api.app.get(RiskService);
    for (const id of [withCase, onlyB, onlyA]) await risk.recompute(id);
  });

  afterAll(async () => {
    await api?.close();
  });

  const area = (token: string, body: unknown) =>
    api.request<AreaFigures & Problem>('POST', '/api/v1/map/area', { token, body });

  it('counts the problem properties of a district on the dashboard, with a trend', async () => {
    const answer = await api.request<Dashboard>('GET', `/api/v1/dashboard?district=${districtId}`, {
      token: manager.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.districtId).toBe(districtId);
    expect(answer.body.totals).toMatchObject({
      problemProperties: 2,
      openCases: 1,
      overdueItems: 0,
      reinspectionsPlanned: 0,
      closures: { declared: 0, vacated: 0, sealed: 0, releasedLast12Months: 0 },
    });
    expect(answer.body.districts).toEqual([
      expect.objectContaining({ districtId, problemProperties: 2, openCases: 1 }),
    ]);
    expect(answer.body.trend).toHaveLength(12);
    const thisMonth = answer.body.trend[answer.body.trend.length - 1];
    expect(thisMonth).toMatchObject({ month: answer.body.today.slice(0, 7), casesOpened: 1 });
    expect(answer.body.trend.slice(0, 11).every((month) => month.casesOpened === 0)).toBe(true);

    const all = await api.request<Dashboard>('GET', '/api/v1/dashboard', {
      token: inspector.token,
    });
    expect(all.status).toBe(200);
    expect(all.body.totals.problemProperties).toBeGreaterThanOrEqual(2);
    expect(all.body.districts.some((row) => row.districtId === districtId)).toBe(true);
  });

  it('answers 404 for an unknown district and 422 for a malformed one', async () => {
    const unknown = await api.request('GET', `/api/v1/dashboard?district=${randomUUID()}`, {
      token: manager.token,
    });
    expect(unknown.status).toBe(404);
    const malformed = await api.request<Problem>('GET', '/api/v1/dashboard?district=x', {
      token: manager.token,
    });
    expect(malformed.status).toBe(422);
    expect(JSON.stringify(malformed.body)).toContain('district');
  });

  it('gives the figures of a rectangle, a polygon and a district', async () => {
    const box = await area(manager.token, { bbox: [west, south, east, north] });
    expect(box.status).toBe(200);
    expect(box.body).toMatchObject({
      properties: 2,
      openDefects: { A: 0, B: 1, C: 1 },
      openItems: 0,
      overdueItems: 0,
      closures: 0,
      occupants: 0,
    });
    expect(box.body.areaKm2).toBeGreaterThan(0.06);
    expect(box.body.areaKm2).toBeLessThan(0.075);

    // A triangle over the lower left half holds only the property with the case.
    const lowerLeft = [
      [west, south],
      [east, south],
      [west, north],
      [west, south],
    ];
    const triangle = await area(manager.token, {
      polygon: { type: 'Polygon', coordinates: [lowerLeft] },
    });
    expect(triangle.body).toMatchObject({ properties: 1, openDefects: { C: 1, B: 0 } });

    const district = await area(officer.token, { districtId });
    expect(district.body).toMatchObject({ properties: 2 });

    const severeOnly = await area(officer.token, { districtId, filters: { severity: 'C' } });
    expect(severeOnly.body).toMatchObject({ properties: 1, openDefects: { C: 1, B: 0 } });

    const nothing = await area(officer.token, { districtId, filters: { stage: 'enforcing' } });
    expect(nothing.body).toMatchObject({ properties: 0, openDefects: { A: 0, B: 0, C: 0 } });
  });

  it('answers 422 naming the field for a bad area, and 404 for an unknown district', async () => {
    const bowTie = [
      [west, south],
      [east, north],
      [east, south],
      [west, north],
      [west, south],
    ];
    const cases: Array<[unknown, string]> = [
      [{ polygon: { type: 'Polygon', coordinates: [bowTie] } }, 'polygon'],
      [{ bbox: [east, south, west, north] }, 'bbox'],
      [{}, 'bbox'],
      [{ districtId, filters: { severity: 'D' } }, 'filters.severity'],
      [{ districtId, filters: { colour: 'red' } }, 'filters.colour'],
    ];
    for (const [body, field] of cases) {
      const answer = await area(manager.token, body);
      expect(answer.status).toBe(422);
      expect(answer.body.errors?.map((error) => error.field)).toContain(field);
    }
    const unknown = await area(manager.token, { districtId: randomUUID() });
    expect(unknown.status).toBe(404);
  });

  const exportsBy = async (actorId: string) => {
    const rows: Array<{ after: { format: string; count: number; personalData: boolean } }> =
      await db.query(
        `SELECT after FROM audit_log WHERE action = $1 AND actor_id = $2 ORDER BY occurred_at`,
        ['map.exported', actorId],
      );
    return rows.map((row) => row.after);
  };

  it('exports the filtered set as CSV, with owner names only for roles that may, audited', async () => {
    const path = `/api/v1/map/export.csv?district=${districtId}`;
    const forOfficer = await api.request<string>('GET', path, { token: officer.token });
    expect(forOfficer.status).toBe(200);
    expect(forOfficer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(forOfficer.headers.get('content-disposition')).toMatch(
      /attachment; filename="hausakte-karte-/,
    );
    const officerLines = forOfficer.body.trimEnd().split('\r\n');
    expect(officerLines[0].split(',')).toEqual(
      expect.arrayContaining(['property_id', 'risk_score', 'owner_name', 'manager_name']),
    );
    expect(officerLines).toHaveLength(3);
    expect(forOfficer.body).toContain('Vermieterin Kartenweg');

    const forInspector = await api.request<string>('GET', path, { token: inspector.token });
    expect(forInspector.status).toBe(200);
    const inspectorLines = forInspector.body.trimEnd().split('\r\n');
    expect(inspectorLines[0]).not.toContain('owner_name');
    expect(inspectorLines).toHaveLength(3);
    expect(forInspector.body).not.toContain('Vermieterin');

    expect(await exportsBy(officer.id)).toEqual([
      expect.objectContaining({ format: 'csv', count: 2, personalData: true }),
    ]);
    const inspectorId = inspector.id;
    expect(await exportsBy(inspectorId)).toEqual([
      expect.objectContaining({ format: 'csv', count: 2, personalData: false }),
    ]);
  });

  it('exports GeoJSON; admins get no personal data', async () => {
    const answer = await api.request<{
      type: string;
      features: Array<{ id: string; geometry: { coordinates: number[] }; properties: object }>;
    }>('GET', `/api/v1/map/export.geojson?district=${districtId}&severity=B`, {
      token: admin.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe('FeatureCollection');
    expect(answer.body.features.map((feature) => feature.id)).toEqual([onlyB]);
    const [lon, lat] = answer.body.features[0].geometry.coordinates;
    expect(lon).toBeCloseTo(at(0.75, 0.75).lon, 5);
    expect(lat).toBeCloseTo(at(0.75, 0.75).lat, 5);
    expect(answer.body.features[0].properties).not.toHaveProperty('owner_name');

    const bad = await api.request<Problem>('GET', '/api/v1/map/export.csv?stage=nope', {
      token: manager.token,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0].field).toBe('stage');
  });

  it('gives the district outlines for the overlay', async () => {
    const answer = await api.request<{
      type: string;
      features: Array<{ id: string; properties: { name: string }; geometry: { type: string } }>;
    }>('GET', '/api/v1/map/districts.geojson', { token: inspector.token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(answer.body.type).toBe('FeatureCollection');
    const ours = answer.body.features.find((feature) => feature.id === districtId);
    expect(ours?.properties.name).toMatch(/^Testbezirk /);
    expect(ours?.geometry.type).toMatch(/^(Multi)?Polygon$/);
  });

  it('needs a session', async () => {
    expect((await api.request('GET', '/api/v1/dashboard')).status).toBe(401);
    expect((await api.request('POST', '/api/v1/map/area', { body: { districtId } })).status).toBe(
      401,
    );
    expect((await api.request('GET', '/api/v1/map/export.csv')).status).toBe(401);
  });
});
