import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '@hausakte/testing';
import type { CatalogueEntry } from '../support/inspection-fixtures';
import {
  daysFromToday,
  defaultPeriodEntries,
  openCaseWithDefects,
  today,
} from '../support/enforcement-fixtures';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;

interface CaseDetail {
  id: string;
  reference: string;
  status: string;
  stage: string;
  officerId: string;
  notes: string | null;
  reopenReason: string | null;
  nextDeadline: string | null;
  overdue: boolean;
  version: number;
  defects: Array<{ id: string }>;
  hearings: Array<{ id: string; addressees: unknown[] | null }>;
  orders: Array<{ id: string }>;
  timeline: Array<{ action: string; entityType: string }>;
  errors?: Array<{ field: string }>;
  detail?: string;
}

describe('enforcement: cases and hearings', () => {
  let api: TestApi;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let entries: Record<'A' | 'B' | 'C', CatalogueEntry>;
  let streets = 0;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    entries = await defaultPeriodEntries(api, officer.token);
  });

  afterAll(async () => {
    await api?.close();
  });

  const newCase = (link = true, token = officer.token) =>
    openCaseWithDefects(
      api,
      { officer: token, inspector: inspector.token, inspectorId: inspector.id },
      {
        street: `Vorgangsallee ${++streets}-${process.pid}`,
        entries: [entries.B, entries.A],
        link,
      },
    );
  const request = <T = CaseDetail>(method: string, path: string, body?: unknown, headers = {}) =>
    api.request<T>(method, path, { token: officer.token, body, headers });

  it('opens one case per property with a reference, once however often it is sent', async () => {
    const fixture = await newCase(false);
    const read = await request('GET', `/api/v1/cases/${fixture.caseId}`);
    expect(read.body).toMatchObject({ status: 'open', stage: 'investigation', defects: [] });
    expect(read.body.reference).toMatch(/^WA-\d{4}-\d{5}$/);
    expect(read.headers.get('etag')).toBe('"1"');

    const second = await request('POST', '/api/v1/cases', { propertyId: fixture.propertyId });
    expect(second.status).toBe(409);

    const key = `case-${randomUUID()}`;
    await request('POST', `/api/v1/cases/${fixture.caseId}/close`, { reason: 'Doppelt angelegt' });
    const body = { propertyId: fixture.propertyId, notes: 'Neuer Anlauf' };
    const first = await request('POST', '/api/v1/cases', body, { 'idempotency-key': key });
    const replay = await request('POST', '/api/v1/cases', body, { 'idempotency-key': key });
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    // The first case still holds nothing; the property's defects go to the open one.
    const linked = await request('POST', `/api/v1/cases/${first.body.id}/defects`, {
      defectIds: fixture.defectIds,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.defects.map((d) => d.id).sort()).toEqual([...fixture.defectIds].sort());
    // The old case cannot be reopened while another is open.
    const reopen = await request('POST', `/api/v1/cases/${fixture.caseId}/reopen`, {
      reason: 'Versehen',
    });
    expect(reopen.status).toBe(409);
  });

  it('links a defect to at most one case, and only the property’s own', async () => {
    const a = await newCase();
    const b = await newCase();
    const foreign = await request('POST', `/api/v1/cases/${b.caseId}/defects`, {
      defectIds: [b.defectIds[0], a.defectIds[0]],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'defectIds[1]' })]);

    await request('POST', `/api/v1/cases/${a.caseId}/close`, { reason: 'erledigt' });
    const successor = await request('POST', '/api/v1/cases', { propertyId: a.propertyId });
    const taken = await request('POST', `/api/v1/cases/${successor.body.id}/defects`, {
      defectIds: [a.defectIds[0]],
    });
    expect(taken.status).toBe(409);
  });

  it('changes officer and notes with If-Match only, and keeps a closed case read-only until reopened', async () => {
    const fixture = await newCase();
    const colleague = await api.signIn('officer');
    const stale = await request(
      'PATCH',
      `/api/v1/cases/${fixture.caseId}`,
      { notes: 'x' },
      { 'if-match': '"7"' },
    );
    expect(stale.status).toBe(412);
    const changed = await request(
      'PATCH',
      `/api/v1/cases/${fixture.caseId}`,
      { officerId: colleague.id, notes: 'Übergabe' },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ officerId: colleague.id, notes: 'Übergabe', version: 2 });
    const notOfficer = await request(
      'PATCH',
      `/api/v1/cases/${fixture.caseId}`,
      { officerId: inspector.id },
      { 'if-match': '"2"' },
    );
    expect(notOfficer.status).toBe(422);

    const closed = await request('POST', `/api/v1/cases/${fixture.caseId}/close`, {
      reason: 'Mängel beseitigt',
    });
    expect(closed.body).toMatchObject({ status: 'closed', stage: 'closed' });
    for (const [method, path, body, headers] of [
      ['PATCH', `/api/v1/cases/${fixture.caseId}`, { notes: 'y' }, { 'if-match': '"3"' }],
      ['POST', `/api/v1/cases/${fixture.caseId}/defects`, { defectIds: fixture.defectIds }, {}],
      ['POST', `/api/v1/cases/${fixture.caseId}/close`, { reason: 'nochmal' }, {}],
      [
        'POST',
        `/api/v1/cases/${fixture.caseId}/hearings`,
        { defectIds: fixture.defectIds, replyDays: 14 },
        {},
      ],
      [
        'POST',
        `/api/v1/cases/${fixture.caseId}/orders`,
        {
          kind: 'repair',
          hearingSkippedReason: 'Gefahr im Verzug',
          items: [{ requirement: 'x', defectIds: fixture.defectIds }],
        },
        {},
      ],
    ] as const) {
      const refused = await request(method, path, body, headers);
      expect([path, refused.status]).toEqual([path, 409]);
    }
    const reopened = await request('POST', `/api/v1/cases/${fixture.caseId}/reopen`, {
      reason: 'Mieterin meldet neuen Schimmel',
    });
    expect(reopened.body).toMatchObject({
      status: 'open',
      reopenReason: 'Mieterin meldet neuen Schimmel',
    });
    expect(reopened.body.timeline.map((e) => e.action)).toEqual([
      'case.opened',
      'case.updated',
      'case.closed',
      'case.reopened',
    ]);
  });

  it('sends a hearing to the landlords in charge, frozen, and derives the stage', async () => {
    const fixture = await newCase();
    const hearing = await request<{ id: string }>(
      'POST',
      `/api/v1/cases/${fixture.caseId}/hearings`,
      {
        defectIds: [fixture.defectIds[0]],
        replyDays: 14,
      },
    );
    expect(hearing.status).toBe(201);
    const future = await request('POST', `/api/v1/hearings/${hearing.body.id}/send`, {
      delivery: { method: 'ordinary_post', postedOn: daysFromToday(3) },
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'delivery.postedOn' })]);
    const sent = await request<{ status: string; replyDueOn: string; addressees: unknown[] }>(
      'POST',
      `/api/v1/hearings/${hearing.body.id}/send`,
      { delivery: { method: 'personal_delivery', handedOverOn: today() } },
    );
    expect(sent.status).toBe(200);
    expect(sent.body.addressees).toEqual([
      expect.objectContaining({ landlordId: fixture.landlordId, role: 'owner' }),
    ]);
    // Moving the landlord does not rewrite what was sent.
    await db.query(`UPDATE landlords SET postal_street = 'Neue Straße' WHERE id = $1`, [
      fixture.landlordId,
    ]);
    const again = await request<{ addressees: Array<{ postalAddress: { street: string } }> }>(
      'GET',
      `/api/v1/hearings/${hearing.body.id}`,
    );
    expect(again.body.addressees[0].postalAddress.street).toBe('Bahnhofstraße');
    const resent = await request('POST', `/api/v1/hearings/${hearing.body.id}/send`, {
      delivery: { method: 'personal_delivery', handedOverOn: today() },
    });
    expect(resent.status).toBe(409);

    const detail = await request('GET', `/api/v1/cases/${fixture.caseId}`);
    expect(detail.body).toMatchObject({ stage: 'hearing', nextDeadline: sent.body.replyDueOn });
    expect(detail.body.timeline.map((e) => e.action)).toEqual([
      'case.opened',
      'hearing.drafted',
      'hearing.sent',
    ]);
    const closed = await request('POST', `/api/v1/hearings/${hearing.body.id}/close`, {
      note: 'Keine Stellungnahme',
    });
    expect(closed.status).toBe(200);
    expect((await request('GET', `/api/v1/cases/${fixture.caseId}`)).body.stage).toBe(
      'investigation',
    );
  });

  it('lists an officer’s cases by the next deadline, overdue first, with filters', async () => {
    const own = await api.signIn('officer');
    const later = await newCase(true, own.token);
    const overdue = await newCase(true, own.token);
    const none = await newCase(true, own.token);
    // A served order whose item fell due yesterday, and a hearing whose reply is due later.
    const order = await api.request<{ id: string; items: Array<{ id: string }> }>(
      'POST',
      `/api/v1/cases/${overdue.caseId}/orders`,
      {
        token: own.token,
        body: {
          kind: 'repair',
          hearingSkippedReason: 'Gefahr im Verzug',
          items: [{ requirement: 'Fenster ersetzen', defectIds: [overdue.defectIds[0]] }],
        },
      },
    );
    await api.request('POST', `/api/v1/orders/${order.body.id}/issue`, {
      token: own.token,
      body: {},
    });
    await api.request('POST', `/api/v1/orders/${order.body.id}/service`, {
      token: own.token,
      body: { delivery: { method: 'personal_delivery', handedOverOn: today() } },
    });
    await db.query(`UPDATE order_items SET due_on = $2 WHERE id = $1`, [
      order.body.items[0].id,
      daysFromToday(-1),
    ]);
    const hearing = await api.request<{ id: string }>(
      'POST',
      `/api/v1/cases/${later.caseId}/hearings`,
      { token: own.token, body: { defectIds: [later.defectIds[0]], replyDays: 14 } },
    );
    await api.request('POST', `/api/v1/hearings/${hearing.body.id}/send`, {
      token: own.token,
      body: { delivery: { method: 'personal_delivery', handedOverOn: today() } },
    });

    const list = await api.request<{ items: Array<CaseDetail>; total: number }>(
      'GET',
      `/api/v1/cases?officerId=${own.id}`,
      { token: own.token },
    );
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((c) => [c.id, c.stage, c.overdue])).toEqual([
      [overdue.caseId, 'monitoring', true],
      [later.caseId, 'hearing', false],
      [none.caseId, 'investigation', false],
    ]);
    const byProperty = await request<{ items: Array<{ id: string }>; total: number }>(
      'GET',
      `/api/v1/cases?propertyId=${none.propertyId}&status=open`,
    );
    expect(byProperty.body.items.map((c) => c.id)).toEqual([none.caseId]);
    expect((await request('GET', '/api/v1/cases?status=finished')).status).toBe(422);
    // A case with an order running cannot be closed.
    expect(
      (await request('POST', `/api/v1/cases/${overdue.caseId}/close`, { reason: 'x' })).status,
    ).toBe(409);
  });

  it('keeps cases from everyone but officers', async () => {
    for (const role of ['inspector', 'manager', 'admin'] as const) {
      const other = await api.signIn(role);
      const response = await api.request('GET', '/api/v1/cases', { token: other.token });
      expect([role, response.status]).toEqual([role, 403]);
    }
  });
});
