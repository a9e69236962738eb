import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeadlineJobRunner } from '@hausakte/enforcement';
import { addDays, nextWorkingDayFrom } from '@hausakte/enforcement/rules';
import type { CatalogueEntry } from '../support/inspection-fixtures';
import { JobsService } from '@hausakte/jobs';
import { PrivateRedis, startPrivateRedis, startTestApi, TestApi, waitFor } from '@hausakte/testing';
import { createWorkerApp } from '@hausakte/worker';
import {
  CaseFixture,
  daysFromToday,
  defaultPeriodEntries,
  openCaseWithDefects,
  today,
} from '../support/enforcement-fixtures';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;

/** A calendar day lasts one second: a ten-day period passes in about ten seconds. */
const COMPRESSED = {
  DEADLINE_SECONDS_PER_DAY: '1',
  OUTBOX_POLL_MS: '100',
  SWEEP_EVERY_MS: '500',
};

interface Order {
  id: string;
  status: string;
  items: Array<{ id: string; number: number; dueOn: string | null }>;
}

interface JobRow {
  id: string;
  source_id: string;
  kind: string;
  due_on: string;
  status: string;
  fire_at: Date;
  dequeued_at: Date | null;
}

describe('deadline jobs: reminders, passed deadlines and finality, each once', () => {
  let redis: PrivateRedis;
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let entries: Record<'A' | 'B' | 'C', CatalogueEntry>;
  const saved: Record<string, string | undefined> = {};
  let streets = 0;
  const origin = new Date();

  /**
   * A period ending `days` compressed days from now. The compressed calendar ran ahead while the
   * apps started (a day per second since `origin`), and the real calendar's dates are what
   * service sets: so a period counts those days too.
   */
  const daysAhead = (days: number) =>
    Math.ceil(
      (Date.now() - origin.getTime()) / 1000 / Number(COMPRESSED.DEADLINE_SECONDS_PER_DAY),
    ) + days;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = {
      ...COMPRESSED,
      REDIS_URL: redis.url,
      DEADLINE_CLOCK_ORIGIN: origin.toISOString(),
    };
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    officer = await api.signIn('officer');
    inspector = await api.signIn('inspector');
    entries = await defaultPeriodEntries(api, officer.token);
    worker = await createWorkerApp();
    await worker.init();
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }, 30_000);

  const post = <T = Order>(path: string, body: unknown = {}) =>
    api.request<T>('POST', path, { token: officer.token, body });

  const ok = async <T>(response: Promise<{ status: number; body: T }>): Promise<T> => {
    const answer = await response;
    if (answer.status !== 200 && answer.status !== 201) {
      throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  };

  /** A repair order with one item per defect, each with `days` to act, served today in person. */
  const servedOrder = async (ahead: number): Promise<{ fixture: CaseFixture; order: Order }> => {
    const fixture = await openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street: `Fristenweg ${++streets}-${process.pid}`, entries: [entries.B, entries.B] },
    );
    // Counted just before service, with a margin for the drafting and issuing in between.
    const days = daysAhead(ahead + 2);
    const draft = await ok(
      post(`/api/v1/cases/${fixture.caseId}/orders`, {
        kind: 'repair',
        hearingSkippedReason: 'Gefahr im Verzug (§ 28 Abs. 2 Nr. 1 VwVfG NRW)',
        items: fixture.defectIds.map((defectId, index) => ({
          requirement: `Mangel ${index + 1} beseitigen`,
          defectIds: [defectId],
          periodOverride: { unit: 'days', amount: days, reason: 'Test: kurze Frist' },
        })),
      }),
    );
    await ok(post(`/api/v1/orders/${draft.id}/issue`));
    const order = await ok(
      post(`/api/v1/orders/${draft.id}/service`, {
        delivery: { method: 'personal_delivery', handedOverOn: today() },
      }),
    );
    return { fixture, order };
  };

  const jobsOf = (sourceIds: string[]): Promise<JobRow[]> =>
    db.query(
      `SELECT id, source_id, kind, due_on::text AS due_on, status, fire_at, dequeued_at
         FROM deadline_jobs WHERE source_id = ANY($1::uuid[]) ORDER BY fire_at, kind`,
      [sourceIds],
    );

  const notificationsAbout = (entityId: string): Promise<Array<{ kind: string; n: number }>> =>
    db.query(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE entity_id = $1
        GROUP BY kind ORDER BY kind`,
      [entityId],
    );

  it('reminds, then plans the re-inspection once the period passes; a moved or withdrawn item’s jobs go', async () => {
    const { fixture, order } = await servedOrder(10);
    const [first, second] = order.items;
    const dueOn = first.dueOn!;

    // The second item gets more time, then is withdrawn: its jobs are cancelled, then dequeued.
    const extended = await ok(
      post(`/api/v1/orders/${order.id}/items/${second.id}/extension`, {
        dueOn: daysFromToday(daysAhead(40)),
        reason: 'Handwerker erst später verfügbar',
      }),
    );
    const newDue = extended.items.find((item) => item.id === second.id)!.dueOn!;
    const afterExtension = await jobsOf([second.id]);
    // The old day's jobs still waiting are cancelled (one may have run in the meantime).
    const old = afterExtension.filter((job) => job.due_on === dueOn);
    expect(old.filter((job) => job.status === 'cancelled').length).toBeGreaterThanOrEqual(3);
    expect(old.filter((job) => job.status === 'pending')).toEqual([]);
    expect(
      afterExtension.filter((job) => job.status === 'pending').map((job) => job.due_on),
    ).toEqual([newDue, newDue, newDue, newDue]);
    await ok(
      post(`/api/v1/orders/${order.id}/items/${second.id}/status`, {
        status: 'withdrawn',
        reason: 'Mangel anderweitig erledigt',
      }),
    );
    expect((await jobsOf([second.id])).every((job) => job.status === 'cancelled')).toBe(true);

    // The first item: three reminders and "passed", each done once, in about ten seconds.
    const done = await waitFor(async () => {
      const jobs = await jobsOf([first.id]);
      return jobs.length === 4 && jobs.every((job) => job.status === 'done') ? jobs : undefined;
    }, 30_000);
    expect(done.map((job) => job.kind)).toEqual(['remind-7', 'remind-1', 'remind-0', 'passed']);
    expect(await notificationsAbout(first.id)).toEqual([{ kind: 'deadline-reminder', n: 3 }]);
    expect(await notificationsAbout(second.id)).toEqual([]);
    const subjects: Array<{ subject: string }> = await db.query(
      `SELECT subject FROM notifications WHERE entity_id = $1 ORDER BY created_at`,
      [first.id],
    );
    // 7 days and 1 day before, or more where that day is a weekend or holiday (the reminder
    // comes on the working day before).
    const item = `Nr. 1 der Anordnung, ${fixture.reference}`;
    expect(subjects.map((row) => row.subject)).toEqual([
      expect.stringMatching(new RegExp(`^Frist in ([7-9]|1[0-2]) Tagen: ${item}$`)),
      expect.stringMatching(new RegExp(`^Frist (morgen|in [2-6] Tagen): ${item}$`)),
      `Frist heute: ${item}`,
    ]);

    // The passed deadline: an event, and one re-inspection planned, its inspector notified.
    const events: Array<{ kind: string }> = await db.query(
      `SELECT kind FROM enforcement_events WHERE item_id = $1 AND kind = 'item-overdue'`,
      [first.id],
    );
    expect(events).toHaveLength(1);
    const audited: Array<{ action: string; actor_id: string | null }> = await db.query(
      `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 AND action = 'order_item.overdue'`,
      [first.id],
    );
    expect(audited).toEqual([{ action: 'order_item.overdue', actor_id: null }]);
    const planned: Array<{ id: string }> = await db.query(
      `SELECT id FROM inspections
        WHERE property_id = $1 AND kind = 'reinspection' AND status = 'planned'`,
      [fixture.propertyId],
    );
    expect(planned).toHaveLength(1);
    expect(await notificationsAbout(planned[0].id)).toEqual([
      { kind: 'reinspection-planned', n: 1 },
    ]);

    // Running a finished job again does nothing.
    const runner = worker.get(DeadlineJobRunner);
    await expect(runner.run(done[0].id)).resolves.toBe('not-pending');
    expect(await notificationsAbout(first.id)).toEqual([{ kind: 'deadline-reminder', n: 3 }]);

    // The cancelled jobs leave the queue.
    await waitFor(async () => {
      const jobs = await jobsOf([second.id]);
      return jobs.every((job) => job.dequeued_at !== null) ? true : undefined;
    }, 10_000);
    const queue = worker.get(JobsService).queueOf('deadline-due');
    for (const job of await jobsOf([second.id])) {
      expect(await queue.getJob(`deadline-${second.id}-${job.kind}-${job.due_on}`)).toBeUndefined();
    }
  }, 60_000);

  it('refuses a bad extension or projection with 422 naming the field, and moves a weekend day', async () => {
    const { order } = await servedOrder(60);
    const [first] = order.items;
    const extend = (body: unknown) =>
      post(`/api/v1/orders/${order.id}/items/${first.id}/extension`, body);
    for (const [body, field] of [
      [{ dueOn: '2026-02-30', reason: 'x' }, 'dueOn'],
      [{ dueOn: daysFromToday(-3), reason: 'x' }, 'dueOn'],
      [{ dueOn: first.dueOn, reason: 'x' }, 'dueOn'],
      [{ dueOn: daysFromToday(400) }, 'reason'],
    ] as const) {
      const answer = await extend(body);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([
        422,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(JSON.stringify(answer.body)).toContain(`"field":"${field}"`);
    }
    // A Saturday moves to the next working day.
    let saturday = daysFromToday(400);
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    const moved = await ok(extend({ dueOn: saturday, reason: 'Urlaub des Handwerkers' }));
    expect(moved.items[0].dueOn).toBe(nextWorkingDayFrom(saturday));
    expect(moved.items[0].dueOn).not.toBe(saturday);

    const projection = await api.request(
      'GET',
      `/api/v1/orders/${order.id}/projection?method=fax`,
      {
        token: officer.token,
      },
    );
    expect(projection.status).toBe(422);
    expect(JSON.stringify(projection.body)).toContain('"field":"method"');
  }, 30_000);

  it('a suit pauses an order’s jobs; a dismissed suit brings them back', async () => {
    const { order } = await servedOrder(60);
    const sources = [order.id, ...order.items.map((item) => item.id)];
    const pending = (jobs: JobRow[]) => jobs.filter((job) => job.status === 'pending');
    expect(pending(await jobsOf(sources)).map((job) => job.kind)).toContain('final');

    await ok(post(`/api/v1/orders/${order.id}/suit`, { filedOn: today() }));
    expect(pending(await jobsOf(sources))).toEqual([]);

    await ok(
      post(`/api/v1/orders/${order.id}/suit-decision`, {
        outcome: 'dismissed',
        decidedOn: today(),
      }),
    );
    const back = pending(await jobsOf(sources));
    // Dismissed: final by the court, not by the calendar; the items' deadlines run again.
    expect(back.map((job) => job.kind).sort()).toEqual([
      'passed',
      'passed',
      'remind-0',
      'remind-0',
      'remind-1',
      'remind-1',
      'remind-7',
      'remind-7',
    ]);
  }, 30_000);

  it('marks an order final once its challenge period has passed', async () => {
    const { fixture, order } = await servedOrder(60);
    const [final] = (await jobsOf([order.id])).filter((job) => job.kind === 'final');
    const runner = worker.get(DeadlineJobRunner);
    // Asked too early (the worker's clock says it is not time yet), it waits.
    await expect(runner.run(final.id, new Date(final.fire_at.getTime() - 60_000))).resolves.toBe(
      'early',
    );
    await expect(runner.run(final.id, new Date(final.fire_at.getTime() + 1000))).resolves.toBe(
      'done',
    );
    await expect(runner.run(final.id, new Date(final.fire_at.getTime() + 2000))).resolves.toBe(
      'not-pending',
    );
    expect(await notificationsAbout(order.id)).toEqual([{ kind: 'order-final', n: 1 }]);
    const events: Array<{ kind: string }> = await db.query(
      `SELECT kind FROM enforcement_events WHERE order_id = $1 AND kind = 'order-final'`,
      [order.id],
    );
    expect(events).toHaveLength(1);
    const outbox: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM outbox
        WHERE job_name = 'property-changed' AND payload->>'propertyId' = $1`,
      [fixture.propertyId],
    );
    expect(outbox[0].n).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('proposes the next legal step when a re-inspection finds an item’s defect not remedied', async () => {
    const { fixture, order } = await servedOrder(1);
    const [first] = order.items;
    const planned = await waitFor(async () => {
      const rows: Array<{ id: string }> = await db.query(
        `SELECT id FROM inspections
          WHERE property_id = $1 AND kind = 'reinspection' AND status = 'planned'`,
        [fixture.propertyId],
      );
      return rows[0];
    }, 20_000);
    const assigned: Array<{ user_id: string }> = await db.query(
      `SELECT user_id FROM inspection_inspectors WHERE inspection_id = $1`,
      [planned.id],
    );
    const goer = assigned[0].user_id === inspector.id ? inspector : officer;
    const completed = await api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
      token: goer.token,
      body: {
        outcome: 'done',
        checks: [
          { defectId: fixture.defectIds[0], result: 'not_remedied', note: 'Schimmel weiter da' },
          { defectId: fixture.defectIds[1], result: 'remedied' },
        ],
      },
    });
    expect(completed.status).toBe(200);
    await waitFor(async () => {
      const kinds = await notificationsAbout(first.id);
      return kinds.some((row) => row.kind === 'next-legal-step') ? true : undefined;
    }, 15_000);
    const proposals: Array<{ body: string }> = await db.query(
      `SELECT body FROM notifications WHERE entity_id = $1 AND kind = 'next-legal-step'`,
      [first.id],
    );
    expect(proposals).toHaveLength(1);
    // The step depends on how far the compressed calendar has run (final after a month of it):
    // one of the steps for an item whose period passed, never "the period still runs".
    expect(proposals[0].body).toMatch(
      /weder bestandskräftig noch sofort vollziehbar|festsetzen|erneut androhen/,
    );
    expect(proposals[0].body).not.toContain('Die Frist läuft noch');
  }, 45_000);

  it('sends each officer’s daily digest once per day', async () => {
    await servedOrder(3);
    const digests = await waitFor(async () => {
      const rows: Array<{ dedup_key: string }> = await db.query(
        `SELECT dedup_key FROM notifications WHERE recipient_id = $1 AND kind = 'deadline-digest'`,
        [officer.id],
      );
      return rows.length > 0 ? rows : undefined;
    }, 15_000);
    const keys = digests.map((row) => row.dedup_key);
    expect(new Set(keys).size).toBe(keys.length);
    const days: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM deadline_digests`,
    );
    expect(days[0].n).toBeGreaterThanOrEqual(1);
  }, 30_000);
});
