import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  addressKey,
  deriveLinks,
  LandlordNetworksService,
  NetworkLandlord,
  personKey,
  registerKey,
} from '@hausakte/landlords';
import { RequestContext } from '@hausakte/platform';
import { startTestApi, TestApi } from '@hausakte/testing';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;
type Problem = { status: number; errors?: Array<{ field: string; message: string }> };
type Landlord = { id: string; version: number; kind: 'person' | 'company'; name: string };
type Link = {
  landlordAId: string;
  landlordBId: string;
  kind: string;
  source: string;
  detail: string;
  reason: string;
};
type Management = Link & { landlord: { id: string; kind: string; name: string } };
type Network = {
  landlordId: string;
  networkId: string | null;
  members: Array<{ id: string; kind: string; name: string }>;
  links: Link[];
  managedBy: Management[];
  manages: Management[];
  managesTotal: number;
  splits: Array<{ otherLandlordId: string; otherName: string; reason: string }>;
};
type AuditEntry = { action: string; actorId: string; before: unknown; after: unknown };

describe('landlord networks', () => {
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

  /** A unique tag, so that tests sharing this worker's database never share a key. */
  const tag = () => randomUUID().slice(0, 8);

  const createLandlord = async (body: Record<string, unknown>): Promise<Landlord> => {
    const response = await api.request<Landlord>('POST', '/api/v1/landlords', {
      token: officer.token,
      body: { kind: 'company', ...body },
    });
    if (response.status !== 201)
      throw new Error(
        `landlord create failed: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response.body;
  };

  const networkOf = async (id: string, token = inspector.token) => {
    const response = await api.request<Network>('GET', `/api/v1/landlords/${id}/network`, {
      token,
    });
    expect(response.status).toBe(200);
    return response.body;
  };

  const split = (id: string, body: unknown, token = officer.token) =>
    api.request<Problem & { otherLandlordId: string; reason: string }>(
      'POST',
      `/api/v1/landlords/${id}/network/splits`,
      { token, body },
    );

  const insertProperty = async () => {
    const [{ id }]: Array<{ id: string }> = await db.query(
      `INSERT INTO properties (location) VALUES (ST_SetSRID(ST_MakePoint(7.22, 51.54), 4326)) RETURNING id`,
    );
    return id;
  };

  const addOwnership = async (propertyId: string, landlordId: string, role: string) => {
    const response = await api.request('POST', `/api/v1/properties/${propertyId}/ownerships`, {
      token: officer.token,
      body: { landlordId, role, validFrom: '2020-01-01' },
    });
    expect(response.status).toBe(201);
  };

  const rebuildAll = () =>
    api.app
      .get(RequestContext)
      .run(null, () => api.app.get(LandlordNetworksService).rebuildAllLinks());

  const memberIds = (network: Network) => network.members.map((m) => m.id).sort();
  const sorted = (...ids: string[]) => [...ids].sort();

  /** The links stored for these landlords, as the pure rules would state them. */
  const storedLinks = async (ids: string[]) =>
    (
      await db.query<Link[]>(
        `SELECT landlord_a_id AS "landlordAId", landlord_b_id AS "landlordBId", kind, source, detail, reason
           FROM landlord_links WHERE landlord_a_id = ANY($1::uuid[]) OR landlord_b_id = ANY($1::uuid[])`,
        [ids],
      )
    ).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

  const asRuleInput = async (ids: string[]): Promise<NetworkLandlord[]> =>
    db.query(
      `SELECT id, kind, postal_street AS street, postal_house_number AS "houseNumber",
              postal_postcode AS postcode, postal_city AS city,
              register_number AS "registerNumber", directors
         FROM landlords WHERE id = ANY($1::uuid[])`,
      [ids],
    );

  it('links landlords by address, register number and director, each link with its reason', async () => {
    const t = tag();
    const street = `Zechenweg ${t}`;
    const tenant = await createLandlord({
      kind: 'person',
      name: `Erika Beispiel ${t}`,
      postalAddress: {
        street: `${street}straße`,
        houseNumber: '12 a',
        postcode: '44623',
        city: 'Herne',
      },
    });
    const firm = await createLandlord({
      name: `Zeche ${t} GmbH`,
      postalAddress: {
        street: `${street}str.`,
        houseNumber: '12a',
        postcode: '44623',
        city: 'Herne',
      },
    });
    const holding = await createLandlord({
      name: `Holding ${t} GmbH`,
      registerNumber: `HRB ${t}9`,
      directors: [`Max Muster${t}`],
    });
    const twin = await createLandlord({ name: `Holding ${t} mbH`, registerNumber: `hrb-${t}9` });
    const sister = await createLandlord({
      name: `Schwester ${t} GmbH`,
      directors: [`Dr. Max  Muster${t}`],
    });

    const byAddress = await networkOf(tenant.id);
    expect(memberIds(byAddress)).toEqual(sorted(tenant.id, firm.id));
    expect(byAddress.networkId).toBe(sorted(tenant.id, firm.id)[0]);
    expect(byAddress.links).toEqual([
      expect.objectContaining({
        kind: 'address',
        reason: expect.stringMatching(/^gleiche Postanschrift: Zechenweg .* 12 ?a, 44623 Herne$/),
      }),
    ]);

    const byCompany = await networkOf(holding.id, manager.token);
    expect(memberIds(byCompany)).toEqual(sorted(holding.id, twin.id, sister.id));
    // The reason names the value as the landlord with the lower id spells it.
    expect(byCompany.links.map((l) => [l.kind, l.reason]).sort()).toEqual([
      [
        'director',
        expect.stringMatching(new RegExp(`^gleicher Geschäftsführer: (Dr\\. )?Max +Muster${t}$`)),
      ],
      ['register', expect.stringMatching(new RegExp(`^gleiche Registernummer: (HRB |hrb-)${t}9$`))],
    ]);
    await expect(
      api.app
        .get(LandlordNetworksService)
        .networkMemberIds(twin.id)
        .then((ids) => ids.sort()),
    ).resolves.toEqual(sorted(holding.id, twin.id, sister.id));
    await expect(
      api.app.get(LandlordNetworksService).networkMemberIds(randomUUID()),
    ).resolves.toEqual([]);

    // Changing a landlord relinks it at once: the sister's director goes, and so does she.
    const changed = await api.request('PATCH', `/api/v1/landlords/${sister.id}`, {
      token: officer.token,
      headers: { 'if-match': `"${sister.version}"` },
      body: { directors: [] },
    });
    expect(changed.status).toBe(200);
    expect(memberIds(await networkOf(holding.id))).toEqual(sorted(holding.id, twin.id));
    expect((await networkOf(sister.id)).networkId).toBeNull();

    // What the database derived is what the rules say, and a full rebuild derives it again.
    const ids = [tenant.id, firm.id, holding.id, twin.id, sister.id];
    const expected = deriveLinks(await asRuleInput(ids)).sort((x, y) =>
      JSON.stringify(x).localeCompare(JSON.stringify(y)),
    );
    await expect(storedLinks(ids)).resolves.toEqual(expected);
    await rebuildAll();
    await expect(storedLinks(ids)).resolves.toEqual(expected);
    expect(memberIds(await networkOf(holding.id))).toEqual(sorted(holding.id, twin.id));
  });

  it('shows a property manager as "managed by", never merging its clients into one network', async () => {
    const t = tag();
    const office = {
      street: `Verwalterweg ${t}`,
      houseNumber: '1',
      postcode: '44625',
      city: 'Herne',
    };
    const hv = await createLandlord({ name: `Hausverwaltung ${t} GmbH`, postalAddress: office });
    const owner1 = await createLandlord({
      kind: 'person',
      name: `Anna ${t}`,
      postalAddress: office,
    });
    const owner2 = await createLandlord({
      kind: 'person',
      name: `Bernd ${t}`,
      postalAddress: office,
    });
    // Before anyone knows it manages anything, three at one address are one network.
    expect(memberIds(await networkOf(owner1.id))).toEqual(sorted(hv.id, owner1.id, owner2.id));

    for (const owner of [owner1, owner2]) {
      const property = await insertProperty();
      await addOwnership(property, owner.id, 'owner');
      await addOwnership(property, hv.id, 'manager');
    }

    const client = await networkOf(owner1.id);
    expect(client.networkId).toBeNull();
    expect(memberIds(client)).toEqual([owner1.id]);
    expect(client.managedBy.map((m) => [m.landlord.id, m.source, m.reason]).sort()).toEqual(
      [
        [
          hv.id,
          'address',
          `Postanschrift bei der Hausverwaltung: Verwalterweg ${t} 1, 44625 Herne`,
        ],
        [hv.id, 'ownership', 'Hausverwaltung für 1 Objekt(e) des Eigentümers'],
      ].sort(),
    );
    const firm = await networkOf(hv.id);
    expect(firm.networkId).toBeNull();
    expect(firm.managesTotal).toBe(2);
    expect([...new Set(firm.manages.map((m) => m.landlord.id))].sort()).toEqual(
      sorted(owner1.id, owner2.id),
    );

    // A person's address shown in a reason is a logged read of it.
    const trail = (
      await api.request<{ items: AuditEntry[] }>(
        'GET',
        `/api/v1/audit?entityType=landlord&entityId=${owner1.id}`,
        { token: admin.token },
      )
    ).body.items;
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'landlord.contact_read', actorId: inspector.id }),
    );

    const ids = [hv.id, owner1.id, owner2.id];
    const managements = [owner1, owner2].map((o) => ({
      managerId: hv.id,
      ownerId: o.id,
      properties: 1,
    }));
    const expected = deriveLinks(await asRuleInput(ids), managements).sort((x, y) =>
      JSON.stringify(x).localeCompare(JSON.stringify(y)),
    );
    await rebuildAll();
    await expect(storedLinks(ids)).resolves.toEqual(expected);
  });

  it('keeps a split through a re-run of the detection and a change, until an officer undoes it', async () => {
    const t = tag();
    const director = `Paul Gleich${t}`;
    const a = await createLandlord({ name: `Alpha ${t} GmbH`, directors: [director] });
    const b = await createLandlord({ name: `Beta ${t} GmbH`, directors: [director] });
    expect(memberIds(await networkOf(a.id))).toEqual(sorted(a.id, b.id));

    const made = await split(a.id, {
      otherLandlordId: b.id,
      reason: '  Namensgleichheit, andere Person  ',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      otherLandlordId: b.id,
      reason: 'Namensgleichheit, andere Person',
    });
    const after = await networkOf(a.id);
    expect(after.networkId).toBeNull();
    expect(after.splits).toEqual([
      expect.objectContaining({ otherLandlordId: b.id, reason: 'Namensgleichheit, andere Person' }),
    ]);

    await rebuildAll();
    expect((await networkOf(b.id)).networkId).toBeNull();
    const renamed = await api.request('PATCH', `/api/v1/landlords/${b.id}`, {
      token: officer.token,
      headers: { 'if-match': `"${b.version}"` },
      body: { directors: [director, 'Zweite Person'] },
    });
    expect(renamed.status).toBe(200);
    expect((await networkOf(a.id)).networkId).toBeNull();

    expect((await split(b.id, { otherLandlordId: a.id, reason: 'noch einmal' })).status).toBe(409);

    const undone = await api.request('DELETE', `/api/v1/landlords/${b.id}/network/splits/${a.id}`, {
      token: officer.token,
    });
    expect(undone.status).toBe(204);
    expect(memberIds(await networkOf(a.id))).toEqual(sorted(a.id, b.id));
    expect(
      (
        await api.request('DELETE', `/api/v1/landlords/${b.id}/network/splits/${a.id}`, {
          token: officer.token,
        })
      ).status,
    ).toBe(404);

    const trail = (
      await api.request<{ items: AuditEntry[] }>(
        'GET',
        `/api/v1/audit?entityType=landlord&entityId=${a.id}`,
        { token: admin.token },
      )
    ).body.items;
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'landlord.network_split',
        actorId: officer.id,
        after: { otherLandlordId: b.id, reason: 'Namensgleichheit, andere Person' },
      }),
    );
    const undoneTrail = (
      await api.request<{ items: AuditEntry[] }>(
        'GET',
        `/api/v1/audit?entityType=landlord&entityId=${b.id}`,
        { token: admin.token },
      )
    ).body.items;
    expect(undoneTrail).toContainEqual(
      expect.objectContaining({ action: 'landlord.network_split_undone', actorId: officer.id }),
    );
  });

  it('names the field of a bad split, and answers 404 for an unknown landlord', async () => {
    const t = tag();
    const a = await createLandlord({ name: `Gamma ${t} GmbH` });
    const b = await createLandlord({ name: `Delta ${t} GmbH` });
    const fieldsOf = (response: { body: Problem }) =>
      (response.body.errors ?? []).map((e) => e.field);

    const noReason = await split(a.id, { otherLandlordId: b.id, reason: '   ' });
    expect(noReason.status).toBe(422);
    expect(noReason.headers.get('content-type')).toMatch(/problem\+json/);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    expect(fieldsOf(await split(a.id, { otherLandlordId: 'nope', reason: 'x' }))).toEqual([
      'otherLandlordId',
    ]);
    const self = await split(a.id, { otherLandlordId: a.id, reason: 'x' });
    expect([self.status, fieldsOf(self)]).toEqual([422, ['otherLandlordId']]);
    const unknown = await split(a.id, { otherLandlordId: randomUUID(), reason: 'x' });
    expect([unknown.status, fieldsOf(unknown)]).toEqual([422, ['otherLandlordId']]);
    expect((await split(randomUUID(), { otherLandlordId: a.id, reason: 'x' })).status).toBe(404);
    expect(
      (
        await api.request('GET', `/api/v1/landlords/${randomUUID()}/network`, {
          token: officer.token,
        })
      ).status,
    ).toBe(404);
    const badOther = await api.request<Problem>(
      'DELETE',
      `/api/v1/landlords/${a.id}/network/splits/nope`,
      { token: officer.token },
    );
    expect([badOther.status, fieldsOf(badOther)]).toEqual([422, ['otherLandlordId']]);
  });

  it('lets inspectors, officers and managers read a network and only officers split', async () => {
    const t = tag();
    const a = await createLandlord({ name: `Epsilon ${t} GmbH` });
    const b = await createLandlord({ name: `Zeta ${t} GmbH` });
    for (const token of [inspector.token, officer.token, manager.token])
      expect(
        (await api.request('GET', `/api/v1/landlords/${a.id}/network`, { token })).status,
      ).toBe(200);
    expect(
      (await api.request('GET', `/api/v1/landlords/${a.id}/network`, { token: admin.token }))
        .status,
    ).toBe(403);
    expect((await api.request('GET', `/api/v1/landlords/${a.id}/network`)).status).toBe(401);
    for (const token of [inspector.token, manager.token, admin.token])
      expect((await split(a.id, { otherLandlordId: b.id, reason: 'x' }, token)).status).toBe(403);
    expect((await split(a.id, { otherLandlordId: b.id, reason: 'x' })).status).toBe(201);
    for (const token of [inspector.token, manager.token, admin.token])
      expect(
        (await api.request('DELETE', `/api/v1/landlords/${a.id}/network/splits/${b.id}`, { token }))
          .status,
      ).toBe(403);
  });

  it('normalises in SQL exactly as the rules do', async () => {
    const addresses: Array<[string, string, string]> = [
      ['Bahnhofstraße', '12', '44623'],
      ['Bahnhof Strasse', '12 A', ' 44623 '],
      ['Am Müller-Hof', '3-5', '44649'],
      ['Straße des 17. Juni', '1', '10623'],
      [' ', '1', '44623'],
    ];
    for (const [street, number, postcode] of addresses) {
      const [{ key }] = await db.query<Array<{ key: string | null }>>(
        `SELECT landlord_address_key($1, $2, $3) AS key`,
        [street, number, postcode],
      );
      expect([street, key]).toEqual([street, addressKey(street, number, postcode)]);
    }
    for (const raw of ['HRB 12345', 'hr b 12345', 'HRA 7 (AG Bochum)', 'unbekannt']) {
      const [{ key }] = await db.query<Array<{ key: string | null }>>(
        `SELECT landlord_register_key($1) AS key`,
        [raw],
      );
      expect([raw, key]).toEqual([raw, registerKey(raw)]);
    }
    for (const raw of ['Max Muster', 'Muster, Max', 'Dr. Max  Muster', 'Jürgen Weiß', 'Prof.']) {
      const [{ key }] = await db.query<Array<{ key: string | null }>>(
        `SELECT landlord_person_key($1) AS key`,
        [raw],
      );
      expect([raw, key]).toEqual([raw, personKey(raw)]);
    }
  });
});
