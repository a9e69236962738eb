import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '@hausakte/testing';
import {
  catalogue,
  CatalogueEntry,
  createProperty,
  findings,
  planInspection,
} from '../support/inspection-fixtures';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;

interface Detail {
  id: string;
  status: string;
  version: number;
  findings: Array<{ id: string; severity: string; status: string; photoCount: number }>;
  occupancy: Array<{ unitId: string; outcome: string; ruleSetId: string | null }>;
  checks: Array<{ defectId: string; result: string }>;
  openDefects: Array<{ id: string; severity: string }>;
  revisitInspectionId: string | null;
}

interface Problem {
  errors?: Array<{ field: string; message: string }>;
}

describe('inspections: planning and recording', () => {
  let api: TestApi;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let manager: SignedIn;
  let entries: CatalogueEntry[];

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    manager = await api.signIn('manager');
    entries = await catalogue(api, officer.token);
  });

  afterAll(async () => {
    await api?.close();
  });

  const entry = (severity: 'A' | 'B' | 'C') => entries.find((e) => e.severity === severity)!;

  const complete = (id: string, body: unknown, key?: string, token = inspector.token) =>
    api.request<Detail & Problem>('POST', `/api/v1/inspections/${id}/complete`, {
      token,
      body,
      headers: key ? { 'idempotency-key': key } : {},
    });

  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query(sql, params))[0].n);

  it('records ten findings and an occupancy count in one command, once however often it is sent', async () => {
    const property = await createProperty(api, officer.token, {
      street: 'Begehungsweg',
      units: [{ label: 'EG links', areaM2: 54 }],
    });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const unitId = property.units[0].id;
    const body = {
      outcome: 'done',
      findings: findings(entries, 10, unitId),
      occupancy: [
        {
          unitId,
          adultsFound: 5,
          childrenUnderSixFound: 2,
          personsRegistered: 3,
          unitKind: 'flat',
          sharedAncillaryRooms: false,
          workerHousing: false,
        },
      ],
    };
    const key = `complete-${randomUUID()}`;

    const [first, second] = await Promise.all([
      complete(planned.id, body, key),
      complete(planned.id, body, key),
    ]);
    const statuses = [first.status, second.status].sort();
    // One commits; the other replays it, or is told the first is still running.
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    const recorded = first.status === 200 ? first.body : second.body;
    expect(recorded.status).toBe('done');
    expect(recorded.findings).toHaveLength(10);
    expect(recorded.occupancy).toEqual([
      expect.objectContaining({ unitId, outcome: 'overcrowded', ruleSetId: expect.any(String) }),
    ]);

    const replay = await complete(planned.id, body, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // The same command under a new key (the phone lost the answer and its key): the record.
    const resent = await complete(planned.id, body, `other-${randomUUID()}`);
    expect(resent.status).toBe(200);
    expect(resent.body.findings.map((f) => f.id).sort()).toEqual(
      body.findings.map((f) => f.id as string).sort(),
    );

    const otherBody = await complete(planned.id, { ...body, notes: 'anders' }, key);
    expect(otherBody.status).toBe(422);
    const otherCommand = await complete(planned.id, { ...body, findings: findings(entries, 1) });
    expect(otherCommand.status).toBe(409);

    await expect(
      count(`SELECT count(*) AS n FROM defects WHERE inspection_id = $1`, [planned.id]),
    ).resolves.toBe(10);
    await expect(
      count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'defect.recorded' AND entity_id = ANY($1)`,
        [body.findings.map((f) => f.id)],
      ),
    ).resolves.toBe(10);
    await expect(
      count(`SELECT count(*) AS n FROM outbox WHERE job_id = $1`, [
        `inspection-completed-${planned.id}`,
      ]),
    ).resolves.toBe(1);
  });

  it('refuses a severity override without a reason, naming the field, and writes nothing', async () => {
    const property = await createProperty(api, officer.token, { street: 'Schweregradweg' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const b = entry('B');
    const response = await complete(planned.id, {
      outcome: 'done',
      findings: [
        { id: randomUUID(), catalogueItemId: b.id, description: 'Schimmel' },
        {
          id: randomUUID(),
          catalogueItemId: b.id,
          severity: 'C',
          description: 'Schimmel, Kleinkind',
        },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        field: 'findings.1.severityReason',
        message: "a severity other than the catalogue's (B) needs a reason",
      },
    ]);
    const read = await api.request<Detail>('GET', `/api/v1/inspections/${planned.id}`, {
      token: inspector.token,
    });
    expect(read.body.status).toBe('planned');
    await expect(
      count(`SELECT count(*) AS n FROM defects WHERE inspection_id = $1`, [planned.id]),
    ).resolves.toBe(0);

    const withReason = await complete(planned.id, {
      outcome: 'done',
      findings: [
        {
          id: randomUUID(),
          catalogueItemId: b.id,
          severity: 'C',
          severityReason: 'Säugling schläft im Raum',
          description: 'Schimmel',
        },
      ],
    });
    expect(withReason.status).toBe(200);
    expect(withReason.body.findings[0].severity).toBe('C');
  });

  it('lists the open defects for a re-inspection, most severe first, and records the checks', async () => {
    const property = await createProperty(api, officer.token, { street: 'Nachkontrollgasse' });
    const first = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const [a, c, b] = [entry('A'), entry('C'), entry('B')].map((e) => ({
      id: randomUUID(),
      catalogueItemId: e.id,
      description: `Mangel ${e.severity}`,
    }));
    expect((await complete(first.id, { outcome: 'done', findings: [a, c, b] })).status).toBe(200);

    const again = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
      kind: 'reinspection',
    });
    const planned = await api.request<Detail>('GET', `/api/v1/inspections/${again.id}`, {
      token: inspector.token,
    });
    expect(planned.body.openDefects.map((d) => d.id)).toEqual([c.id, b.id, a.id]);

    const checked = await complete(again.id, {
      outcome: 'done',
      checks: [
        { defectId: c.id, result: 'remedied' },
        { defectId: b.id, result: 'not_remedied', note: 'Fenster weiter defekt' },
      ],
    });
    expect(checked.status).toBe(200);
    const open = await api.request<{ items: Array<{ id: string; status: string }> }>(
      'GET',
      `/api/v1/properties/${property.id}/open-defects`,
      { token: officer.token },
    );
    expect(open.body.items.map((d) => [d.id, d.status])).toEqual([
      [b.id, 'not_remedied'],
      [a.id, 'open'],
    ]);
    await expect(
      count(
        `SELECT count(*) AS n FROM outbox WHERE job_name = 'defect-not-remedied' AND job_id = $1`,
        [`defect-not-remedied-${b.id}-${again.id}`],
      ),
    ).resolves.toBe(1);

    const verifiedAgain = await complete(
      (
        await planInspection(api, officer.token, {
          propertyId: property.id,
          inspectorIds: [inspector.id],
          kind: 'reinspection',
        })
      ).id,
      { outcome: 'done', checks: [{ defectId: c.id, result: 'remedied' }] },
    );
    expect(verifiedAgain.status).toBe(422);
    expect(verifiedAgain.body.errors).toEqual([
      { field: 'checks.0.defectId', message: 'is verified already' },
    ]);
  });

  it('proposes a new visit after no access; a cancelled visit spawns nothing', async () => {
    const property = await createProperty(api, officer.token, { street: 'Verschlossene Tür' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const missingReason = await complete(planned.id, { outcome: 'no_access' });
    expect(missingReason.status).toBe(422);
    expect(missingReason.body.errors?.[0].field).toBe('noAccessReason');

    const noAccess = await complete(planned.id, {
      outcome: 'no_access',
      noAccessReason: 'Niemand öffnet',
    });
    expect(noAccess.status).toBe(200);
    expect(noAccess.body.status).toBe('no_access');
    const revisit = await api.request<{ status: string; inspectors: Array<{ id: string }> }>(
      'GET',
      `/api/v1/inspections/${noAccess.body.revisitInspectionId}`,
      { token: inspector.token },
    );
    expect(revisit.body).toMatchObject({ status: 'planned', inspectors: [{ id: inspector.id }] });

    const other = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const cancel = await api.request<{ status: string }>(
      'POST',
      `/api/v1/inspections/${other.id}/cancel`,
      { token: officer.token, body: { reason: 'Termin abgesagt' }, headers: { 'if-match': '"1"' } },
    );
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    await expect(
      count(`SELECT count(*) AS n FROM inspections WHERE follows_inspection_id = $1`, [other.id]),
    ).resolves.toBe(0);
    const completeCancelled = await complete(other.id, { outcome: 'done' });
    expect(completeCancelled.status).toBe(409);
  });

  it('lets inspectors plan only visits they go to; managers not at all', async () => {
    const property = await createProperty(api, officer.token, { street: 'Planstraße' });
    const colleague = await api.signIn('inspector');
    const body = {
      propertyId: property.id,
      kind: 'initial',
      scheduledAt: '2026-12-01T09:00:00+01:00',
      inspectorIds: [colleague.id],
    };
    const forOther = await api.request('POST', '/api/v1/inspections', {
      token: inspector.token,
      body,
    });
    expect(forOther.status).toBe(403);
    const forSelf = await api.request('POST', '/api/v1/inspections', {
      token: inspector.token,
      body: { ...body, inspectorIds: [inspector.id, colleague.id] },
    });
    expect(forSelf.status).toBe(201);
    const byManager = await api.request('POST', '/api/v1/inspections', {
      token: manager.token,
      body,
    });
    expect(byManager.status).toBe(403);
    const toManager = await api.request<Problem>('POST', '/api/v1/inspections', {
      token: officer.token,
      body: { ...body, inspectorIds: [manager.id] },
    });
    expect(toManager.status).toBe(422);
    expect(toManager.body.errors?.[0].field).toBe('inspectorIds');
    const localTime = await api.request<Problem>('POST', '/api/v1/inspections', {
      token: officer.token,
      body: { ...body, scheduledAt: '2026-12-01T09:00:00' },
    });
    expect(localTime.status).toBe(422);
    expect(localTime.body.errors?.[0].field).toBe('scheduledAt');
  });

  it('plans once for two concurrent sends with one key; another body under the key is 422', async () => {
    const property = await createProperty(api, officer.token, { street: 'Doppelter Weg' });
    const body = {
      propertyId: property.id,
      kind: 'initial',
      scheduledAt: '2026-12-02T10:00:00+01:00',
      inspectorIds: [inspector.id],
    };
    const key = `plan-${randomUUID()}`;
    const send = (payload: unknown) =>
      api.request<{ id: string }>('POST', '/api/v1/inspections', {
        token: officer.token,
        body: payload,
        headers: { 'idempotency-key': key },
      });
    const results = await Promise.all([send(body), send(body)]);
    expect(results.map((r) => r.status).sort()[0]).toBe(201);
    const other = await send({ ...body, reason: 'anders' });
    expect(other.status).toBe(422);
    await expect(
      count(`SELECT count(*) AS n FROM inspections WHERE property_id = $1`, [property.id]),
    ).resolves.toBe(1);
  });

  it('orders an inspector’s day nearest next from the start point', async () => {
    const walker = await api.signIn('inspector');
    const day = '2026-12-03';
    // On one parallel of latitude, ~690 m per 0.01° of longitude: start, then 7.23, 7.25, 7.27.
    const lat = 51.53;
    const at = async (lon: number, hour: number) => {
      const property = await createProperty(api, officer.token, {
        street: `Routenweg ${lon}`,
        lon,
        lat,
      });
      return planInspection(api, officer.token, {
        propertyId: property.id,
        inspectorIds: [walker.id],
        scheduledAt: `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`,
      });
    };
    const far = await at(7.27, 8);
    const near = await at(7.23, 9);
    const middle = await at(7.25, 10);
    const route = await api.request<{
      stops: Array<{ id: string; stop: number; distanceM: number }>;
      totalDistanceM: number;
    }>('GET', `/api/v1/inspections/day?date=${day}&start=7.22,${lat}`, { token: walker.token });
    expect(route.status).toBe(200);
    expect(route.body.stops.map((s) => s.id)).toEqual([near.id, middle.id, far.id]);
    expect(route.body.stops[0].distanceM).toBeGreaterThan(600);
    expect(route.body.stops[0].distanceM).toBeLessThan(750);

    const unreadable = await api.request('GET', `/api/v1/inspections/day?date=${day}&start=abc`, {
      token: walker.token,
    });
    expect(unreadable.status).toBe(400);
  });

  it('moves a defect along its lifecycle with If-Match, refusing illegal steps and stale versions', async () => {
    const property = await createProperty(api, officer.token, { street: 'Lebenszyklusweg' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const finding = {
      id: randomUUID(),
      catalogueItemId: entry('A').id,
      description: 'Hahn tropft',
    };
    await complete(planned.id, { outcome: 'done', findings: [finding] });
    const patch = (body: unknown, version: number) =>
      api.request<{ status: string; version: number }>('PATCH', `/api/v1/defects/${finding.id}`, {
        token: inspector.token,
        body,
        headers: { 'if-match': `"${version}"` },
      });

    const reported = await patch({ status: 'reported_done' }, 1);
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ status: 'reported_done', version: 2 });
    expect((await patch({ status: 'open' }, 2)).status).toBe(409);
    // Verified and not remedied are what an inspection finds, not what a person types.
    expect((await patch({ status: 'verified' }, 2)).status).toBe(409);
    expect((await patch({ description: 'veraltet' }, 1)).status).toBe(412);
    const recheck = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
      kind: 'reinspection',
    });
    const checked = await complete(recheck.id, {
      outcome: 'done',
      checks: [{ defectId: finding.id, result: 'remedied' }],
    });
    expect(checked.status).toBe(200);
    const verified = await api.request<{ status: string; version: number }>(
      'GET',
      `/api/v1/defects/${finding.id}`,
      { token: inspector.token },
    );
    expect(verified.body.status).toBe('verified');
    expect((await patch({ status: 'reported_done' }, verified.body.version)).status).toBe(409);
    await expect(
      count(
        `SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'defect.status_changed'`,
        [finding.id],
      ),
    ).resolves.toBe(2);
  });

  it('keeps the catalogue version a finding was recorded against when an admin changes the entry', async () => {
    const admin = await api.signIn('admin');
    const created = await api.request<{ id: string; version: number }>(
      'POST',
      '/api/v1/defect-catalogue',
      {
        token: admin.token,
        body: {
          code: `T-${Date.now() % 1_000_000}`,
          legalGround: 's5_3',
          title: { de: 'Testmangel', en: 'Test defect' },
          description: { de: 'Zum Testen.', en: 'For testing.' },
          severity: 'A',
        },
      },
    );
    expect(created.status).toBe(201);
    const property = await createProperty(api, officer.token, { street: 'Versionsweg' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const findingId = randomUUID();
    await complete(planned.id, {
      outcome: 'done',
      findings: [{ id: findingId, catalogueItemId: created.body.id, description: 'x' }],
    });

    const code = (
      await api.request<{ code: string }>(
        'GET',
        `/api/v1/defect-catalogue/versions/${created.body.id}`,
        { token: admin.token },
      )
    ).body.code;
    const changed = await api.request<{ id: string; version: number; severity: string }>(
      'PATCH',
      `/api/v1/defect-catalogue/${code}`,
      { token: admin.token, body: { severity: 'B' }, headers: { 'if-match': '"1"' } },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, severity: 'B' });
    expect(changed.body.id).not.toBe(created.body.id);

    const defect = await api.request<{
      catalogueItem: { id: string; version: number; severity: string };
    }>('GET', `/api/v1/defects/${findingId}`, { token: officer.token });
    expect(defect.body.catalogueItem).toMatchObject({
      id: created.body.id,
      version: 1,
      severity: 'A',
    });
    const byOfficer = await api.request('PATCH', `/api/v1/defect-catalogue/${code}`, {
      token: officer.token,
      body: { severity: 'C' },
      headers: { 'if-match': '"2"' },
    });
    expect(byOfficer.status).toBe(403);
  });

  it('answers 422 for bad commands and 409 for another command on a recorded inspection', async () => {
    const property = await createProperty(api, officer.token, { street: 'Eindeutigweg' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const nullList = await complete(planned.id, { outcome: 'done', findings: null });
    expect(nullList.status).toBe(422);
    expect(nullList.body.errors?.[0].field).toBe('findings');
    const backdated = await complete(planned.id, {
      outcome: 'done',
      completedAt: '2013-06-01T10:00:00+02:00',
    });
    expect(backdated.status).toBe(422);
    expect(backdated.body.errors?.[0].field).toBe('completedAt');

    const first = { outcome: 'done', findings: findings(entries, 1) };
    expect((await complete(planned.id, first)).status).toBe(200);
    expect((await complete(planned.id, first)).status).toBe(200);
    const withNotes = await complete(planned.id, { ...first, notes: 'nachgetragen' });
    expect(withNotes.status).toBe(409);
  });

  it('refuses findings against a retired catalogue entry, and accepts an older version', async () => {
    const admin = await api.signIn('admin');
    const code = `R-${Date.now() % 1_000_000}`;
    const created = await api.request<{ id: string }>('POST', '/api/v1/defect-catalogue', {
      token: admin.token,
      body: {
        code,
        legalGround: 's6',
        title: { de: 'Alt', en: 'Old' },
        description: { de: 'Alt.', en: 'Old.' },
        severity: 'A',
      },
    });
    const property = await createProperty(api, officer.token, { street: 'Ruhestandsweg' });
    const record = async () =>
      complete(
        (
          await planInspection(api, officer.token, {
            propertyId: property.id,
            inspectorIds: [inspector.id],
          })
        ).id,
        {
          outcome: 'done',
          findings: [{ id: randomUUID(), catalogueItemId: created.body.id, description: 'x' }],
        },
      );
    const renamed = await api.request('PATCH', `/api/v1/defect-catalogue/${code}`, {
      token: admin.token,
      body: { title: { de: 'Neu', en: 'New' } },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.status).toBe(200);
    expect((await record()).status).toBe(200);
    await api.request('PATCH', `/api/v1/defect-catalogue/${code}`, {
      token: admin.token,
      body: { retired: true },
      headers: { 'if-match': '"2"' },
    });
    const retired = await record();
    expect(retired.status).toBe(422);
    expect(retired.body.errors).toEqual([
      { field: 'findings.0.catalogueItemId', message: 'is retired from the catalogue' },
    ]);
  });

  it('adds a catalogue entry once for two concurrent sends with one key; another body is 422', async () => {
    const admin = await api.signIn('admin');
    const code = `K-${Date.now() % 1_000_000}`;
    const body = {
      code,
      legalGround: 's5_7',
      title: { de: 'Fenster nicht zu öffnen', en: 'Window cannot be opened' },
      description: { de: 'Kein Lüften möglich.', en: 'No ventilation possible.' },
      severity: 'B',
    };
    const key = `catalogue-${randomUUID()}`;
    const send = (payload: unknown) =>
      api.request('POST', '/api/v1/defect-catalogue', {
        token: admin.token,
        body: payload,
        headers: { 'idempotency-key': key },
      });
    const results = await Promise.all([send(body), send(body)]);
    expect(results.map((result) => result.status).sort()[0]).toBe(201);
    expect((await send({ ...body, severity: 'A' })).status).toBe(422);
    await expect(
      count(`SELECT count(*) AS n FROM catalogue_items WHERE code = $1`, [code]),
    ).resolves.toBe(1);
  });

  it('assigns districts to inspectors (admins) and lists who can be sent by district', async () => {
    const admin = await api.signIn('admin');
    const fresh = await api.signIn('inspector');
    const districts = await api.request<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/v1/districts',
      { token: officer.token },
    );
    const district =
      districts.body.items[0]?.id ??
      (
        await db.query<Array<{ id: string }>>(
          `INSERT INTO districts (name, outline, source)
           VALUES ('Testbezirk', ST_Multi(ST_MakeEnvelope(7.1, 51.5, 7.3, 51.6, 4326)), 'synthetic')
           RETURNING id`,
        )
      )[0].id;
    const put = (token: string, userId: string, districtIds: string[]) =>
      api.request<{ districts: Array<{ id: string }> } & Problem>(
        'PUT',
        `/api/v1/inspectors/${userId}/districts`,
        { token, body: { districtIds } },
      );
    expect((await put(officer.token, fresh.id, [district])).status).toBe(403);
    const set = await put(admin.token, fresh.id, [district]);
    expect(set.status).toBe(200);
    expect(set.body.districts.map((d) => d.id)).toEqual([district]);
    const toManager = await put(admin.token, manager.id, [district]);
    expect(toManager.status).toBe(422);
    expect((await put(admin.token, fresh.id, [randomUUID()])).status).toBe(422);

    const inDistrict = await api.request<{ items: Array<{ id: string }> }>(
      'GET',
      `/api/v1/inspectors?districtId=${district}`,
      { token: officer.token },
    );
    expect(inDistrict.body.items.map((person) => person.id)).toContain(fresh.id);
    expect(inDistrict.body.items.map((person) => person.id)).not.toContain(inspector.id);
  });

  it('shows a property’s file in time order: inspections, defects, complaints', async () => {
    const property = await createProperty(api, officer.token, { street: 'Zeitleiste' });
    const complaint = await api.request<{ id: string }>('POST', '/api/v1/complaints', {
      token: officer.token,
      body: {
        source: 'neighbour',
        legalGround: 's5_5',
        text: 'Feuchte Wände',
        receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
        address: { street: 'Zeitleiste', houseNumber: '1', postcode: '44623' },
      },
    });
    expect(complaint.status).toBe(201);
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
      kind: 'complaint',
    });
    const finding = { id: randomUUID(), catalogueItemId: entry('B').id, description: 'Schimmel' };
    await complete(planned.id, {
      outcome: 'done',
      completedAt: new Date(Date.now() - 60_000).toISOString(),
      findings: [finding],
    });
    const timeline = await api.request<{
      items: Array<{ kind: string; id: string; state: string }>;
      total: number;
    }>('GET', `/api/v1/properties/${property.id}/timeline`, { token: manager.token });
    expect(timeline.status).toBe(200);
    expect(timeline.body.total).toBe(3);
    expect(timeline.body.items.map((item) => [item.kind, item.id, item.state])).toEqual([
      ['defect', finding.id, 'open'],
      ['inspection', planned.id, 'done'],
      ['complaint', complaint.body.id, 'neighbour'],
    ]);
    const missing = await api.request('GET', `/api/v1/properties/${randomUUID()}/timeline`, {
      token: manager.token,
    });
    expect(missing.status).toBe(404);
  });
});
