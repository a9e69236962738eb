import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers, JobsService } from '@hausakte/jobs';
import { RequestContext } from '@hausakte/platform';
import { PrivateRedis, startPrivateRedis, startTestApi, TestApi, waitFor } from '@hausakte/testing';
import { createWorkerApp } from '@hausakte/worker';
import type { CatalogueEntry } from '../support/inspection-fixtures';
import {
  CaseFixture,
  daysFromToday,
  defaultPeriodEntries,
  openCaseWithDefects,
} from '../support/enforcement-fixtures';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;

const RECHECK_REASON = 'Kontrolle Wiedervermietungsverbot § 9 WohnStG';
/** CLOSURE_RECHECK_WEEKS as configured for the tests (the default). */
const RECHECK_DAYS = 8 * 7;
const SKIP = 'Gefahr im Verzug (§ 28 Abs. 2 Nr. 1 VwVfG NRW)';

interface Closure {
  id: string;
  status: string;
  recheckInspectionId: string | null;
}

interface InspectionRow {
  id: string;
  status: string;
  reason: string | null;
  scheduled_on: string;
  outcome_reason: string | null;
  follows_inspection_id: string | null;
}

describe('closures: re-letting watched by periodic re-inspections (§ 9 WohnStG)', () => {
  let redis: PrivateRedis;
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let officer: SignedIn;
  let inspector: SignedIn;
  let entries: Record<'A' | 'B' | 'C', CatalogueEntry>;
  const saved: Record<string, string | undefined> = {};
  const statuses: number[] = [];
  let streets = 0;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const env = { REDIS_URL: redis.url, OUTBOX_POLL_MS: '100' };
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
  });

  const ok = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token = officer.token,
  ): Promise<T> => {
    const answer = await api.request<T>(method, path, { token, body });
    statuses.push(answer.status);
    if (answer.status !== 200 && answer.status !== 201) {
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  };

  /** A closure (of the whole building, or of the property's unit) vacated today. */
  const vacatedClosure = async (
    options: { unit?: boolean } = {},
  ): Promise<{ fixture: CaseFixture; closure: Closure; unitId: string }> => {
    const fixture = await openCaseWithDefects(
      api,
      { officer: officer.token, inspector: inspector.token, inspectorId: inspector.id },
      { street: `Kontrollweg ${++streets}-${process.pid}`, entries: [entries.C] },
    );
    const order = await ok<{ id: string }>('POST', `/api/v1/cases/${fixture.caseId}/orders`, {
      kind: 'uninhabitability',
      hearingSkippedReason: SKIP,
      items: [{ requirement: 'Wohnung räumen', defectIds: [fixture.defectIds[0]] }],
    });
    await ok('POST', `/api/v1/orders/${order.id}/issue`);
    const units: Array<{ id: string }> = await db.query(
      `SELECT id FROM units WHERE property_id = $1`,
      [fixture.propertyId],
    );
    const declared = await ok<Closure>('POST', `/api/v1/cases/${fixture.caseId}/closures`, {
      orderId: order.id,
      ...(options.unit ? { unitIds: [units[0].id] } : {}),
    });
    const closure = await ok<Closure>('POST', `/api/v1/closures/${declared.id}/transition`, {
      to: 'vacated',
    });
    expect(closure.recheckInspectionId).toEqual(expect.any(String));
    return { fixture, closure, unitId: units[0].id };
  };

  const transition = (id: string, to: 'sealed' | 'released') =>
    ok<Closure>('POST', `/api/v1/closures/${id}/transition`, {
      to,
      ...(to === 'released' ? { reason: 'Mängel beseitigt, Nachkontrolle ohne Befund' } : {}),
    });

  const inspectorsOf = async (inspectionId: string): Promise<string[]> => {
    const rows: Array<{ user_id: string }> = await db.query(
      `SELECT user_id FROM inspection_inspectors WHERE inspection_id = $1 ORDER BY user_id`,
      [inspectionId],
    );
    return rows.map((row) => row.user_id);
  };

  /** Records the visit as whoever was sent (the district's inspector, else the officer). */
  const complete = async (inspectionId: string, body: Record<string, unknown>): Promise<void> => {
    const [goerId] = await inspectorsOf(inspectionId);
    const goer = goerId === inspector.id ? inspector : officer;
    await ok('POST', `/api/v1/inspections/${inspectionId}/complete`, body, goer.token);
  };

  const occupancy = (unitId: string, adultsFound: number) => ({
    unitId,
    adultsFound,
    childrenUnderSixFound: 0,
    personsRegistered: adultsFound,
    unitKind: 'flat',
    sharedAncillaryRooms: false,
    workerHousing: false,
  });

  /** Waits until the worker has finished the BullMQ job (all its handlers ran). */
  const jobDone = async (jobId: string): Promise<void> => {
    const queue = worker.get(JobsService).queueOf('inspection-completed');
    await waitFor(async () => {
      const job = await queue.getJob(jobId);
      const state = job ? await job.getState() : undefined;
      if (state === 'failed') throw new Error(`${jobId} failed: ${job?.failedReason}`);
      return state === 'completed' ? true : undefined;
    }, 30_000);
  };

  /** The same event again: a duplicate outbox row (another job id), run by the worker. */
  const duplicateEvent = async (inspectionId: string, propertyId: string): Promise<void> => {
    const jobId = `inspection-completed-${inspectionId}-again`;
    await db.query(
      `INSERT INTO outbox (job_name, job_id, payload) VALUES ('inspection-completed', $1, $2)`,
      [jobId, JSON.stringify({ inspectionId, propertyId })],
    );
    await jobDone(jobId);
  };

  /** The handlers of `inspection-completed` run once more in process, as the processor does. */
  const runHandlersAgain = async (inspectionId: string, propertyId: string): Promise<void> => {
    const handler = worker.get(JobHandlers).get('inspection-completed')!;
    await worker.get(RequestContext).run(null, () =>
      handler({
        jobId: `inspection-completed-${inspectionId}`,
        payload: { inspectionId, propertyId },
        attempt: 2,
      }),
    );
  };

  const rechecksOf = (propertyId: string): Promise<InspectionRow[]> =>
    db.query(
      `SELECT id, status, reason, (scheduled_at AT TIME ZONE 'UTC')::date::text AS scheduled_on,
              outcome_reason, follows_inspection_id
         FROM inspections
        WHERE property_id = $1 AND kind = 'reinspection'
        ORDER BY created_at, id`,
      [propertyId],
    );

  const reletNotices = (
    closureId: string,
  ): Promise<Array<{ recipient_id: string; body: string }>> =>
    db.query(
      `SELECT recipient_id, body FROM notifications
        WHERE kind = 'closure-relet' AND entity_id = $1`,
      [closureId],
    );

  it('plans the next check CLOSURE_RECHECK_WEEKS after a done one, exactly once however often the job runs', async () => {
    const { fixture, closure, unitId } = await vacatedClosure();
    const first = closure.recheckInspectionId!;
    await complete(first, { outcome: 'done', occupancy: [occupancy(unitId, 0)] });
    await jobDone(`inspection-completed-${first}`);

    const afterFirst = await rechecksOf(fixture.propertyId);
    expect(afterFirst.map((row) => row.status)).toEqual(['done', 'planned']);
    const next = afterFirst[1];
    expect(next).toMatchObject({
      reason: RECHECK_REASON,
      scheduled_on: daysFromToday(RECHECK_DAYS),
    });
    // Sent like the first: the district's inspector, else the case officer.
    expect(await inspectorsOf(next.id)).toEqual(await inspectorsOf(first));
    const links: Array<{ inspection_id: string; follows_inspection_id: string | null }> =
      await db.query(
        `SELECT inspection_id, follows_inspection_id FROM closure_rechecks
          WHERE closure_id = $1 ORDER BY created_at`,
        [closure.id],
      );
    expect(links).toEqual([
      { inspection_id: first, follows_inspection_id: null },
      { inspection_id: next.id, follows_inspection_id: first },
    ]);
    const current = await ok<Closure>('GET', `/api/v1/closures/${closure.id}`);
    expect(current.recheckInspectionId).toBe(next.id);

    // A duplicate event and a retry of the same job: nothing more is planned.
    await duplicateEvent(first, fixture.propertyId);
    await runHandlersAgain(first, fixture.propertyId);
    expect((await rechecksOf(fixture.propertyId)).map((row) => row.id)).toEqual([first, next.id]);
    // Nobody was found living there: nothing to report.
    expect(await reletNotices(closure.id)).toEqual([]);
    const audit: Array<{ action: string }> = await db.query(
      `SELECT action FROM audit_log WHERE entity_type = 'closure' AND entity_id = $1 ORDER BY id`,
      [closure.id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'closure.declared',
      'closure.vacated',
      'closure.recheck_planned',
    ]);
  }, 60_000);

  it('tells the officer once when a check finds a closed unit lived in', async () => {
    const { fixture, closure, unitId } = await vacatedClosure({ unit: true });
    const first = closure.recheckInspectionId!;
    await complete(first, { outcome: 'done', occupancy: [occupancy(unitId, 3)] });
    await jobDone(`inspection-completed-${first}`);

    const notices = await reletNotices(closure.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].recipient_id).toBe(officer.id);
    expect(notices[0].body).toContain('3 Personen');
    // The watch goes on: the closure is still vacated.
    expect((await rechecksOf(fixture.propertyId)).map((row) => row.status)).toEqual([
      'done',
      'planned',
    ]);

    await duplicateEvent(first, fixture.propertyId);
    await runHandlersAgain(first, fixture.propertyId);
    expect(await reletNotices(closure.id)).toHaveLength(1);
    expect((await rechecksOf(fixture.propertyId)).map((row) => row.status)).toEqual([
      'done',
      'planned',
    ]);
  }, 60_000);

  it('repeats a check without access, follows the repeat, and cancels what is planned on release', async () => {
    const { fixture, closure, unitId } = await vacatedClosure();
    const first = closure.recheckInspectionId!;
    await complete(first, { outcome: 'no_access', noAccessReason: 'Niemand öffnet' });
    await jobDone(`inspection-completed-${first}`);
    // The inspections lib repeats the visit; no second check is planned besides it.
    const afterNoAccess = await rechecksOf(fixture.propertyId);
    expect(afterNoAccess.map((row) => row.status)).toEqual(['no_access', 'planned']);
    const revisit = afterNoAccess[1];
    expect(revisit.follows_inspection_id).toBe(first);

    await complete(revisit.id, { outcome: 'done', occupancy: [occupancy(unitId, 0)] });
    await jobDone(`inspection-completed-${revisit.id}`);
    const afterRevisit = await rechecksOf(fixture.propertyId);
    expect(afterRevisit.map((row) => row.status)).toEqual(['no_access', 'done', 'planned']);
    const next = afterRevisit[2];
    expect(next.scheduled_on).toBe(daysFromToday(RECHECK_DAYS));

    await transition(closure.id, 'sealed');
    await transition(closure.id, 'released');
    const afterRelease = await rechecksOf(fixture.propertyId);
    expect(afterRelease.map((row) => [row.status, row.outcome_reason])).toEqual([
      ['no_access', 'Niemand öffnet'],
      ['done', null],
      ['cancelled', 'Schließung aufgehoben'],
    ]);
    const audit: Array<{ actor_id: string; after: { status: string; outcomeReason: string } }> =
      await db.query(
        `SELECT actor_id, after FROM audit_log
          WHERE entity_type = 'inspection' AND entity_id = $1 AND action = 'inspection.cancelled'`,
        [next.id],
      );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(officer.id);
    expect(audit[0].after).toMatchObject({
      status: 'cancelled',
      outcomeReason: 'Schließung aufgehoben',
    });

    // A late duplicate of the done check's event plans nothing for a released closure.
    await duplicateEvent(revisit.id, fixture.propertyId);
    expect((await rechecksOf(fixture.propertyId)).map((row) => row.status)).toEqual([
      'no_access',
      'done',
      'cancelled',
    ]);
  }, 60_000);

  it('cancels the first check when a closure is released before it was made', async () => {
    const { fixture, closure } = await vacatedClosure();
    await transition(closure.id, 'sealed');
    await transition(closure.id, 'released');
    expect(
      (await rechecksOf(fixture.propertyId)).map((row) => [row.id, row.status, row.outcome_reason]),
    ).toEqual([[closure.recheckInspectionId, 'cancelled', 'Schließung aufgehoben']]);
  }, 60_000);

  it('answered no request with a 5xx', () => {
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});
