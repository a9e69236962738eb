import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RiskService } from '@hausakte/map';
import { RequestContext } from '@hausakte/platform';
import { startTestApi, TestApi } from '@hausakte/testing';
import type { CatalogueEntry } from '../support/inspection-fixtures';
import {
  CaseFixture,
  daysFromToday,
  defaultPeriodEntries,
  openCaseWithDefects,
  today,
} from '../support/enforcement-fixtures';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;

interface Closure {
  id: string;
  caseId: string;
  propertyId: string;
  orderId: string;
  status: string;
  wholeBuilding: boolean;
  unitIds: string[];
  immediateDanger: boolean;
  moveOutBy: string | null;
  householdsNotified: number | null;
  vacatedOn: string | null;
  sealedOn: string | null;
  releasedOn: string | null;
  releaseReason: string | null;
  recheckInspectionId: string | null;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

const SKIP = 'Gefahr im Verzug (§ 28 Abs. 2 Nr. 1 VwVfG NRW)';
const STEPS = ['vacated', 'sealed', 'released'] as const;
type Step = (typeof STEPS)[number];

describe('enforcement: the closure register (§ 9 WohnStG)', () => {
  let api: TestApi;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let entries: Record<'A' | 'B' | 'C', CatalogueEntry>;
  let streets = 0;
  const statuses: number[] = [];

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

  const request = async <T = Closure>(method: string, path: string, body?: unknown) => {
    const response = await api.request<T>(method, path, { token: officer.token, body });
    statuses.push(response.status);
    return response;
  };

  const newCase = () =>
    openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street: `Schließungsweg ${++streets}-${process.pid}`, entries: [entries.C] },
    );

  /** An uninhabitability order of the case, drafted and (unless told otherwise) issued. */
  const declaration = async (
    fixture: CaseFixture,
    options: { kind?: string; issue?: boolean } = {},
  ): Promise<string> => {
    const drafted = await request<{ id: string }>(
      'POST',
      `/api/v1/cases/${fixture.caseId}/orders`,
      {
        kind: options.kind ?? 'uninhabitability',
        hearingSkippedReason: SKIP,
        items: [{ requirement: 'Wohnung räumen', defectIds: [fixture.defectIds[0]] }],
      },
    );
    expect(drafted.status).toBe(201);
    if (options.issue !== false) {
      const issued = await request('POST', `/api/v1/orders/${drafted.body.id}/issue`);
      expect(issued.status).toBe(200);
    }
    return drafted.body.id;
  };

  const declare = (fixture: CaseFixture, body: Record<string, unknown>) =>
    request('POST', `/api/v1/cases/${fixture.caseId}/closures`, body);

  const step = (id: string, to: Step, extra: Record<string, unknown> = {}) =>
    request('POST', `/api/v1/closures/${id}/transition`, {
      to,
      ...(to === 'released' ? { reason: 'Mängel beseitigt, Nachkontrolle ohne Befund' } : {}),
      ...extra,
    });

  const activeClosures = async (propertyId: string): Promise<number> => {
    await api.app
      .get(RequestContext)
      .run(officer.id, () => api.app.get(RiskService).recompute(propertyId));
    const rows: Array<{ facts: { activeClosures?: number } }> = await db.query(
      `SELECT facts FROM property_risk WHERE property_id = $1`,
      [propertyId],
    );
    return rows[0].facts.activeClosures ?? -1;
  };

  it('walks declared → vacated → sealed → released, refusing every other step with 409', async () => {
    const fixture = await newCase();
    const orderId = await declaration(fixture);
    const created = await declare(fixture, {
      orderId,
      occupantsNotifiedOn: today(),
      householdsNotified: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'declared',
      wholeBuilding: true,
      householdsNotified: 2,
      immediateDanger: false,
    });
    const id = created.body.id;
    const legal: Record<string, Step | null> = {
      declared: 'vacated',
      vacated: 'sealed',
      sealed: 'released',
      released: null,
    };
    for (const state of ['declared', 'vacated', 'sealed', 'released']) {
      for (const to of STEPS.filter((candidate) => candidate !== legal[state])) {
        const refused = await step(id, to);
        expect([state, to, refused.status]).toEqual([state, to, 409]);
        expect(refused.body.detail).toContain(`is ${state}`);
      }
      const next = legal[state];
      if (next) {
        const moved = await step(id, next);
        expect([next, moved.status]).toEqual([next, 200]);
        expect(moved.body.status).toBe(next);
      }
    }
    const done = await request('GET', `/api/v1/closures/${id}`);
    expect(done.body).toMatchObject({
      status: 'released',
      vacatedOn: today(),
      sealedOn: today(),
      releasedOn: today(),
      releaseReason: expect.any(String),
    });
    const audit: Array<{ action: string }> = await db.query(
      `SELECT action FROM audit_log WHERE entity_type = 'closure' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'closure.declared',
      'closure.vacated',
      'closure.sealed',
      'closure.released',
    ]);
    const events: Array<{ kind: string }> = await db.query(
      `SELECT kind FROM enforcement_events WHERE order_id = $1 AND kind LIKE 'closure-%' ORDER BY occurred_at, kind`,
      [orderId],
    );
    expect(events.map((row) => row.kind).sort()).toEqual(
      ['closure-declared', 'closure-released', 'closure-sealed', 'closure-vacated'].sort(),
    );
  });

  it('wants a move-out date without immediate danger to wait for replacement housing (422)', async () => {
    const fixture = await newCase();
    const orderId = await declaration(fixture);
    const refused = await declare(fixture, { orderId, moveOutBy: daysFromToday(30) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((error) => error.field)).toEqual(['moveOutBy']);

    const danger = await declare(fixture, {
      orderId,
      immediateDanger: true,
      moveOutBy: daysFromToday(1),
    });
    expect(danger.status).toBe(201);
    expect(danger.body).toMatchObject({ immediateDanger: true, moveOutBy: daysFromToday(1) });

    const waiting = await declare(fixture, { orderId });
    expect(waiting.status).toBe(201);
    const early = await request('PATCH', `/api/v1/closures/${waiting.body.id}`, {
      moveOutBy: daysFromToday(60),
    });
    expect(early.status).toBe(422);
    expect(early.body.errors?.map((error) => error.field)).toEqual(['moveOutBy']);
    const housed = await request('PATCH', `/api/v1/closures/${waiting.body.id}`, {
      replacementHousingOfferedOn: today(),
      replacementHousingBy: 'landlord',
      moveOutBy: daysFromToday(60),
    });
    expect(housed.status).toBe(200);
    expect(housed.body.moveOutBy).toBe(daysFromToday(60));
  });

  it('takes only an issued or served uninhabitability order of the case, and units of its property', async () => {
    const fixture = await newCase();
    const repair = await declaration(fixture, { kind: 'repair' });
    const wrongKind = await declare(fixture, { orderId: repair });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.errors?.[0].field).toBe('orderId');
    // One defect sits in one live order at a time: the repair order makes way.
    expect(
      (await request('POST', `/api/v1/orders/${repair}/withdraw`, { reason: 'Falsche Art' }))
        .status,
    ).toBe(200);
    const draft = await declaration(fixture, { issue: false });
    expect((await declare(fixture, { orderId: draft })).status).toBe(409);

    const orderId = await declaration(fixture);
    const other = await newCase();
    const unitOf = async (propertyId: string): Promise<string> => {
      const rows: Array<{ id: string }> = await db.query(
        `SELECT id FROM units WHERE property_id = $1`,
        [propertyId],
      );
      return rows[0].id;
    };
    const foreign = { id: await unitOf(other.propertyId) };
    const own = { id: await unitOf(fixture.propertyId) };
    const elsewhere = await declare(fixture, { orderId, unitIds: [foreign.id] });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors?.map((error) => error.field)).toEqual(['unitIds[0]']);
    const unit = await declare(fixture, { orderId, unitIds: [own.id] });
    expect(unit.status).toBe(201);
    expect(unit.body).toMatchObject({ wholeBuilding: false, unitIds: [own.id] });
    const released = await step(unit.body.id, 'released');
    expect(released.status).toBe(409);
  });

  it('plans the re-letting re-inspection when the closure is vacated', async () => {
    const fixture = await newCase();
    const orderId = await declaration(fixture);
    const created = await declare(fixture, { orderId });
    const vacated = await step(created.body.id, 'vacated');
    expect(vacated.status).toBe(200);
    expect(vacated.body.recheckInspectionId).toEqual(expect.any(String));
    const inspection = await api.request<{
      kind: string;
      status: string;
      reason: string;
      scheduledAt: string;
      propertyId: string;
      inspectors: Array<{ id: string }>;
    }>('GET', `/api/v1/inspections/${vacated.body.recheckInspectionId}`, {
      token: officer.token,
    });
    expect(inspection.status).toBe(200);
    expect(inspection.body).toMatchObject({
      kind: 'reinspection',
      status: 'planned',
      reason: 'Kontrolle Wiedervermietungsverbot § 9 WohnStG',
      propertyId: fixture.propertyId,
    });
    expect(inspection.body.scheduledAt.slice(0, 10)).toBe(daysFromToday(8 * 7));
    expect(inspection.body.inspectors).toHaveLength(1);
  });

  it('lets the map’s risk drop on release, through the property-changed outbox row', async () => {
    const fixture = await newCase();
    const orderId = await declaration(fixture);
    const created = await declare(fixture, { orderId });
    expect(await activeClosures(fixture.propertyId)).toBe(1);
    const id = created.body.id;
    for (const to of STEPS.slice(0, 2)) expect((await step(id, to)).status).toBe(200);
    const released = await step(id, 'released');
    expect(released.status).toBe(200);
    const outbox: Array<{ payload: { propertyId: string } }> = await db.query(
      `SELECT payload FROM outbox WHERE job_name = 'property-changed' AND job_id = $1`,
      [`property-changed-closure-${id}-4`],
    );
    expect(outbox.map((row) => row.payload.propertyId)).toEqual([fixture.propertyId]);
    expect(await activeClosures(fixture.propertyId)).toBe(0);
  });

  it('lists the register by status, and refuses a bad filter with 422', async () => {
    const sealed = await request<{ items: Closure[]; total: number }>(
      'GET',
      '/api/v1/closures?status=released&limit=500',
    );
    expect(sealed.status).toBe(200);
    expect(sealed.body.items.length).toBeGreaterThan(0);
    expect(sealed.body.items.every((closure) => closure.status === 'released')).toBe(true);
    expect((await request('GET', '/api/v1/closures?status=open')).status).toBe(422);
    expect((await request('GET', `/api/v1/closures/${fixture0()}`)).status).toBe(404);
  });

  it('answered no request with a 5xx', () => {
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});

/** A well-formed id no closure has. */
function fixture0(): string {
  return '00000000-0000-4000-8000-000000000000';
}
