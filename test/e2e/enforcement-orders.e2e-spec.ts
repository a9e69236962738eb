import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

interface Item {
  id: string;
  number: number;
  status: string;
  period: { unit: string; amount: number };
  periodSource: string;
  threatenedFineCents: number | null;
  dueOn: string | null;
  dueAt: string | null;
  overdue?: boolean;
  threats: Threat[];
  fixings: Array<{ id: string; threatId: string; measure: string; amountCents: number }>;
}

interface Threat {
  id: string;
  measure: string;
  amountCents: number | null;
  costEstimateCents: number | null;
  threatenedIn: string;
  dueOn: string | null;
  servedOn: string | null;
  usedByFixingId: string | null;
}

interface Order {
  id: string;
  status: string;
  final: boolean;
  overdue: boolean;
  notifiedOn: string | null;
  notificationRule: string | null;
  challengeEndsOn: string | null;
  suitFiledOn?: string | null;
  suitLate?: boolean;
  addressees: Array<{ name: string; postalAddress: { street: string } | null }> | null;
  items: Item[];
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

const SKIP = 'Gefahr im Verzug (§ 28 Abs. 2 Nr. 1 VwVfG NRW)';

describe('enforcement: orders, their dates and their state machine', () => {
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

  const newCase = (severities: Array<'A' | 'B' | 'C'> = ['B', 'B', 'C']) =>
    openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      {
        street: `Anordnungsgasse ${++streets}-${process.pid}`,
        entries: severities.map((severity) => entries[severity]),
      },
    );

  const post = <T = Order>(path: string, body: unknown = {}) =>
    api.request<T>('POST', path, { token: officer.token, body });

  const draft = async (fixture: CaseFixture, body: Record<string, unknown> = {}) => {
    const response = await post(`/api/v1/cases/${fixture.caseId}/orders`, {
      kind: 'repair',
      hearingSkippedReason: SKIP,
      items: [{ requirement: 'Schimmel beseitigen', defectIds: [fixture.defectIds[0]] }],
      ...body,
    });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body;
  };

  const personally = { delivery: { method: 'personal_delivery', handedOverOn: today() } };

  const COMMANDS = {
    issue: (id: string) => post(`/api/v1/orders/${id}/issue`),
    service: (id: string) => post(`/api/v1/orders/${id}/service`, personally),
    withdraw: (id: string) => post(`/api/v1/orders/${id}/withdraw`, { reason: 'Fehler' }),
    suit: (id: string) => post(`/api/v1/orders/${id}/suit`, { filedOn: today() }),
    dismiss: (id: string) =>
      post(`/api/v1/orders/${id}/suit-decision`, { outcome: 'dismissed', decidedOn: today() }),
    setAside: (id: string) =>
      post(`/api/v1/orders/${id}/suit-decision`, { outcome: 'set_aside', decidedOn: today() }),
  };
  type Command = keyof typeof COMMANDS;

  const run = async (id: string, command: Command, status = 200) => {
    const response = await COMMANDS[command](id);
    expect([command, response.status, response.body.detail]).toEqual([
      command,
      status,
      status === 200 ? undefined : expect.any(String),
    ]);
    return response.body;
  };

  describe('the order state machine over HTTP', () => {
    const LEGAL: Record<string, Command[]> = {
      draft: ['issue'],
      issued: ['service', 'withdraw'],
      served: ['withdraw', 'suit'],
      challenged: ['dismiss', 'setAside'],
      closed: [],
      withdrawn: [],
      annulled: [],
    };
    // How to reach each state from a draft, through legal commands only.
    const PATHS: Record<string, Command[]> = {
      draft: [],
      issued: ['issue'],
      served: ['issue', 'service'],
      challenged: ['issue', 'service', 'suit'],
      withdrawn: ['issue', 'withdraw'],
      annulled: ['issue', 'service', 'suit', 'setAside'],
    };
    let fixture: CaseFixture;

    beforeAll(async () => {
      fixture = await newCase(['B']);
    });

    it.each(Object.keys(PATHS))(
      'refuses every illegal command on a %s order with 409',
      async (state) => {
        const order = await draft(await newCase(['B']));
        for (const command of PATHS[state]) await run(order.id, command);
        const current = await api.request<Order>('GET', `/api/v1/orders/${order.id}`, {
          token: officer.token,
        });
        expect(current.body.status).toBe(state);
        const illegal = (Object.keys(COMMANDS) as Command[]).filter(
          (command) => !LEGAL[state].includes(command),
        );
        for (const command of illegal) await run(order.id, command, 409);
        // Nothing changed.
        const after = await api.request<Order>('GET', `/api/v1/orders/${order.id}`, {
          token: officer.token,
        });
        expect(after.body.status).toBe(state);
      },
    );

    it('dismissing the suit puts the order back to served, and final', async () => {
      const order = await draft(await newCase(['B']));
      for (const command of ['issue', 'service', 'suit'] as Command[]) await run(order.id, command);
      const decided = await run(order.id, 'dismiss');
      expect(decided).toMatchObject({ status: 'served', final: true });
    });

    it('closes the order once every item is closed, and then refuses every command', async () => {
      const own = await newCase(['B', 'B']);
      const order = await draft(own, {
        items: [
          { requirement: 'Fenster ersetzen', defectIds: [own.defectIds[0]] },
          { requirement: 'Schimmel beseitigen', defectIds: [own.defectIds[1]] },
        ],
      });
      await run(order.id, 'issue');
      const served = await run(order.id, 'service');
      const [first, second] = served.items;
      const status = (itemId: string, body: Record<string, unknown>) =>
        post(`/api/v1/orders/${order.id}/items/${itemId}/status`, body);

      // Complied only once every defect of the item is verified (a re-inspection's finding).
      expect((await status(first.id, { status: 'complied' })).status).toBe(409);
      await db.query(`UPDATE defects SET status = 'verified' WHERE id = $1`, [own.defectIds[0]]);
      expect((await status(first.id, { status: 'complied' })).status).toBe(200);
      // Not complied only after its period; closed only from complied.
      expect((await status(second.id, { status: 'not_complied' })).status).toBe(409);
      expect((await status(second.id, { status: 'closed' })).status).toBe(409);
      expect((await status(second.id, { status: 'withdrawn' })).status).toBe(422);
      expect((await status(second.id, { status: 'withdrawn', reason: 'erledigt' })).status).toBe(
        200,
      );
      const closed = await status(first.id, { status: 'closed' });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      for (const command of Object.keys(COMMANDS) as Command[]) await run(order.id, command, 409);
      expect((await status(first.id, { status: 'complied' })).status).toBe(409);
      const events: Array<{ kind: string }> = await db.query(
        `SELECT kind FROM enforcement_events WHERE order_id = $1 ORDER BY occurred_at, kind`,
        [order.id],
      );
      expect(events.map((e) => e.kind).sort()).toEqual(
        ['item-closed', 'item-complied', 'item-withdrawn', 'order-closed', 'order-served'].sort(),
      );
    });

    it('refuses item changes and escalation on a draft', async () => {
      const order = await draft(fixture);
      const itemId = order.items[0].id;
      expect(
        (await post(`/api/v1/orders/${order.id}/items/${itemId}/status`, { status: 'complied' }))
          .status,
      ).toBe(409);
      expect(
        (
          await post(`/api/v1/orders/${order.id}/items/${itemId}/escalate`, {
            threatId: randomUUID(),
            amountCents: 100_000,
          })
        ).status,
      ).toBe(409);
    });

    it('freezes the addressees when the order is issued', async () => {
      const order = await draft(await newCase(['B']));
      const issued = await run(order.id, 'issue');
      expect(issued.addressees).toEqual([
        expect.objectContaining({
          name: expect.stringContaining('Anordnungsgasse'),
          postalAddress: expect.objectContaining({ street: 'Bahnhofstraße' }),
        }),
      ]);
    });
  });

  describe('hearing and order', () => {
    it('lets an order contain only defects that were in its hearing, unless it was skipped with a reason', async () => {
      const fixture = await newCase(['B', 'B', 'A']);
      const [heardOne, heardTwo, unheard] = fixture.defectIds;
      const hearing = await post<{ id: string; status: string; replyDueOn: string | null }>(
        `/api/v1/cases/${fixture.caseId}/hearings`,
        { defectIds: [heardOne, heardTwo], replyDays: 14 },
      );
      expect(hearing.status).toBe(201);

      const order = (body: Record<string, unknown>) =>
        post(`/api/v1/cases/${fixture.caseId}/orders`, { kind: 'repair', ...body });
      const items = [
        { requirement: 'Fenster ersetzen', defectIds: [heardOne] },
        { requirement: 'Bodenbelag erneuern', defectIds: [unheard] },
      ];

      // A hearing still in draft is no hearing yet.
      const unsent = await order({ hearingId: hearing.body.id, items: items.slice(0, 1) });
      expect(unsent.status).toBe(422);
      expect(unsent.body.errors).toEqual([expect.objectContaining({ field: 'hearingId' })]);

      // Drafted back then: a delivery cannot come before its letter.
      await db.query(`UPDATE hearings SET created_at = '2024-12-30T09:00:00Z' WHERE id = $1`, [
        hearing.body.id,
      ]);
      const sent = await post<{ status: string; notifiedOn: string; replyDueOn: string }>(
        `/api/v1/hearings/${hearing.body.id}/send`,
        { delivery: { method: 'ordinary_post', postedOn: '2025-01-02' } },
      );
      expect(sent.status).toBe(200);
      // Notified on the 4th day (2025-01-06), 14 days to reply.
      expect(sent.body).toMatchObject({
        status: 'sent',
        notifiedOn: '2025-01-06',
        replyDueOn: '2025-01-20',
      });

      const unheardItem = await order({ hearingId: hearing.body.id, items });
      expect(unheardItem.status).toBe(422);
      expect(unheardItem.body.errors).toEqual([
        { field: 'items[1].defectIds[0]', message: expect.stringContaining('item 2') },
      ]);
      expect(unheardItem.body.errors![0].message).toMatch(/not in the hearing/);

      expect((await order({ hearingId: hearing.body.id, items: items.slice(0, 1) })).status).toBe(
        201,
      );
      expect((await order({ hearingSkippedReason: SKIP, items })).status).toBe(201);

      const noReason = await order({ items });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors).toEqual([
        expect.objectContaining({ field: 'hearingSkippedReason' }),
      ]);
      const blankReason = await order({ hearingSkippedReason: '   ', items });
      expect(blankReason.status).toBe(422);
      const both = await order({ hearingId: hearing.body.id, hearingSkippedReason: SKIP, items });
      expect(both.status).toBe(422);

      const enforceableWithoutReasoning = await order({
        hearingSkippedReason: SKIP,
        immediatelyEnforceable: true,
        items,
      });
      expect(enforceableWithoutReasoning.body.errors).toEqual([
        expect.objectContaining({ field: 'immediateEnforcementReasoning' }),
      ]);
    });
  });

  describe('service and dates', () => {
    it('requires formal service for an order that threatens a coercive fine', async () => {
      const fixture = await newCase(['B']);
      const order = await draft(fixture, {
        items: [
          {
            requirement: 'Schimmel beseitigen',
            defectIds: [fixture.defectIds[0]],
            threatenedFineCents: 50_000,
          },
        ],
      });
      await run(order.id, 'issue');
      const byPost = await post(`/api/v1/orders/${order.id}/service`, {
        delivery: { method: 'ordinary_post', postedOn: today() },
      });
      expect(byPost.status).toBe(422);
      expect(byPost.body.errors).toEqual([
        { field: 'delivery.method', message: expect.stringContaining('§ 63 VwVG NRW') },
      ]);
      const formally = await post(`/api/v1/orders/${order.id}/service`, {
        delivery: { method: 'postal_service_certificate', certificateOn: today() },
      });
      expect(formally.status).toBe(200);
      expect(formally.body.notificationRule).toBe('notification.postal_service_certificate');
    });

    it('counts the 4th day for post in January 2025 and the 3rd in December 2024', async () => {
      const fixture = await newCase(['B', 'C']);
      const body = {
        items: [
          { requirement: 'Fenster ersetzen', defectIds: [fixture.defectIds[0]] },
          { requirement: 'Gasgeruch beseitigen', defectIds: [fixture.defectIds[1]] },
        ],
      };
      const january = await draft(fixture, body);
      expect(january.items.map((i) => [i.period, i.periodSource])).toEqual([
        [{ unit: 'days', amount: 30 }, 'severity_default'],
        [{ unit: 'hours', amount: 24 }, 'severity_default'],
      ]);
      await run(january.id, 'issue');
      const issuedBack = (id: string) =>
        db.query(`UPDATE orders SET issued_at = '2024-12-20T09:00:00Z' WHERE id = $1`, [id]);
      await issuedBack(january.id);
      const served2025 = await post(`/api/v1/orders/${january.id}/service`, {
        delivery: { method: 'ordinary_post', postedOn: '2025-01-02' },
      });
      expect(served2025.status).toBe(200);
      expect(served2025.body).toMatchObject({
        status: 'served',
        notifiedOn: '2025-01-06',
        notificationRule: 'notification.post.fourth_day',
        challengeEndsOn: '2025-02-06',
        final: true,
        overdue: true,
      });
      expect(served2025.body.items.map((i) => [i.dueOn, i.dueAt])).toEqual([
        ['2025-02-05', null],
        // 24 hours from 12:00 Berlin on the day of notification.
        ['2025-01-07', '2025-01-07T11:00:00.000Z'],
      ]);

      const other = await newCase(['B', 'C']);
      const december = await draft(other, {
        items: [
          { requirement: 'Fenster ersetzen', defectIds: [other.defectIds[0]] },
          { requirement: 'Gasgeruch beseitigen', defectIds: [other.defectIds[1]] },
        ],
      });
      await run(december.id, 'issue');
      await issuedBack(december.id);
      const served2024 = await post(`/api/v1/orders/${december.id}/service`, {
        delivery: { method: 'ordinary_post', postedOn: '2024-12-27' },
      });
      expect(served2024.body).toMatchObject({
        notifiedOn: '2024-12-30',
        notificationRule: 'notification.post.third_day',
        challengeEndsOn: '2025-01-30',
      });
      expect(served2024.body.items.map((i) => i.dueOn)).toEqual(['2025-01-29', '2024-12-31']);
    });

    it('projects the dates of a draft as if posted by ordinary post today', async () => {
      const fixture = await newCase(['B']);
      const order = await draft(fixture);
      const projection = await api.request<{
        postedOn: string;
        notifiedOn: string;
        items: Array<{ dueOn: string }>;
      }>('GET', `/api/v1/orders/${order.id}/projection`, { token: officer.token });
      expect(projection.status).toBe(200);
      expect(projection.body.postedOn).toBe(today());
      expect(projection.body.notifiedOn).toBe(daysFromToday(4));
      expect(projection.body.items[0].dueOn >= daysFromToday(34)).toBe(true);
    });

    it('takes a catalogue entry’s own period, and an override only with a reason', async () => {
      const all = (
        await api.request<{ items: Array<CatalogueEntry & { code: string; period: unknown }> }>(
          'GET',
          '/api/v1/defect-catalogue',
          { token: officer.token },
        )
      ).body.items;
      const ownPeriod = all.find((entry) => entry.period !== null)!;
      const fixture = await openCaseWithDefects(
        api,
        { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
        { street: `Fristenweg ${process.pid}`, entries: [ownPeriod, entries.A] },
      );
      const order = await draft(fixture, {
        items: [{ requirement: 'Abhilfe', defectIds: [fixture.defectIds[0]] }],
      });
      expect(order.items[0]).toMatchObject({ period: ownPeriod.period, periodSource: 'catalogue' });
      const noReason = await post(`/api/v1/cases/${fixture.caseId}/orders`, {
        kind: 'repair',
        hearingSkippedReason: SKIP,
        items: [
          {
            requirement: 'Abhilfe',
            defectIds: [fixture.defectIds[1]],
            periodOverride: { unit: 'days', amount: 10, reason: ' ' },
          },
        ],
      });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors).toEqual([
        expect.objectContaining({ field: 'items[0].periodOverride.reason' }),
      ]);
    });
  });

  describe('escalation (§ 55 Abs. 1 VwVG NRW)', () => {
    const servedWithOverdueItem = async (body: Record<string, unknown> = {}) => {
      const fixture = await newCase(['B']);
      const order = await draft(fixture, {
        items: [
          {
            requirement: 'Schimmel beseitigen',
            defectIds: [fixture.defectIds[0]],
            threatenedFineCents: 100_000,
          },
        ],
        ...body,
      });
      await run(order.id, 'issue');
      const served = await run(order.id, 'service');
      expect(served.final).toBe(false);
      const itemId = served.items[0].id;
      await db.query(`UPDATE order_items SET due_on = $2 WHERE id = $1`, [
        itemId,
        daysFromToday(-1),
      ]);
      const notComplied = await post(`/api/v1/orders/${order.id}/items/${itemId}/status`, {
        status: 'not_complied',
      });
      expect(notComplied.status).toBe(200);
      expect(notComplied.body.overdue).toBe(true);
      const threatId = served.items[0].threats[0].id;
      return { orderId: order.id, itemId, threatId };
    };
    const escalate = (
      orderId: string,
      itemId: string,
      threatId: string,
      body: Record<string, unknown> = {},
    ) =>
      post(`/api/v1/orders/${orderId}/items/${itemId}/escalate`, {
        threatId,
        amountCents: 100_000,
        ...body,
      });
    const finalOrder = async (orderId: string) => {
      await db.query(`UPDATE orders SET challenge_ends_on = $2 WHERE id = $1`, [
        orderId,
        daysFromToday(-1),
      ]);
    };

    it('is refused while the order is neither final nor immediately enforceable, allowed once the challenge period passed', async () => {
      const { orderId, itemId, threatId } = await servedWithOverdueItem();
      const refused = await escalate(orderId, itemId, threatId);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/neither final nor immediately enforceable/);

      await db.query(`UPDATE orders SET challenge_ends_on = $2 WHERE id = $1`, [
        orderId,
        daysFromToday(-1),
      ]);
      const allowed = await escalate(orderId, itemId, threatId);
      expect(allowed.status).toBe(200);
      expect(allowed.body.final).toBe(true);
      expect(allowed.body.items[0]).toMatchObject({
        status: 'escalated',
        fixings: [{ threatId, measure: 'coercive_fine', amountCents: 100_000 }],
      });
    });

    it('is allowed at once when the order is immediately enforceable', async () => {
      const { orderId, itemId, threatId } = await servedWithOverdueItem({
        immediatelyEnforceable: true,
        immediateEnforcementReasoning: 'Gesundheitsgefahr für die Kinder der Familie',
      });
      expect((await escalate(orderId, itemId, threatId)).status).toBe(200);
    });

    it('is refused while a suit suspends the order, allowed once it is dismissed', async () => {
      const { orderId, itemId, threatId } = await servedWithOverdueItem();
      await run(orderId, 'suit');
      const suspended = await escalate(orderId, itemId, threatId);
      expect(suspended.status).toBe(409);
      expect(suspended.body.detail).toMatch(/suspends/);
      await run(orderId, 'dismiss');
      expect((await escalate(orderId, itemId, threatId)).status).toBe(200);
    });

    it('makes the order’s own fine threat the item’s first threat, served with the order', async () => {
      const { orderId, threatId } = await servedWithOverdueItem();
      const order = (
        await api.request<Order>('GET', `/api/v1/orders/${orderId}`, { token: officer.token })
      ).body;
      expect(order.items[0].threats).toEqual([
        expect.objectContaining({
          id: threatId,
          measure: 'coercive_fine',
          amountCents: 100_000,
          threatenedIn: 'order',
          servedOn: order.notifiedOn,
          dueOn: daysFromToday(-1),
          usedByFixingId: null,
        }),
      ]);
      expect(order.items[0].fixings).toEqual([]);
    });

    it('refuses a second fixing on the same threat (409) and a fixing above the threat (422)', async () => {
      const { orderId, itemId, threatId } = await servedWithOverdueItem();
      await finalOrder(orderId);
      const above = await escalate(orderId, itemId, threatId, { amountCents: 100_001 });
      expect(above.status).toBe(422);
      expect(above.body.errors).toEqual([expect.objectContaining({ field: 'amountCents' })]);

      expect((await escalate(orderId, itemId, threatId, { amountCents: 60_000 })).status).toBe(200);
      const again = await escalate(orderId, itemId, threatId);
      expect(again.status).toBe(409);
      expect(again.body.detail).toMatch(/new threat/);
    });

    it('refuses substitute performance without a threat of its own', async () => {
      const { orderId, itemId, threatId } = await servedWithOverdueItem();
      await finalOrder(orderId);
      const refused = await escalate(orderId, itemId, threatId, {
        measure: 'substitute_performance',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          field: 'measure',
          message: expect.stringMatching(/threat of its own/),
        }),
      ]);
      const noEstimate = await post(`/api/v1/orders/${orderId}/items/${itemId}/threats`, {
        measure: 'substitute_performance',
        periodDays: 14,
      });
      expect(noEstimate.status).toBe(422);
      expect(noEstimate.body.errors).toEqual([
        expect.objectContaining({ field: 'costEstimateCents' }),
      ]);
    });

    it('fixes again only with a new separate threat, served formally and its period passed', async () => {
      const { orderId, itemId, threatId } = await servedWithOverdueItem();
      await finalOrder(orderId);
      expect((await escalate(orderId, itemId, threatId)).status).toBe(200);

      const threatened = await post(`/api/v1/orders/${orderId}/items/${itemId}/threats`, {
        measure: 'coercive_fine',
        amountCents: 200_000,
        periodDays: 14,
      });
      expect(threatened.status).toBe(200);
      const second = threatened.body.items[0].threats[1];
      expect(second).toMatchObject({
        threatenedIn: 'separate',
        amountCents: 200_000,
        servedOn: null,
      });
      const unserved = await escalate(orderId, itemId, second.id, { amountCents: 200_000 });
      expect(unserved.status).toBe(409);
      expect(unserved.body.detail).toMatch(/served formally/);

      const byPost = await post(
        `/api/v1/orders/${orderId}/items/${itemId}/threats/${second.id}/service`,
        { delivery: { method: 'ordinary_post', postedOn: today() } },
      );
      expect(byPost.status).toBe(422);
      const served = await post(
        `/api/v1/orders/${orderId}/items/${itemId}/threats/${second.id}/service`,
        personally,
      );
      expect(served.status).toBe(200);
      expect(served.body.items[0].threats[1]).toMatchObject({ servedOn: today() });
      const early = await escalate(orderId, itemId, second.id, { amountCents: 200_000 });
      expect(early.status).toBe(409);
      expect(early.body.detail).toMatch(/has not passed/);

      await db.query(`UPDATE order_item_threats SET due_on = $2 WHERE id = $1`, [
        second.id,
        daysFromToday(-1),
      ]);
      const fixed = await escalate(orderId, itemId, second.id, { amountCents: 150_000 });
      expect(fixed.status).toBe(200);
      const item = fixed.body.items[0];
      expect(item.status).toBe('escalated');
      expect(item.fixings).toEqual([
        expect.objectContaining({ threatId, amountCents: 100_000 }),
        expect.objectContaining({ threatId: second.id, amountCents: 150_000 }),
      ]);
      expect(item.threats.map((t) => t.usedByFixingId)).toEqual(item.fixings.map((f) => f.id));

      const audited: Array<{ action: string }> = await db.query(
        `SELECT action FROM audit_log WHERE entity_id = ANY($1::text[]) ORDER BY id`,
        [item.fixings.map((f) => f.id)],
      );
      expect(audited.map((a) => a.action)).toEqual([
        'order_item_fixing.created',
        'order_item_fixing.created',
      ]);
      const events: Array<{ kind: string }> = await db.query(
        `SELECT kind FROM enforcement_events WHERE item_id = $1 AND kind = 'item-escalated'`,
        [itemId],
      );
      expect(events).toHaveLength(2);
    });

    it('allows substitute performance with its own served threat, up to the cost estimate', async () => {
      const { orderId, itemId } = await servedWithOverdueItem();
      await finalOrder(orderId);
      const threatened = await post(`/api/v1/orders/${orderId}/items/${itemId}/threats`, {
        measure: 'substitute_performance',
        costEstimateCents: 500_000,
        periodDays: 14,
      });
      expect(threatened.status).toBe(200);
      const threat = threatened.body.items[0].threats[1];
      await post(
        `/api/v1/orders/${orderId}/items/${itemId}/threats/${threat.id}/service`,
        personally,
      );
      await db.query(`UPDATE order_item_threats SET due_on = $2 WHERE id = $1`, [
        threat.id,
        daysFromToday(-1),
      ]);
      const above = await escalate(orderId, itemId, threat.id, { amountCents: 500_001 });
      expect(above.status).toBe(422);
      expect(above.body.errors).toEqual([expect.objectContaining({ field: 'amountCents' })]);
      const fixed = await escalate(orderId, itemId, threat.id, {
        measure: 'substitute_performance',
        amountCents: 480_000,
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body.items[0].fixings).toEqual([
        expect.objectContaining({ measure: 'substitute_performance', amountCents: 480_000 }),
      ]);
    });
  });

  describe('review fixes', () => {
    const itemStatus = (orderId: string, itemId: string, body: Record<string, unknown>) =>
      post(`/api/v1/orders/${orderId}/items/${itemId}/status`, body);
    const get = async (id: string) =>
      (await api.request<Order>('GET', `/api/v1/orders/${id}`, { token: officer.token })).body;

    it('issues an order only after the reply period, and only to landlords who were heard', async () => {
      const fixture = await newCase(['B', 'B']);
      const hearing = await post<{ id: string; replyDueOn: string }>(
        `/api/v1/cases/${fixture.caseId}/hearings`,
        { defectIds: fixture.defectIds, replyDays: 14 },
      );
      const sent = await post<{ replyDueOn: string }>(
        `/api/v1/hearings/${hearing.body.id}/send`,
        personally,
      );
      expect(sent.status).toBe(200);
      const heard = (defectId: string) =>
        draft(fixture, {
          hearingSkippedReason: undefined,
          hearingId: hearing.body.id,
          items: [{ requirement: 'Abhilfe', defectIds: [defectId] }],
        });
      const first = await heard(fixture.defectIds[0]);
      const early = await run(first.id, 'issue', 409);
      expect(early.detail).toContain(sent.body.replyDueOn);

      await db.query(`UPDATE hearings SET reply_due_on = $2 WHERE id = $1`, [
        hearing.body.id,
        daysFromToday(-1),
      ]);
      await run(first.id, 'issue');

      // A joint owner in charge today was not heard.
      const second = await heard(fixture.defectIds[1]);
      const joint = await post<{ id: string }>('/api/v1/landlords', {
        kind: 'person',
        name: 'Miteigentümer Ungehört',
        postalAddress: { street: 'Ringstraße', houseNumber: '1', postcode: '44623', city: 'Herne' },
      });
      expect(joint.status).toBe(201);
      expect(
        (
          await post(`/api/v1/properties/${fixture.propertyId}/ownerships`, {
            landlordId: joint.body.id,
            role: 'joint_owner',
            validFrom: '2020-01-01',
          })
        ).status,
      ).toBe(201);
      const unheard = await run(second.id, 'issue', 409);
      expect(unheard.detail).toContain('Miteigentümer Ungehört');
      expect((await get(second.id)).status).toBe('draft');

      // Skipped with a § 28(2) reason: no such condition.
      const skipped = await draft(fixture, {
        items: [{ requirement: 'Abhilfe', defectIds: [fixture.defectIds[1]] }],
      });
      expect((await run(skipped.id, 'issue')).addressees).toHaveLength(2);
    });

    it('refuses delivery dates before the letter existed', async () => {
      const fixture = await newCase(['B']);
      const order = await draft(fixture);
      await run(order.id, 'issue');
      const typo = await post(`/api/v1/orders/${order.id}/service`, {
        delivery: { method: 'personal_delivery', handedOverOn: daysFromToday(-365) },
      });
      expect(typo.status).toBe(422);
      expect(typo.body.errors).toEqual([
        expect.objectContaining({ field: 'delivery.handedOverOn' }),
      ]);
      expect((await get(order.id)).status).toBe('issued');

      const other = await newCase(['B']);
      const hearing = await post<{ id: string }>(`/api/v1/cases/${other.caseId}/hearings`, {
        defectIds: other.defectIds,
        replyDays: 14,
      });
      const early = await post(`/api/v1/hearings/${hearing.body.id}/send`, {
        delivery: { method: 'ordinary_post', postedOn: daysFromToday(-365) },
      });
      expect(early.status).toBe(422);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'delivery.postedOn' })]);

      await run(order.id, 'service');
      const suit = await post(`/api/v1/orders/${order.id}/suit`, { filedOn: daysFromToday(-1) });
      expect(suit.status).toBe(422);
      expect(suit.body.errors).toEqual([expect.objectContaining({ field: 'filedOn' })]);
    });

    it('closes an order whose items all ended when the suit is dismissed or service recorded', async () => {
      const fixture = await newCase(['B']);
      const order = await draft(fixture);
      await run(order.id, 'issue');
      const served = await run(order.id, 'service');
      await run(order.id, 'suit');
      await db.query(`UPDATE defects SET status = 'verified' WHERE id = $1`, [
        fixture.defectIds[0],
      ]);
      const itemId = served.items[0].id;
      expect((await itemStatus(order.id, itemId, { status: 'complied' })).status).toBe(200);
      const closedItem = await itemStatus(order.id, itemId, { status: 'closed' });
      expect(closedItem.body.status).toBe('challenged');
      expect((await run(order.id, 'dismiss')).status).toBe('closed');

      // Every item withdrawn behind the service's back (as before this fix): service closes it.
      const other = await newCase(['B']);
      const stale = await draft(other);
      await run(stale.id, 'issue');
      await db.query(`UPDATE order_items SET status = 'withdrawn' WHERE order_id = $1`, [stale.id]);
      expect((await run(stale.id, 'service')).status).toBe('closed');
    });

    it('refuses withdrawing the last remaining item of an issued or served order', async () => {
      const fixture = await newCase(['B', 'B']);
      const order = await draft(fixture, {
        items: [
          { requirement: 'Fenster ersetzen', defectIds: [fixture.defectIds[0]] },
          { requirement: 'Schimmel beseitigen', defectIds: [fixture.defectIds[1]] },
        ],
      });
      const issued = await run(order.id, 'issue');
      const [first, second] = issued.items;
      const withdraw = (itemId: string) =>
        itemStatus(order.id, itemId, { status: 'withdrawn', reason: 'erledigt' });
      expect((await withdraw(first.id)).status).toBe(200);
      const last = await withdraw(second.id);
      expect(last.status).toBe(409);
      expect(last.body.detail).toMatch(/withdraw the order/);
      await run(order.id, 'service');
      expect((await withdraw(second.id)).status).toBe(409);
    });

    it('lets a suit suspend the deadlines unless the order is immediately enforceable', async () => {
      const pastDue = async (body: Record<string, unknown> = {}) => {
        const fixture = await newCase(['B']);
        const order = await draft(fixture, body);
        await run(order.id, 'issue');
        const served = await run(order.id, 'service');
        await db.query(`UPDATE order_items SET due_on = $2 WHERE id = $1`, [
          served.items[0].id,
          daysFromToday(-1),
        ]);
        await run(order.id, 'suit');
        return { fixture, order: await get(order.id), itemId: served.items[0].id };
      };
      const caseOverdue = async (caseId: string) =>
        (
          await api.request<{ overdue: boolean }>('GET', `/api/v1/cases/${caseId}`, {
            token: officer.token,
          })
        ).body.overdue;

      const suspended = await pastDue();
      expect(suspended.order).toMatchObject({ status: 'challenged', overdue: false });
      expect(suspended.order.items[0].overdue).toBe(false);
      expect(await caseOverdue(suspended.fixture.caseId)).toBe(false);
      const refused = await itemStatus(suspended.order.id, suspended.itemId, {
        status: 'not_complied',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/suspends/);

      const enforceable = await pastDue({
        immediatelyEnforceable: true,
        immediateEnforcementReasoning: 'Gesundheitsgefahr für die Kinder der Familie',
      });
      expect(enforceable.order).toMatchObject({ status: 'challenged', overdue: true });
      expect(await caseOverdue(enforceable.fixture.caseId)).toBe(true);
      expect(
        (
          await itemStatus(enforceable.order.id, enforceable.itemId, {
            status: 'not_complied',
          })
        ).status,
      ).toBe(200);
    });

    it('records a suit filed after the challenge period without undoing finality', async () => {
      const fixture = await newCase(['B']);
      const order = await draft(fixture);
      await run(order.id, 'issue');
      await run(order.id, 'service');
      await db.query(`UPDATE orders SET challenge_ends_on = $2 WHERE id = $1`, [
        order.id,
        daysFromToday(-2),
      ]);
      const late = await run(order.id, 'suit');
      expect(late).toMatchObject({ status: 'served', final: true, suitLate: true });
      expect((await get(order.id)).suitFiledOn).toBe(today());
    });

    it('refuses a defect that sits in a pending item of another live order', async () => {
      const fixture = await newCase(['B']);
      const first = await draft(fixture);
      const second = await draft(fixture);
      await run(first.id, 'issue');
      const again = await post(`/api/v1/cases/${fixture.caseId}/orders`, {
        kind: 'repair',
        hearingSkippedReason: SKIP,
        items: [{ requirement: 'Schimmel beseitigen', defectIds: [fixture.defectIds[0]] }],
      });
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain(first.id);
      expect((await get(second.id)).status).toBe('draft');
      await run(first.id, 'withdraw');
      expect((await draft(fixture)).status).toBe('draft');
    });

    it.each(['2026-11', '2026-W48-2', '2026-11-24T10:00:00Z', '2026-02-30'])(
      'answers 422 naming the field for the date %s',
      async (bad) => {
        const notADate = (field: string) => [{ field, message: 'must be a date as YYYY-MM-DD' }];
        const fixture = await newCase(['B']);
        const order = await draft(fixture);
        await run(order.id, 'issue');
        const service = await post(`/api/v1/orders/${order.id}/service`, {
          delivery: { method: 'personal_delivery', handedOverOn: bad },
        });
        expect(service.status).toBe(422);
        expect(service.body.errors).toEqual(notADate('delivery.handedOverOn'));
        const receipt = await post(`/api/v1/orders/${order.id}/service`, {
          delivery: { method: 'ordinary_post', postedOn: today(), provenReceiptOn: bad },
        });
        expect(receipt.status).toBe(422);
        expect(receipt.body.errors).toEqual(notADate('delivery.provenReceiptOn'));
        await run(order.id, 'service');
        const suit = await post(`/api/v1/orders/${order.id}/suit`, { filedOn: bad });
        expect(suit.status).toBe(422);
        expect(suit.body.errors).toEqual(notADate('filedOn'));
      },
    );
  });
});
