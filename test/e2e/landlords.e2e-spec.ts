import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
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
type Landlord = {
  id: string;
  version: number;
  kind: string;
  name: string;
  email: string | null;
  postalAddress: Record<string, string> | null;
};
type Ownership = {
  id: string;
  version: number;
  role: string;
  validFrom: string;
  validTo: string | null;
  current: boolean;
  landlord: { id: string; kind: string; name: string };
  property: {
    id: string;
    primaryAddress: { street: string; isPrimary: boolean } | null;
    location: { type: string; coordinates: [number, number] };
  };
};
type AuditEntry = { action: string; actorId: string; before: unknown; after: unknown };

describe('landlords and ownerships', () => {
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

  /** A unique tag, so that tests sharing this worker's database never see each other's rows. */
  const tag = () => randomUUID().slice(0, 8);

  const person = (name = `Karl Kowalski ${tag()}`) => ({
    kind: 'person',
    name,
    email: 'k.kowalski@example.org',
    phone: '+49 2323 123456',
    postalAddress: {
      street: 'Bahnhofstraße',
      houseNumber: '12a',
      postcode: '44623',
      city: 'Herne',
    },
  });

  const company = (name = `Wohnbau Emscher ${tag()} GmbH`) => ({
    kind: 'company',
    name,
    registerNumber: 'HRB 12345',
    directors: ['Petra Nowak'],
  });

  const createLandlord = async (body: unknown, token = officer.token) => {
    const response = await api.request<Landlord>('POST', '/api/v1/landlords', { token, body });
    if (response.status !== 201)
      throw new Error(
        `landlord create failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response.body;
  };

  /** The properties API is another lib's: insert the rows it would write, directly. */
  const insertProperty = async (street = `Teststraße ${tag()}`) => {
    const [{ id }]: Array<{ id: string }> = await db.query(
      `INSERT INTO properties (location) VALUES (ST_SetSRID(ST_MakePoint(7.22, 51.54), 4326)) RETURNING id`,
    );
    await db.query(
      `INSERT INTO property_addresses (property_id, street, house_number, postcode, city, is_primary, search_text)
       VALUES ($1, $2, '7', '44623', 'Herne', true, $3)`,
      [id, street, `${street} 7 44623 herne`.toLowerCase()],
    );
    return { id, street };
  };

  const addOwnership = (propertyId: string, body: unknown, token = officer.token) =>
    api.request<Ownership & Problem>('POST', `/api/v1/properties/${propertyId}/ownerships`, {
      token,
      body,
    });

  const auditOf = async (entityType: string, id: string) =>
    (
      await api.request<PageOf<AuditEntry>>(
        'GET',
        `/api/v1/audit?entityType=${entityType}&entityId=${id}`,
        { token: admin.token },
      )
    ).body.items;

  describe('landlords', () => {
    it('records a person and a company (201), each audited, readable with its version as ETag', async () => {
      const created = await api.request<Landlord>('POST', '/api/v1/landlords', {
        token: officer.token,
        body: person(),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        version: 1,
        kind: 'person',
        registerNumber: null,
        directors: [],
        email: 'k.kowalski@example.org',
        phone: '+49 2323 123456',
        postalAddress: {
          street: 'Bahnhofstraße',
          houseNumber: '12a',
          postcode: '44623',
          city: 'Herne',
          country: 'DE',
        },
        undeliverableNote: null,
        notes: null,
      });

      const firm = await api.request<Landlord>('POST', '/api/v1/landlords', {
        token: officer.token,
        body: company(),
      });
      expect(firm.status).toBe(201);
      expect(firm.body).toMatchObject({
        kind: 'company',
        registerNumber: 'HRB 12345',
        directors: ['Petra Nowak'],
        email: null,
        phone: null,
        postalAddress: null,
      });

      const read = await api.request<Landlord>('GET', `/api/v1/landlords/${firm.body.id}`, {
        token: officer.token,
      });
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      expect(read.body).toEqual(firm.body);

      const trail = await auditOf('landlord', firm.body.id);
      expect(trail).toEqual([
        expect.objectContaining({
          action: 'landlord.created',
          actorId: officer.id,
          before: null,
          after: expect.objectContaining({ kind: 'company', registerNumber: 'HRB 12345' }),
        }),
      ]);
    });

    it('lists summaries without contact data, found by a misspelt name and filtered by kind', async () => {
      const unique = tag();
      const firm = await createLandlord({
        ...company(`Emscherblick Immobilien ${unique} GmbH`),
        email: 'info@emscherblick.example',
        postalAddress: { street: 'Am Hang', houseNumber: '3', postcode: '44649', city: 'Herne' },
      });
      const found = await api.request<PageOf<Record<string, unknown>>>(
        'GET',
        `/api/v1/landlords?q=${encodeURIComponent(`Emscherblik ${unique}`)}`,
        { token: inspector.token },
      );
      expect(found.status).toBe(200);
      expect(found.body.total).toBe(1);
      expect(found.body.items[0]).toEqual({
        id: firm.id,
        kind: 'company',
        name: firm.name,
        registerNumber: 'HRB 12345',
        city: 'Herne',
      });

      const people = await api.request<PageOf<{ id: string }>>(
        'GET',
        `/api/v1/landlords?q=${unique}&kind=person`,
        { token: inspector.token },
      );
      expect(people.body).toEqual({ items: [], total: 0 });

      const badPaging = await api.request<Problem>('GET', '/api/v1/landlords?limit=0&kind=bank', {
        token: inspector.token,
      });
      expect(badPaging.status).toBe(422);
      expect(badPaging.body.errors?.map((e) => e.field).sort()).toEqual(['kind', 'limit']);
    });

    it('names every invalid field (nested ones by path) and stores nothing', async () => {
      const name = `Ungültig ${tag()}`;
      const response = await api.request<Problem>('POST', '/api/v1/landlords', {
        token: officer.token,
        body: {
          kind: 'bank',
          name,
          email: 'not-an-address',
          directors: ['Petra Nowak', ''],
          postalAddress: {
            street: 'Bahnhofstraße',
            houseNumber: '1',
            postcode: '4462',
            city: 'Herne',
          },
          colour: 'red',
        },
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors?.map((e) => e.field).sort()).toEqual([
        'colour',
        'directors',
        'email',
        'kind',
        'postalAddress.postcode',
      ]);
      expect(response.body.errors).toContainEqual({
        field: 'postalAddress.postcode',
        message: 'must be five digits',
      });

      const empty = await api.request<Problem>('POST', '/api/v1/landlords', {
        token: officer.token,
        body: { kind: 'person', name: '   ' },
      });
      expect(empty.status).toBe(422);
      expect(empty.body.errors).toEqual([{ field: 'name', message: 'must not be empty' }]);

      const stored = await api.request<PageOf<unknown>>(
        'GET',
        `/api/v1/landlords?q=${encodeURIComponent(name)}`,
        { token: officer.token },
      );
      expect(stored.body.total).toBe(0);
    });

    it('withholds a person’s contact data from a 412, which is no logged read', async () => {
      const landlord = await createLandlord(person());
      const stale = await api.request<Problem>('PATCH', `/api/v1/landlords/${landlord.id}`, {
        token: officer.token,
        body: { notes: 'x' },
        headers: { 'if-match': '"0"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.current).toMatchObject({
        id: landlord.id,
        email: null,
        phone: null,
        postalAddress: null,
      });
    });

    it('changes with If-Match: 428 without it, 412 with the current record when stale', async () => {
      const landlord = await createLandlord(company());
      const path = `/api/v1/landlords/${landlord.id}`;

      const missing = await api.request('PATCH', path, {
        token: officer.token,
        body: { notes: 'ohne Version' },
      });
      expect(missing.status).toBe(428);

      const changed = await api.request<Landlord>('PATCH', path, {
        token: officer.token,
        body: { name: `${landlord.name} (neu)`, notes: 'Briefe an die Zentrale' },
        headers: { 'if-match': '"1"' },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).toBe('"2"');
      expect(changed.body).toMatchObject({ name: `${landlord.name} (neu)`, version: 2 });

      const stale = await api.request<Problem>('PATCH', path, {
        token: officer.token,
        body: { name: 'Überschrieben' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      // The response shape, never the entity's columns.
      expect(stale.body.current).toEqual(changed.body);
      expect(JSON.stringify(stale.body)).not.toMatch(/postalStreet|postal_street/);

      const cleared = await api.request<Problem>('PATCH', path, {
        token: officer.token,
        body: { name: null, kind: null },
        headers: { 'if-match': '"2"' },
      });
      expect(cleared.status).toBe(422);
      expect(cleared.body.errors?.map((e) => e.field).sort()).toEqual(['kind', 'name']);

      const trail = await auditOf('landlord', landlord.id);
      expect(trail.map((entry) => entry.action)).toEqual(['landlord.updated', 'landlord.created']);
      expect(trail[0]).toMatchObject({
        before: { name: landlord.name, notes: null, version: 1 },
        after: { name: `${landlord.name} (neu)`, notes: 'Briefe an die Zentrale', version: 2 },
      });
    });

    it('records who read a person’s contact data, and which fields, never the values', async () => {
      const someone = await createLandlord({ ...person(), phone: null });
      const read = await api.request<Landlord>('GET', `/api/v1/landlords/${someone.id}`, {
        token: inspector.token,
      });
      expect(read.status).toBe(200);
      expect(read.body.email).toBe('k.kowalski@example.org');

      const reads = (await auditOf('landlord', someone.id)).filter(
        (entry) => entry.action === 'landlord.contact_read',
      );
      expect(reads).toEqual([
        expect.objectContaining({
          actorId: inspector.id,
          before: null,
          after: { fieldsShown: ['email', 'postalAddress'] },
        }),
      ]);
      expect(JSON.stringify(reads)).not.toContain('kowalski@');
    });

    it('records no contact read for a company, nor for a person without contact data', async () => {
      const firm = await createLandlord({ ...company(), email: 'info@wohnbau.example' });
      const quiet = await createLandlord({ kind: 'person', name: `Ohne Anschrift ${tag()}` });
      for (const { id } of [firm, quiet]) {
        const read = await api.request('GET', `/api/v1/landlords/${id}`, { token: manager.token });
        expect(read.status).toBe(200);
        const actions = (await auditOf('landlord', id)).map((entry) => entry.action);
        expect(actions).toEqual(['landlord.created']);
      }
    });

    it('replays a create sent twice with the same Idempotency-Key', async () => {
      const body = company();
      const key = `landlord-${tag()}`;
      const send = () =>
        api.request<Landlord>('POST', '/api/v1/landlords', {
          token: officer.token,
          body,
          headers: { 'idempotency-key': key },
        });
      const first = await send();
      const again = await send();
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const similar = await api.request<PageOf<{ name: string }>>(
        'GET',
        `/api/v1/landlords?q=${encodeURIComponent(body.name)}&limit=500`,
        { token: officer.token },
      );
      expect(similar.body.items.filter((item) => item.name === body.name)).toHaveLength(1);
    });

    it('lets an inspector read but only an officer write (manager 403, inspector 403)', async () => {
      const landlord = await createLandlord(company());
      const byManager = await api.request<Problem>('POST', '/api/v1/landlords', {
        token: manager.token,
        body: company(),
      });
      expect(byManager.status).toBe(403);
      expect(
        (await api.request('GET', `/api/v1/landlords/${landlord.id}`, { token: inspector.token }))
          .status,
      ).toBe(200);
      expect(
        (
          await api.request('GET', `/api/v1/landlords/${landlord.id}/properties`, {
            token: inspector.token,
          })
        ).status,
      ).toBe(200);
      const property = await insertProperty();
      const byInspector = await addOwnership(
        property.id,
        { landlordId: landlord.id, role: 'owner', validFrom: '2020-01-01' },
        inspector.token,
      );
      expect(byInspector.status).toBe(403);
      expect((await api.request('GET', '/api/v1/landlords', { token: admin.token })).status).toBe(
        403,
      );
      expect((await api.request('GET', `/api/v1/landlords/${randomUUID()}`)).status).toBe(401);
    });

    it('answers 404 for an unknown landlord and 422 for a malformed id', async () => {
      expect(
        (await api.request('GET', `/api/v1/landlords/${randomUUID()}`, { token: officer.token }))
          .status,
      ).toBe(404);
      expect(
        (
          await api.request('GET', `/api/v1/landlords/${randomUUID()}/properties`, {
            token: officer.token,
          })
        ).status,
      ).toBe(404);
      const malformed = await api.request<Problem>('GET', '/api/v1/landlords/not-a-uuid', {
        token: officer.token,
      });
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    });
  });

  describe('ownerships', () => {
    it('records an ownership (201, audited) and lists it from both sides', async () => {
      const landlord = await createLandlord(company());
      const property = await insertProperty();
      const created = await addOwnership(property.id, {
        landlordId: landlord.id,
        role: 'owner',
        validFrom: '2019-04-01',
      });
      expect(created.status).toBe(201);
      const expected = {
        id: created.body.id,
        version: 1,
        role: 'owner',
        validFrom: '2019-04-01',
        validTo: null,
        current: true,
        landlord: { id: landlord.id, kind: 'company', name: landlord.name },
        property: {
          id: property.id,
          primaryAddress: expect.objectContaining({
            street: property.street,
            houseNumber: '7',
            postcode: '44623',
            city: 'Herne',
            isPrimary: true,
          }),
          location: { type: 'Point', coordinates: [7.22, 51.54] },
        },
      };
      expect(created.body).toEqual(expected);

      const ofProperty = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/properties/${property.id}/ownerships`,
        { token: inspector.token },
      );
      expect(ofProperty.status).toBe(200);
      expect(ofProperty.body).toEqual({ items: [expected], total: 1 });

      const portfolio = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/landlords/${landlord.id}/properties`,
        { token: manager.token },
      );
      expect(portfolio.status).toBe(200);
      expect(portfolio.body).toEqual({ items: [expected], total: 1 });

      expect(await auditOf('ownership', created.body.id)).toEqual([
        expect.objectContaining({
          action: 'ownership.created',
          actorId: officer.id,
          after: expect.objectContaining({
            propertyId: property.id,
            landlordId: landlord.id,
            role: 'owner',
            validFrom: '2019-04-01',
            validTo: null,
          }),
        }),
      ]);
    });

    it('refuses bad input by field: unknown landlord 422, unknown property 404, validTo before validFrom 422', async () => {
      const landlord = await createLandlord(company());
      const property = await insertProperty();

      const unknownLandlord = await addOwnership(property.id, {
        landlordId: randomUUID(),
        role: 'owner',
        validFrom: '2020-01-01',
      });
      expect(unknownLandlord.status).toBe(422);
      expect(unknownLandlord.body.errors).toEqual([
        { field: 'landlordId', message: 'is not a known landlord' },
      ]);

      const unknownProperty = await addOwnership(randomUUID(), {
        landlordId: landlord.id,
        role: 'owner',
        validFrom: '2020-01-01',
      });
      expect(unknownProperty.status).toBe(404);

      const backwards = await addOwnership(property.id, {
        landlordId: landlord.id,
        role: 'owner',
        validFrom: '2020-01-01',
        validTo: '2019-12-31',
      });
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors?.map((e) => e.field)).toEqual(['validTo']);

      const malformed = await addOwnership(property.id, {
        landlordId: 'x',
        role: 'landlady',
        validFrom: '2023-02-29',
        validTo: '31.12.2024',
      });
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual([
        'landlordId',
        'role',
        'validFrom',
        'validTo',
      ]);

      const listed = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/properties/${property.id}/ownerships`,
        { token: officer.token },
      );
      expect(listed.body.total).toBe(0);
    });

    it('refuses an overlapping period of the same property, landlord and role (409); adjacent or another role is fine', async () => {
      const landlord = await createLandlord(company());
      const property = await insertProperty();
      const period = (role: string, validFrom: string, validTo: string | null = null) =>
        addOwnership(property.id, { landlordId: landlord.id, role, validFrom, validTo });

      expect((await period('owner', '2015-01-01', '2020-12-31')).status).toBe(201);

      const overlapping = await period('owner', '2020-06-01');
      expect(overlapping.status).toBe(409);
      expect(overlapping.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(overlapping.body).toMatchObject({
        type: 'https://hausakte.org/problems/conflict',
        detail: expect.stringContaining('owner'),
      });
      // Both ends are days of the period: starting on the last day of the other overlaps.
      expect((await period('owner', '2020-12-31')).status).toBe(409);

      expect((await period('owner', '2021-01-01')).status).toBe(201);
      expect((await period('manager', '2015-01-01', '2020-12-31')).status).toBe(201);

      const listed = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/properties/${property.id}/ownerships`,
        { token: officer.token },
      );
      expect(listed.body.total).toBe(3);
    });

    it('answers racing overlapping writes with one 201 and 409s, never a 5xx', async () => {
      // Unserialised, PostgreSQL lets racing exclusion checks deadlock (a 500) about once in
      // eighty requests; several rounds make a regression likely to show.
      for (let round = 0; round < 8; round++) {
        const landlord = await createLandlord(company());
        const property = await insertProperty();
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            addOwnership(property.id, {
              landlordId: landlord.id,
              role: 'head_tenant',
              validFrom: `2020-0${i + 1}-01`,
            }),
          ),
        );
        expect(answers.map((a) => a.status).sort()).toEqual([
          201, 409, 409, 409, 409, 409, 409, 409,
        ]);
      }
    });

    it('ends a period with If-Match; stale is 412 with the current ownership, backwards 422, overlapping 409', async () => {
      const landlord = await createLandlord(company());
      const property = await insertProperty();
      const first = await addOwnership(property.id, {
        landlordId: landlord.id,
        role: 'manager',
        validFrom: '2016-01-01',
      });
      const path = `/api/v1/ownerships/${first.body.id}`;

      expect(
        (
          await api.request('PATCH', path, {
            token: officer.token,
            body: { validTo: '2022-06-30' },
          })
        ).status,
      ).toBe(428);

      const ended = await api.request<Ownership>('PATCH', path, {
        token: officer.token,
        body: { validTo: '2022-06-30' },
        headers: { 'if-match': '"1"' },
      });
      expect(ended.status).toBe(200);
      expect(ended.headers.get('etag')).toBe('"2"');
      expect(ended.body).toMatchObject({ version: 2, validTo: '2022-06-30', current: false });

      const stale = await api.request<Problem>('PATCH', path, {
        token: officer.token,
        body: { validTo: '2023-06-30' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.current).toEqual(ended.body);

      const backwards = await api.request<Problem>('PATCH', path, {
        token: officer.token,
        body: { validTo: '2015-12-31' },
        headers: { 'if-match': '"2"' },
      });
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors?.map((e) => e.field)).toEqual(['validTo']);

      const unknownField = await api.request<Problem>('PATCH', path, {
        token: officer.token,
        body: { role: 'owner' },
        headers: { 'if-match': '"2"' },
      });
      expect(unknownField.status).toBe(422);
      expect(unknownField.body.errors).toEqual([
        { field: 'role', message: 'is not a known field' },
      ]);

      // A successor from the next day; reopening the first would now overlap it.
      expect(
        (
          await addOwnership(property.id, {
            landlordId: landlord.id,
            role: 'manager',
            validFrom: '2022-07-01',
          })
        ).status,
      ).toBe(201);
      const reopened = await api.request<Problem>('PATCH', path, {
        token: officer.token,
        body: { validTo: null },
        headers: { 'if-match': '"2"' },
      });
      expect(reopened.status).toBe(409);

      const trail = await auditOf('ownership', first.body.id);
      expect(trail.map((entry) => entry.action)).toEqual([
        'ownership.updated',
        'ownership.created',
      ]);
      expect(trail[0]).toMatchObject({
        before: { validTo: null, version: 1 },
        after: { validTo: '2022-06-30', version: 2 },
      });
      expect(
        (
          await api.request('PATCH', `/api/v1/ownerships/${randomUUID()}`, {
            token: officer.token,
            body: { validTo: '2022-06-30' },
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(404);
    });

    it('lists current first, then past by last day, latest first', async () => {
      const landlord = await createLandlord(company());
      const [oldest, older, held, future] = await Promise.all([
        insertProperty(),
        insertProperty(),
        insertProperty(),
        insertProperty(),
      ]);
      const own = async (propertyId: string, validFrom: string, validTo: string | null) => {
        const response = await addOwnership(propertyId, {
          landlordId: landlord.id,
          role: 'owner',
          validFrom,
          validTo,
        });
        expect(response.status).toBe(201);
      };
      await own(oldest.id, '2005-01-01', '2012-03-31');
      await own(held.id, '2019-04-01', null);
      await own(older.id, '2013-01-01', '2018-12-31');
      // A sale recorded ahead of its date is not current yet.
      await own(future.id, '2999-01-01', null);
      // The same landlord managed the first property before owning it.
      await addOwnership(oldest.id, {
        landlordId: landlord.id,
        role: 'manager',
        validFrom: '2000-01-01',
        validTo: '2004-12-31',
      });

      const portfolio = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/landlords/${landlord.id}/properties`,
        { token: officer.token },
      );
      expect(portfolio.body.total).toBe(5);
      expect(
        portfolio.body.items.map((o) => [o.property.id, o.role, o.validTo, o.current]),
      ).toEqual([
        [held.id, 'owner', null, true],
        [future.id, 'owner', null, false],
        [older.id, 'owner', '2018-12-31', false],
        [oldest.id, 'owner', '2012-03-31', false],
        [oldest.id, 'manager', '2004-12-31', false],
      ]);

      const secondPage = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/landlords/${landlord.id}/properties?limit=2&offset=2`,
        { token: officer.token },
      );
      expect(secondPage.body.total).toBe(5);
      expect(secondPage.body.items.map((o) => o.property.id)).toEqual([older.id, oldest.id]);

      const successor = await createLandlord(company());
      await addOwnership(oldest.id, {
        landlordId: successor.id,
        role: 'owner',
        validFrom: '2012-04-01',
      });
      const history = await api.request<PageOf<Ownership>>(
        'GET',
        `/api/v1/properties/${oldest.id}/ownerships`,
        { token: officer.token },
      );
      expect(history.body.items.map((o) => [o.landlord.name, o.role, o.current])).toEqual([
        [successor.name, 'owner', true],
        [landlord.name, 'owner', false],
        [landlord.name, 'manager', false],
      ]);
    });
  });
});
