import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '@hausakte/testing';

type Summary = {
  id: string;
  distanceM?: number;
  primaryAddress: { street: string; houseNumber: string };
};
type PageOf<T> = { items: T[]; total: number };
type PropertyBody = {
  id: string;
  version: number;
  location: { coordinates: [number, number] };
  addresses: Array<{ street: string; isPrimary: boolean }>;
  buildings: Array<{
    id: string;
    label: string;
    units: Array<{ id: string; label: string; version: number; areaM2: number | null }>;
  }>;
  district: { name: string } | null;
};
type Problem = {
  status: number;
  errors?: Array<{ field: string; message: string }>;
  current?: { version: number };
};

/** Metres east of a point, as a longitude offset at that latitude. */
const eastBy = (metres: number, lat: number) =>
  metres / (111_320 * Math.cos((lat * Math.PI) / 180));

describe('the property register', () => {
  let api: TestApi;
  let officer: Awaited<ReturnType<TestApi['signIn']>>;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    officer = await api.signIn('officer');
    db = api.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await api?.close();
  });

  const property = (lon: number, lat: number, street = 'Teststraße', houseNumber = '1') => ({
    location: { type: 'Point', coordinates: [lon, lat] },
    addresses: [{ street, houseNumber, postcode: '44623', city: 'Herne' }],
  });

  const create = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await api.request<PropertyBody>('POST', '/api/v1/properties', {
      token: officer.token,
      body,
      headers,
    });
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const list = (query: string) =>
    api.request<PageOf<Summary>>('GET', `/api/v1/properties?${query}`, { token: officer.token });

  const countProperties = async () =>
    Number((await db.query(`SELECT count(*) AS n FROM properties`))[0].n);

  it('registers a property with addresses, buildings and units, and reads it back', async () => {
    const created = await create({
      location: { type: 'Point', coordinates: [7.2201, 51.5389] },
      parcelRef: 'Gemarkung Herne, Flur 3, Flurstück 112',
      addresses: [
        {
          street: 'Bahnhofstraße',
          houseNumber: '12',
          postcode: '44623',
          city: 'Herne',
          district: 'Herne-Mitte',
        },
        {
          street: 'Poststraße',
          houseNumber: '2',
          postcode: '44623',
          city: 'Herne',
          isPrimary: false,
        },
      ],
      buildings: [
        {
          label: 'Vorderhaus',
          yearBuilt: 1912,
          units: [{ label: 'EG links', floor: 0, areaM2: 54.5, rooms: 2.5 }],
        },
      ],
    });
    expect(created.version).toBe(1);
    expect(created.location.coordinates).toEqual([7.2201, 51.5389]);
    expect(created.addresses.map((a) => [a.street, a.isPrimary])).toEqual([
      ['Bahnhofstraße', true],
      ['Poststraße', false],
    ]);
    expect(created.buildings[0]).toMatchObject({
      label: 'Vorderhaus',
      units: [{ label: 'EG links', areaM2: 54.5 }],
    });

    const read = await api.request<PropertyBody>('GET', `/api/v1/properties/${created.id}`, {
      token: officer.token,
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created);
  });

  it.each([
    [
      'a latitude of 200',
      { location: { type: 'Point', coordinates: [7.22, 200] } },
      'location.coordinates',
    ],
    [
      'a point outside the city',
      { location: { type: 'Point', coordinates: [6.95, 51.45] } },
      'location',
    ],
    [
      'an empty street',
      { addresses: [{ street: '  ', houseNumber: '1', postcode: '44623', city: 'Herne' }] },
      'addresses.0.street',
    ],
    [
      'a bad postcode',
      { addresses: [{ street: 'A-Str', houseNumber: '1', postcode: '4462', city: 'Herne' }] },
      'addresses.0.postcode',
    ],
    ['no address', { addresses: [] }, 'addresses'],
    [
      'a negative area',
      { buildings: [{ label: 'H', units: [{ label: 'EG', areaM2: -3 }] }] },
      'buildings.0.units.0.areaM2',
    ],
    ['an unknown field', { colour: 'red' }, 'colour'],
    [
      'two units of one label in a building',
      { buildings: [{ label: 'H', units: [{ label: 'EG' }, { label: 'EG' }] }] },
      'buildings.0.units.1.label',
    ],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_, override, field) => {
    const before = await countProperties();
    const response = await api.request<Problem>('POST', '/api/v1/properties', {
      token: officer.token,
      body: { ...property(7.22, 51.54), ...override },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    await expect(countProperties()).resolves.toBe(before);
  });

  describe('bbox', () => {
    // A quiet corner of the city; B lies exactly on the bbox's east edge.
    const lat = 51.5011;
    let a: PropertyBody, b: PropertyBody, c: PropertyBody;

    beforeAll(async () => {
      a = await create(property(7.1401, lat));
      b = await create(property(7.1411, lat));
      c = await create(property(7.1421, lat));
    });

    it('finds the points inside and on the edge, not outside', async () => {
      const response = await list('bbox=7.1396,51.5006,7.1411,51.5016&limit=500');
      expect(response.status).toBe(200);
      expect(response.body.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
      expect(response.body.total).toBe(2);
      expect(response.body.items.map((i) => i.id)).not.toContain(c.id);
    });

    it('answers an empty bbox with no items', async () => {
      await expect(list('bbox=7.1396,51.5030,7.1411,51.5040')).resolves.toMatchObject({
        status: 200,
        body: { items: [], total: 0 },
      });
    });

    it('cannot read bbox=abc (400) and refuses a latitude of 200 (422)', async () => {
      const unreadable = await list('bbox=abc');
      expect(unreadable.status).toBe(400);
      expect(unreadable.headers.get('content-type')).toMatch(/problem\+json/);
      const wrong = await list('bbox=7.1,51.5,7.2,200');
      expect(wrong.status).toBe(422);
      expect((wrong.body as unknown as Problem).errors?.[0].field).toBe('bbox');
    });

    it('pages past the end with the right total', async () => {
      const response = await list('bbox=7.1396,51.5006,7.1421,51.5016&limit=2&offset=5');
      expect(response.body).toEqual({ items: [], total: 3 });
      expect((await list('limit=501')).status).toBe(422);
    });
  });

  describe('near', () => {
    // The east strip of the test city (lon 7.28–7.30), where no other suite puts its random
    // points: this test expects to find its own three properties and nothing else. (Its first
    // spot, 7.1601/51.5101, lay inside the complaints and map suites' random squares.)
    const lon = 7.2855;
    const lat = 51.53;
    let centre: PropertyBody, hundred: PropertyBody, threeHundred: PropertyBody;

    beforeAll(async () => {
      centre = await create(property(lon, lat));
      hundred = await create(property(lon + eastBy(100, lat), lat));
      threeHundred = await create(property(lon + eastBy(300, lat), lat));
    });

    it('finds what lies within the radius in metres, nearest first', async () => {
      const response = await list(`near=${lon},${lat}&radius=200`);
      expect(response.body.items.map((i) => i.id)).toEqual([centre.id, hundred.id]);
      expect(response.body.items[0].distanceM).toBe(0);
      expect(response.body.items[1].distanceM).toBeCloseTo(100, -0.5);
      const wider = await list(`near=${lon},${lat}&radius=350`);
      expect(wider.body.items.map((i) => i.id)).toEqual([centre.id, hundred.id, threeHundred.id]);
    });

    it('needs near for a radius', async () => {
      const response = await list('radius=100');
      expect(response.status).toBe(422);
      expect((response.body as unknown as Problem).errors?.[0].field).toBe('radius');
    });
  });

  describe('address search', () => {
    let target: PropertyBody;

    beforeAll(async () => {
      target = await create(property(7.25, 51.55, 'Bahnhofstraße', '77'));
      await create(property(7.251, 51.551, 'Hauptstraße', '77'));
    });

    it.each(['Bahnhofstr', 'bahnhofstrasse 77', 'Bahnhfostraße', 'Bahnhofstr. 77 Herne'])(
      'finds Bahnhofstraße 77 for "%s"',
      async (q) => {
        const response = await list(`q=${encodeURIComponent(q)}&limit=500`);
        expect(response.status).toBe(200);
        expect(response.body.items.map((i) => i.id)).toContain(target.id);
      },
    );

    it('ranks the closest match first and leaves out other streets', async () => {
      const response = await list(`q=${encodeURIComponent('Bahnhofstraße 77')}&limit=500`);
      expect(response.body.items[0].id).toBe(target.id);
      expect(response.body.items.map((i) => i.primaryAddress.street)).not.toContain('Hauptstraße');
    });
  });

  describe('changes', () => {
    it('updates with If-Match and refuses a stale version with 412 and the current record', async () => {
      const created = await create(property(7.2, 51.53, 'Alte Straße', '5'));
      const first = await api.request<PropertyBody>('PATCH', `/api/v1/properties/${created.id}`, {
        token: officer.token,
        headers: { 'if-match': '"1"' },
        body: {
          addresses: [
            { street: 'Neue Straße', houseNumber: '5', postcode: '44623', city: 'Herne' },
          ],
        },
      });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      expect(first.body.addresses.map((a) => a.street)).toEqual(['Neue Straße']);

      const stale = await api.request<Problem>('PATCH', `/api/v1/properties/${created.id}`, {
        token: officer.token,
        headers: { 'if-match': '"1"' },
        body: { notes: 'überschreibt nichts' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({ version: 2, notes: null });

      const missing = await api.request('PATCH', `/api/v1/properties/${created.id}`, {
        token: officer.token,
        body: { notes: 'x' },
      });
      expect(missing.status).toBe(428);
    });

    it('adds and changes units, each audited', async () => {
      const created = await create(property(7.21, 51.535));
      const unit = await api.request<{ id: string; version: number; buildingId: string }>(
        'POST',
        `/api/v1/properties/${created.id}/units`,
        {
          token: officer.token,
          body: {
            buildingLabel: 'Hinterhaus',
            label: '1. OG rechts',
            floor: 1,
            areaM2: 71.2,
            rooms: 3,
          },
        },
      );
      expect(unit.status).toBe(201);
      const changed = await api.request<{ areaM2: number; version: number }>(
        'PATCH',
        `/api/v1/units/${unit.body.id}`,
        {
          token: officer.token,
          headers: { 'if-match': '"1"' },
          body: { areaM2: 69.8 },
        },
      );
      expect(changed.body).toMatchObject({ areaM2: 69.8, version: 2 });
      const twice = await api.request<Problem>('POST', `/api/v1/properties/${created.id}/units`, {
        token: officer.token,
        body: { buildingLabel: 'Hinterhaus', label: '1. OG rechts' },
      });
      expect(twice.status).toBe(422);
      expect(twice.body.errors).toEqual([
        { field: 'label', message: 'is already used in this building' },
      ]);
      const detail = await api.request<PropertyBody>('GET', `/api/v1/properties/${created.id}`, {
        token: officer.token,
      });
      expect(detail.body.buildings.map((b) => b.label)).toEqual(['Hinterhaus']);

      const admin = await api.signIn('admin');
      const trail = await api.request<PageOf<{ action: string }>>(
        'GET',
        `/api/v1/audit?entityType=unit&entityId=${unit.body.id}`,
        {
          token: admin.token,
        },
      );
      expect(trail.body.items.map((e) => e.action)).toEqual(['unit.updated', 'unit.created']);
    });

    it('refuses to clear what cannot be empty (422), and clears what can', async () => {
      const created = await create(property(7.215, 51.532));
      const cleared = await api.request<Problem>('PATCH', `/api/v1/properties/${created.id}`, {
        token: officer.token,
        headers: { 'if-match': '"1"' },
        body: { location: null, addresses: null },
      });
      expect(cleared.status).toBe(422);
      expect(cleared.body.errors?.map((e) => e.field).sort()).toEqual(['addresses', 'location']);
      const unit = await api.request<{ id: string }>(
        'POST',
        `/api/v1/properties/${created.id}/units`,
        {
          token: officer.token,
          body: { label: 'DG', areaM2: 40 },
        },
      );
      const unitChange = await api.request<Problem & { areaM2: number | null }>(
        'PATCH',
        `/api/v1/units/${unit.body.id}`,
        {
          token: officer.token,
          headers: { 'if-match': '"1"' },
          body: { label: null },
        },
      );
      expect(unitChange.status).toBe(422);
      const areaCleared = await api.request<{ areaM2: number | null }>(
        'PATCH',
        `/api/v1/units/${unit.body.id}`,
        {
          token: officer.token,
          headers: { 'if-match': '"1"' },
          body: { areaM2: null },
        },
      );
      expect(areaCleared.body.areaM2).toBeNull();
    });

    it('replays a create sent twice with the same Idempotency-Key', async () => {
      const key = `property-${Date.now()}`;
      const body = property(7.23, 51.545, 'Wiederholungsweg', '3');
      const first = await api.request<PropertyBody>('POST', '/api/v1/properties', {
        token: officer.token,
        body,
        headers: { 'idempotency-key': key },
      });
      const again = await api.request<PropertyBody>('POST', '/api/v1/properties', {
        token: officer.token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM property_addresses WHERE street = 'Wiederholungsweg'`,
      );
      expect(row.n).toBe(1);
    });

    it('lets managers read but not edit', async () => {
      const manager = await api.signIn('manager');
      expect(
        (await api.request('GET', '/api/v1/properties', { token: manager.token })).status,
      ).toBe(200);
      expect(
        (
          await api.request('POST', '/api/v1/properties', {
            token: manager.token,
            body: property(7.2, 51.53),
          })
        ).status,
      ).toBe(403);
    });
  });
});
