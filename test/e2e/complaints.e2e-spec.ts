import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';
import { searchTextOf } from '@hausakte/properties';
import { startTestApi, TestApi } from '@hausakte/testing';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;
type PageOf<T> = { items: T[]; total: number };
type Problem = {
  type: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
  current?: Record<string, unknown>;
};
type LonLat = [number, number];
type Point = { type: 'Point'; coordinates: LonLat };
type Complaint = {
  id: string;
  version: number;
  source: string;
  legalGround: string;
  text: string;
  reporterContact: string | null;
  hasReporterContact: boolean;
  receivedAt: string;
  address: { street: string; houseNumber: string; postcode: string | null } | null;
  location: Point | null;
  propertyId: string | null;
  match: 'address' | 'nearby' | 'manual' | 'none';
  proposedProperty: { address: unknown; location: Point | null } | null;
  matchNote: string | null;
  possibleDuplicateOf: string | null;
  duplicateDecision: 'duplicate' | 'distinct' | null;
  decidedBy: string | null;
  recordedBy: string;
  inspectionIds: string[];
};
type AuditEntry = { action: string; actorId: string; before: unknown; after: unknown };

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('complaints (Meldungen)', () => {
  let api: TestApi;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    manager = await api.signIn('manager');
    admin = await api.signIn('admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Letters only, so a street named with it reads like one: "Meldeweg Qxkfa". */
  const tag = () =>
    randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 6)
      .padEnd(6, 'x')
      .replace(/^./, (c) => c.toUpperCase());

  /** A random spot inside Herne, so that no other test's property is within 25 m. */
  const somewhere = (): LonLat => [7.15 + Math.random() * 0.13, 51.51 + Math.random() * 0.05];

  /** The point `metres` from `from` towards `azimuthDeg` (0 = north), on the ellipsoid. */
  const project = async (from: LonLat, metres: number, azimuthDeg: number): Promise<LonLat> => {
    const [row]: Array<{ lon: number; lat: number }> = await db.query(
      `SELECT ST_X(p::geometry) AS lon, ST_Y(p::geometry) AS lat
         FROM (SELECT ST_Project(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $3, radians($4)) AS p) s`,
      [from[0], from[1], metres, azimuthDeg],
    );
    return [row.lon, row.lat];
  };

  const distance = async (a: LonLat, b: LonLat): Promise<number> => {
    const [row]: Array<{ m: number }> = await db.query(
      `SELECT ST_Distance(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography,
                          ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography) AS m`,
      [a[0], a[1], b[0], b[1]],
    );
    return Number(row.m);
  };

  const point = (coordinates: LonLat): Point => ({ type: 'Point', coordinates });

  const createProperty = async (
    at: LonLat,
    street: string,
    houseNumber = '12',
    postcode = '44623',
  ): Promise<string> => {
    const response = await api.request<{ id: string }>('POST', '/api/v1/properties', {
      token: officer.token,
      body: { location: point(at), addresses: [{ street, houseNumber, postcode, city: 'Herne' }] },
    });
    if (response.status !== 201)
      throw new Error(
        `property create failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response.body.id;
  };

  const send = (body: unknown, token = officer.token, headers: Record<string, string> = {}) =>
    api.request<Complaint & Problem>('POST', '/api/v1/complaints', { token, body, headers });

  const record = async (body: Record<string, unknown>, token = officer.token) => {
    const response = await send(
      { source: 'tenant', legalGround: 's5_5', text: 'Schimmel', ...body },
      token,
    );
    if (response.status !== 201)
      throw new Error(
        `complaint create failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response.body;
  };

  const patch = (id: string, body: unknown, version: number | string, token = officer.token) =>
    api.request<Complaint & Problem>('PATCH', `/api/v1/complaints/${id}`, {
      token,
      body,
      headers: { 'if-match': `"${version}"` },
    });

  const auditOf = async (id: string) =>
    (
      await api.request<PageOf<AuditEntry>>(
        'GET',
        `/api/v1/audit?entityType=complaint&entityId=${id}`,
        { token: admin.token },
      )
    ).body.items;

  const outboxOf = (complaintId: string): Promise<Array<{ job_id: string; payload: unknown }>> =>
    db.query(
      `SELECT job_id, payload FROM outbox WHERE job_name = 'property-changed' AND job_id LIKE $1 ORDER BY id`,
      [`property-changed-${complaintId}-%`],
    );

  describe('matching by a hand-placed point', () => {
    it('takes a property 24 m away and flags the second complaint; leaves one 26 m away to a person', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Meldeweg ${tag()}`);
      const north24 = await project(here, 24, 0);
      const east24 = await project(here, 24, 90);
      const south26 = await project(here, 26, 180);
      // The points really are where the test says (the ellipsoid, as the matching measures).
      await expect(distance(here, north24)).resolves.toBeCloseTo(24, 3);
      await expect(distance(here, east24)).resolves.toBeCloseTo(24, 3);
      await expect(distance(here, south26)).resolves.toBeCloseTo(26, 3);

      const first = await record({ location: point(north24) });
      expect(first).toMatchObject({
        propertyId,
        match: 'nearby',
        proposedProperty: null,
        possibleDuplicateOf: null,
        recordedBy: officer.id,
      });

      const second = await record(
        { location: point(east24), source: 'neighbour' },
        inspector.token,
      );
      expect(second).toMatchObject({
        propertyId,
        match: 'nearby',
        possibleDuplicateOf: first.id,
        duplicateDecision: null,
        recordedBy: inspector.id,
      });

      const far = await record({ location: point(south26) });
      expect(far).toMatchObject({
        propertyId: null,
        match: 'none',
        possibleDuplicateOf: null,
        proposedProperty: { address: null, location: { type: 'Point' } },
      });
      expect(far.proposedProperty?.location?.coordinates[0]).toBeCloseTo(south26[0], 8);
      expect(far.proposedProperty?.location?.coordinates[1]).toBeCloseTo(south26[1], 8);

      // The risk score follows: one job per linked complaint version, ids only in the payload.
      await expect(outboxOf(first.id)).resolves.toEqual([
        { job_id: `property-changed-${first.id}-1`, payload: { propertyId } },
      ]);
      await expect(outboxOf(far.id)).resolves.toEqual([]);
    });

    it('links an unmatched complaint by hand, re-checks duplicates and queues the property', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Handweg ${tag()}`);
      const earlier = await record({ location: point(here), receivedAt: daysAgo(5) });
      const elsewhere = await record({ location: point(await project(here, 300, 45)) });
      expect(elsewhere.match).toBe('none');

      const unknown = await patch(elsewhere.id, { propertyId: randomUUID() }, 1);
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        { field: 'propertyId', message: 'is not a known property' },
      ]);

      const linked = await patch(elsewhere.id, { propertyId }, 1);
      expect(linked.status).toBe(200);
      expect(linked.headers.get('etag')).toBe('"2"');
      expect(linked.body).toMatchObject({
        propertyId,
        match: 'manual',
        proposedProperty: null,
        possibleDuplicateOf: earlier.id,
        version: 2,
      });
      await expect(outboxOf(elsewhere.id)).resolves.toEqual([
        { job_id: `property-changed-${elsewhere.id}-2`, payload: { propertyId } },
      ]);

      // Another category: no longer a possible duplicate of the damp complaint.
      const recategorised = await patch(elsewhere.id, { legalGround: 's5_2' }, 2);
      expect(recategorised.status).toBe(200);
      expect(recategorised.body).toMatchObject({ legalGround: 's5_2', possibleDuplicateOf: null });
    });
  });

  describe('matching by address', () => {
    it('matches spelling variants of street and house number, and the postcode when given', async () => {
      const name = tag();
      const propertyId = await createProperty(somewhere(), `Meldestraße ${name}`, '12a');
      const byAddress = async (address: Record<string, string>) =>
        (await record({ address })).propertyId;

      await expect(byAddress({ street: `Meldestraße ${name}`, houseNumber: '12a' })).resolves.toBe(
        propertyId,
      );
      await expect(byAddress({ street: `Meldestr. ${name}`, houseNumber: '12 A' })).resolves.toBe(
        propertyId,
      );
      await expect(
        byAddress({ street: `meldestrasse ${name}`, houseNumber: '12-a', postcode: '44623' }),
      ).resolves.toBe(propertyId);
      await expect(
        byAddress({ street: `Meldestraße ${name}`, houseNumber: '12a', postcode: '44625' }),
      ).resolves.toBeNull();
      await expect(
        byAddress({ street: `Meldestraße ${name}`, houseNumber: '12' }),
      ).resolves.toBeNull();
      await expect(
        byAddress({ street: `Meldestraße ${name} Nord`, houseNumber: '12a' }),
      ).resolves.toBeNull();
    });

    it('prefers the address to a point on the neighbour’s plot, and proposes the place when nothing matches', async () => {
      const here = somewhere();
      const street = `Adressgasse ${tag()}`;
      const addressed = await createProperty(await project(here, 60, 0), street, '3');
      const neighbour = await createProperty(here, `Nachbarweg ${tag()}`, '4');

      const complaint = await record({
        address: { street, houseNumber: '3' },
        location: point(here),
      });
      expect(complaint).toMatchObject({ propertyId: addressed, match: 'address' });
      expect(complaint.propertyId).not.toBe(neighbour);

      const nowhere = await record({
        address: { street, houseNumber: '99', postcode: '44623' },
      });
      expect(nowhere).toMatchObject({
        propertyId: null,
        match: 'none',
        address: { street, houseNumber: '99', postcode: '44623' },
        proposedProperty: {
          address: { street, houseNumber: '99', postcode: '44623' },
          location: null,
        },
      });
    });

    it('picks none of two properties at the same address in different postcodes unless the postcode is given', async () => {
      const here = somewhere();
      const street = `Doppelstraße ${tag()}`;
      const sodingen = await createProperty(here, street, '12', '44627');
      const wanne = await createProperty(await project(here, 800, 200), street, '12', '44649');

      // The point lies on one of them, and still decides nothing: a person picks.
      const undecided = await record({
        address: { street: street.replace('straße', 'str.'), houseNumber: '12' },
        location: point(here),
      });
      expect(undecided).toMatchObject({
        propertyId: null,
        match: 'none',
        possibleDuplicateOf: null,
        proposedProperty: {
          address: { street: street.replace('straße', 'str.'), houseNumber: '12', postcode: null },
          location: { type: 'Point' },
        },
      });
      expect(undecided.matchNote).toContain('2 properties');
      expect(undecided.matchNote).toContain(sodingen);
      expect(undecided.matchNote).toContain(wanne);
      // Only the answer that recorded it says why.
      const read = await api.request<Complaint>('GET', `/api/v1/complaints/${undecided.id}`, {
        token: officer.token,
      });
      expect(read.body).toMatchObject({ match: 'none', matchNote: null });

      const byPostcode = await record({
        address: { street, houseNumber: '12', postcode: '44649' },
      });
      expect(byPostcode).toMatchObject({ propertyId: wanne, match: 'address', matchNote: null });
      const other = await record({ address: { street, houseNumber: '12', postcode: '44627' } });
      expect(other).toMatchObject({ propertyId: sodingen, match: 'address', matchNote: null });
    });

    it('matches only properties inside the city, by address and by distance', async () => {
      // State-wide data: the same address, and a plot just across the city's edge, elsewhere.
      const bounds = api.app.get<AppConfig>(APP_CONFIG).CITY_BOUNDS;
      const lat = bounds.minLat + (0.2 + Math.random() * 0.6) * (bounds.maxLat - bounds.minLat);
      const outsideAt: LonLat = [bounds.maxLon + 0.0001, lat];
      const street = `Landesstraße ${tag()}`;
      const address = { street, houseNumber: '7', postcode: '45879', city: 'Gelsenkirchen' };
      const [outside]: Array<{ id: string }> = await db.query(
        `INSERT INTO properties (location) VALUES (ST_SetSRID(ST_MakePoint($1, $2), 4326)) RETURNING id`,
        outsideAt,
      );
      await db.query(
        `INSERT INTO property_addresses (property_id, street, house_number, postcode, city, is_primary, search_text)
         VALUES ($1, $2, $3, $4, $5, true, $6)`,
        [outside.id, street, '7', address.postcode, address.city, searchTextOf(address)],
      );
      const inside = await createProperty(somewhere(), street, '7', '44623');

      const byAddress = await record({ address: { street, houseNumber: '7' } });
      expect(byAddress).toMatchObject({ propertyId: inside, match: 'address', matchNote: null });

      // A point in the city 10 m from the plot outside it: nothing in the city is near.
      const edge: LonLat = [bounds.maxLon - 0.00004, lat];
      await expect(distance(edge, outsideAt)).resolves.toBeLessThan(25);
      const byPoint = await record({ location: point(edge) });
      expect(byPoint).toMatchObject({ propertyId: null, match: 'none', matchNote: null });
    });
  });

  describe('possible duplicates', () => {
    it('flags only the same category within 90 days before, the most recent first', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Fristweg ${tag()}`);
      const at = point(here);
      const old = await record({ location: at, receivedAt: daysAgo(100) });
      const heating = await record({ location: at, legalGround: 's5_2', receivedAt: daysAgo(10) });
      expect(heating.possibleDuplicateOf).toBeNull();

      const now = await record({ location: at });
      expect(now).toMatchObject({ propertyId, possibleDuplicateOf: null });

      // Back-dated: 89 days ago, the 100-day-old one lies 11 days before it.
      const backDated = await record({ location: at, receivedAt: daysAgo(89) });
      expect(backDated.possibleDuplicateOf).toBe(old.id);

      const latest = await record({ location: at });
      expect(latest.possibleDuplicateOf).toBe(now.id);

      const undecided = await api.request<PageOf<Complaint>>(
        'GET',
        `/api/v1/complaints?propertyId=${propertyId}&undecidedDuplicates=true`,
        { token: inspector.token },
      );
      expect(undecided.status).toBe(200);
      expect(undecided.body.items.map((c) => c.id).sort()).toEqual(
        [backDated.id, latest.id].sort(),
      );
      expect(undecided.body.total).toBe(2);
    });

    it('flags exactly one of two complaints recorded at the same moment, never a 5xx', async () => {
      for (let round = 0; round < 3; round++) {
        const here = somewhere();
        await createProperty(here, `Gleichzeitweg ${tag()}`);
        const [a, b] = await Promise.all([
          send({ source: 'tenant', legalGround: 's5_5', text: 'A', location: point(here) }),
          send({ source: 'neighbour', legalGround: 's5_5', text: 'B', location: point(here) }),
        ]);
        expect([a.status, b.status]).toEqual([201, 201]);
        const flagged = [a.body, b.body].filter((c) => c.possibleDuplicateOf !== null);
        expect(flagged).toHaveLength(1);
        expect([a.body.id, b.body.id]).toContain(flagged[0].possibleDuplicateOf);
        expect(flagged[0].possibleDuplicateOf).not.toBe(flagged[0].id);
      }
    });

    it('records a person’s decision with who made it, audited; nothing to decide is 409', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Entscheidweg ${tag()}`);
      const first = await record({ location: point(here), receivedAt: daysAgo(3) });
      const second = await record({ location: point(here) });
      expect(second.possibleDuplicateOf).toBe(first.id);

      const nothing = await patch(first.id, { duplicateDecision: 'distinct' }, 1);
      expect(nothing.status).toBe(409);
      expect(nothing.body.type).toBe('https://hausakte.org/problems/conflict');

      const decided = await patch(
        second.id,
        { duplicateDecision: 'duplicate' },
        1,
        inspector.token,
      );
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({
        possibleDuplicateOf: first.id,
        duplicateDecision: 'duplicate',
        decidedBy: inspector.id,
        version: 2,
      });

      const trail = await auditOf(second.id);
      expect(trail.map((entry) => entry.action)).toEqual([
        'complaint.updated',
        'complaint.created',
      ]);
      expect(trail[0]).toMatchObject({
        actorId: inspector.id,
        before: { duplicateDecision: null, decidedBy: null, version: 1 },
        after: { duplicateDecision: 'duplicate', decidedBy: inspector.id, version: 2 },
      });

      // Both complaints stay: a decision merges nothing.
      const listed = await api.request<PageOf<Complaint>>(
        'GET',
        `/api/v1/complaints?propertyId=${propertyId}`,
        { token: officer.token },
      );
      expect(listed.body.total).toBe(2);
      const undecided = await api.request<PageOf<Complaint>>(
        'GET',
        `/api/v1/complaints?propertyId=${propertyId}&undecidedDuplicates=true`,
        { token: officer.token },
      );
      expect(undecided.body).toEqual({ items: [], total: 0 });
    });
  });

  describe('the reporter’s contact', () => {
    it('refuses contact data on an anonymous complaint, naming the field, and stores nothing', async () => {
      const text = `anonym ${tag()}`;
      const response = await send({
        source: 'anonymous',
        legalGround: 's10',
        text,
        reporterContact: '0176 1234567',
        location: point(somewhere()),
      });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        { field: 'reporterContact', message: 'must be left out for an anonymous complaint' },
      ]);
      const [{ n }]: Array<{ n: number }> = await db.query(
        `SELECT count(*)::int AS n FROM complaints WHERE text = $1`,
        [text],
      );
      expect(n).toBe(0);
    });

    it('shows it only on GET by id, which records the read by field name, never the value', async () => {
      const complaint = await record({
        location: point(somewhere()),
        reporterContact: 'mieterin@example.org',
      });
      expect(complaint).toMatchObject({ reporterContact: null, hasReporterContact: true });

      const read = await api.request<Complaint>('GET', `/api/v1/complaints/${complaint.id}`, {
        token: inspector.token,
      });
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      expect(read.body.reporterContact).toBe('mieterin@example.org');

      const listed = await api.request<PageOf<Complaint>>(
        'GET',
        `/api/v1/complaints?unmatched=true&limit=500`,
        { token: inspector.token },
      );
      const item = listed.body.items.find((c) => c.id === complaint.id);
      expect(item).toMatchObject({ reporterContact: null, hasReporterContact: true });

      const trail = await auditOf(complaint.id);
      expect(trail.map((entry) => entry.action)).toEqual([
        'complaint.contact_read',
        'complaint.created',
      ]);
      expect(trail[0]).toMatchObject({
        actorId: inspector.id,
        after: { fieldsShown: ['reporterContact'] },
      });
      expect(JSON.stringify(trail)).not.toContain('mieterin@');
      const [{ n }]: Array<{ n: number }> = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE payload::text LIKE '%mieterin%'`,
      );
      expect(n).toBe(0);
    });

    it('records no read for a complaint without contact', async () => {
      const complaint = await record({ source: 'anonymous', location: point(somewhere()) });
      const read = await api.request<Complaint>('GET', `/api/v1/complaints/${complaint.id}`, {
        token: officer.token,
      });
      expect(read.status).toBe(200);
      expect((await auditOf(complaint.id)).map((entry) => entry.action)).toEqual([
        'complaint.created',
      ]);
    });
  });

  describe('validation', () => {
    it('needs an address or a point inside the city, a known category, and no future date', async () => {
      const none = await send({ source: 'police', legalGround: 's9', text: 'Einsturzgefahr' });
      expect(none.status).toBe(422);
      expect(none.body.errors).toEqual([
        { field: 'address', message: 'give an address or a location (or both)' },
      ]);

      const bad = await send({
        source: 'press',
        legalGround: 's11',
        text: '  ',
        receivedAt: '20.11.2026',
        address: { street: '', houseNumber: '1', postcode: '4462' },
        colour: 'red',
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors?.map((e) => e.field).sort()).toEqual([
        'address.postcode',
        'address.street',
        'colour',
        'legalGround',
        'receivedAt',
        'source',
        'text',
      ]);

      const outside = await send({
        source: 'job_centre',
        legalGround: 's10',
        text: 'Überbelegung',
        location: point([6.95, 51.45]),
        receivedAt: new Date(Date.now() + 2 * DAY).toISOString(),
      });
      expect(outside.status).toBe(422);
      expect(outside.body.errors?.map((e) => e.field).sort()).toEqual(['location', 'receivedAt']);
    });

    it('answers 404 for an unknown complaint, 422 for a malformed id and bad filters', async () => {
      const unknown = await api.request('GET', `/api/v1/complaints/${randomUUID()}`, {
        token: officer.token,
      });
      expect(unknown.status).toBe(404);
      const unknownPatch = await patch(randomUUID(), { text: 'x' }, 1);
      expect(unknownPatch.status).toBe(404);
      const malformed = await api.request<Problem>('GET', '/api/v1/complaints/nope', {
        token: officer.token,
      });
      expect(malformed.status).toBe(422);
      const filters = await api.request<Problem>(
        'GET',
        '/api/v1/complaints?limit=0&legalGround=s99&unmatched=maybe&propertyId=x',
        { token: officer.token },
      );
      expect(filters.status).toBe(422);
      expect(filters.body.errors?.map((e) => e.field).sort()).toEqual([
        'legalGround',
        'limit',
        'propertyId',
        'unmatched',
      ]);
    });
  });

  describe('changes', () => {
    it('corrects text with If-Match: 428 without, 412 with the current complaint (contact withheld) when stale', async () => {
      const complaint = await record({
        location: point(somewhere()),
        reporterContact: '02323 4711',
      });
      const path = `/api/v1/complaints/${complaint.id}`;
      const missing = await api.request('PATCH', path, {
        token: officer.token,
        body: { text: 'ohne Version' },
      });
      expect(missing.status).toBe(428);

      const changed = await patch(complaint.id, { text: 'Schimmel und Feuchtigkeit' }, 1);
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ text: 'Schimmel und Feuchtigkeit', version: 2 });

      const stale = await patch(complaint.id, { text: 'überschrieben' }, 1);
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({
        id: complaint.id,
        version: 2,
        text: 'Schimmel und Feuchtigkeit',
        reporterContact: null,
        hasReporterContact: true,
      });

      const same = await patch(complaint.id, { text: 'Schimmel und Feuchtigkeit' }, 2);
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(2);

      const cleared = await patch(complaint.id, { text: null, legalGround: null }, 2);
      expect(cleared.status).toBe(422);
      expect(cleared.body.errors?.map((e) => e.field).sort()).toEqual(['legalGround', 'text']);
    });

    it('shows the inspections planned for the complaint', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Planweg ${tag()}`);
      const complaint = await record({ location: point(here) });
      const [{ id }]: Array<{ id: string }> = await db.query(
        `INSERT INTO inspections (property_id, kind, scheduled_at, complaint_id, planned_by)
         VALUES ($1, 'complaint', now() + interval '2 days', $2, $3) RETURNING id`,
        [propertyId, complaint.id, officer.id],
      );
      const read = await api.request<Complaint>('GET', `/api/v1/complaints/${complaint.id}`, {
        token: officer.token,
      });
      expect(read.body.inspectionIds).toEqual([id]);
    });

    it('refuses to move a complaint that inspections follow up to another property, naming them', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Begehungsweg ${tag()}`);
      const elsewhere = await createProperty(somewhere(), `Umzugsweg ${tag()}`);
      const complaint = await record({ location: point(here) });
      const planned = await api.request<{ id: string }>('POST', '/api/v1/inspections', {
        token: officer.token,
        body: {
          propertyId,
          kind: 'complaint',
          complaintId: complaint.id,
          scheduledAt: new Date(Date.now() + 2 * DAY).toISOString(),
          inspectorIds: [inspector.id],
        },
      });
      expect(planned.status).toBe(201);

      const refused = await patch(complaint.id, { propertyId: elsewhere }, 1);
      expect(refused.status).toBe(409);
      expect(refused.body.type).toBe('https://hausakte.org/problems/conflict');
      expect(refused.body.detail).toContain(planned.body.id);
      expect(refused.body.detail).toContain('planned');

      // Done, the visit still belongs to the old property.
      await db.query(`UPDATE inspections SET status = 'done', completed_at = now() WHERE id = $1`, [
        planned.body.id,
      ]);
      const stillRefused = await patch(complaint.id, { propertyId: elsewhere, text: 'neu' }, 1);
      expect(stillRefused.status).toBe(409);
      expect(stillRefused.body.detail).toContain('done');

      const read = await api.request<Complaint>('GET', `/api/v1/complaints/${complaint.id}`, {
        token: officer.token,
      });
      expect(read.body).toMatchObject({
        propertyId,
        match: 'nearby',
        text: 'Schimmel',
        version: 1,
        inspectionIds: [planned.body.id],
      });
      expect((await auditOf(complaint.id)).map((entry) => entry.action)).toEqual([
        'complaint.created',
      ]);
      // Naming its own property again and correcting the text stay allowed.
      const corrected = await patch(complaint.id, { propertyId, text: 'Schimmel im Bad' }, 1);
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ propertyId, match: 'nearby', version: 2 });
    });

    it('re-checks the complaints flagged as duplicates of one that moves, clearing their verdict', async () => {
      const here = somewhere();
      const propertyId = await createProperty(here, `Altweg ${tag()}`);
      const elsewhere = await createProperty(somewhere(), `Neuweg ${tag()}`);
      const oldest = await record({ location: point(here), receivedAt: daysAgo(20) });
      const moving = await record({ location: point(here), receivedAt: daysAgo(10) });
      expect(moving.possibleDuplicateOf).toBe(oldest.id);
      const repeat = await record({ location: point(here), receivedAt: daysAgo(5) });
      expect(repeat.possibleDuplicateOf).toBe(moving.id);
      const decided = await patch(
        repeat.id,
        { duplicateDecision: 'duplicate' },
        1,
        inspector.token,
      );
      expect(decided.status).toBe(200);

      const moved = await patch(moving.id, { propertyId: elsewhere }, 1);
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        propertyId: elsewhere,
        match: 'manual',
        possibleDuplicateOf: null,
      });

      // It repeats the oldest now, undecided; the old verdict was about the moved one.
      const read = await api.request<Complaint>('GET', `/api/v1/complaints/${repeat.id}`, {
        token: officer.token,
      });
      expect(read.body).toMatchObject({
        propertyId,
        possibleDuplicateOf: oldest.id,
        duplicateDecision: null,
        decidedBy: null,
        version: 3,
      });
      const trail = await auditOf(repeat.id);
      expect(trail.map((entry) => entry.action)).toEqual([
        'complaint.duplicate_rechecked',
        'complaint.updated',
        'complaint.created',
      ]);
      expect(trail[0]).toMatchObject({
        actorId: officer.id,
        before: { possibleDuplicateOf: moving.id, duplicateDecision: 'duplicate', version: 2 },
        after: {
          possibleDuplicateOf: oldest.id,
          duplicateDecision: null,
          decidedBy: null,
          version: 3,
          becauseOfChangeTo: moving.id,
        },
      });
      // The verdict kept it out of the risk score's count: the property is queued again.
      expect((await outboxOf(repeat.id)).map((row) => row.job_id)).toContain(
        `property-changed-${repeat.id}-3`,
      );

      // With no earlier complaint left, the flag is simply cleared.
      const last = await patch(oldest.id, { propertyId: elsewhere }, 1);
      expect(last.status).toBe(200);
      const cleared = await api.request<Complaint>('GET', `/api/v1/complaints/${repeat.id}`, {
        token: officer.token,
      });
      expect(cleared.body).toMatchObject({ possibleDuplicateOf: null, version: 4 });
    });

    it('moves complaints both ways at once, with re-checks and corrections, never a 5xx', async () => {
      for (let round = 0; round < 3; round++) {
        const [here, there] = [somewhere(), somewhere()];
        const p = await createProperty(here, `Hinweg ${tag()}`);
        const q = await createProperty(there, `Rückweg ${tag()}`);
        const x = await record({ location: point(here), receivedAt: daysAgo(3) });
        const d = await record({ location: point(here) });
        expect(d.possibleDuplicateOf).toBe(x.id);
        const y = await record({ location: point(there) });
        const answers = await Promise.all([
          patch(x.id, { propertyId: q }, 1),
          patch(y.id, { propertyId: p }, 1),
          patch(d.id, { legalGround: 's5_2' }, 1),
          send({ source: 'tenant', legalGround: 's5_5', text: 'C', location: point(here) }),
        ]);
        expect(answers.map((answer) => answer.status < 500)).toEqual([true, true, true, true]);
        expect(answers[0].status).toBe(200);
        expect(answers[1].status).toBe(200);
      }
    });
  });

  describe('Idempotency-Key', () => {
    it('creates one complaint when the same key is sent twice at once; another body with it is 422', async () => {
      const text = `doppelt ${tag()} ${randomUUID()}`;
      const body = {
        source: 'neighbour',
        legalGround: 's5_3',
        text,
        location: point(somewhere()),
      };
      const key = `complaint-${randomUUID()}`;
      const headers = { 'idempotency-key': key };
      const answers = await Promise.all([
        send(body, officer.token, headers),
        send(body, officer.token, headers),
      ]);
      const statuses = answers.map((answer) => answer.status);
      for (const status of statuses) expect([201, 409]).toContain(status);
      expect(statuses).toContain(201);
      const [{ n }]: Array<{ n: number }> = await db.query(
        `SELECT count(*)::int AS n FROM complaints WHERE text = $1`,
        [text],
      );
      expect(n).toBe(1);

      const replay = await send(body, officer.token, headers);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.id).toBe(answers.find((a) => a.status === 201)?.body.id);

      const other = await send({ ...body, text: `${text} anders` }, officer.token, headers);
      expect(other.status).toBe(422);
      expect(other.body.errors).toMatchObject([{ field: 'Idempotency-Key' }]);
      const [{ m }]: Array<{ m: number }> = await db.query(
        `SELECT count(*)::int AS m FROM complaints WHERE text LIKE $1`,
        [`${text}%`],
      );
      expect(m).toBe(1);
    });
  });

  describe('roles', () => {
    it('lets inspectors and officers record and read complaints; managers and admins get 403', async () => {
      const complaint = await record({ location: point(somewhere()) }, inspector.token);
      for (const token of [manager.token, admin.token]) {
        expect(
          (
            await send(
              { source: 'tenant', legalGround: 's5_5', text: 'x', location: point(somewhere()) },
              token,
            )
          ).status,
        ).toBe(403);
        expect(
          (await api.request('GET', `/api/v1/complaints/${complaint.id}`, { token })).status,
        ).toBe(403);
        expect((await api.request('GET', '/api/v1/complaints', { token })).status).toBe(403);
        expect((await patch(complaint.id, { text: 'y' }, 1, token)).status).toBe(403);
      }
      expect((await api.request('GET', '/api/v1/complaints')).status).toBe(401);
    });
  });
});
