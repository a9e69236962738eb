import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { JobName, JobsModule, JobsService, JOBS, Outbox, OutboxRelay } from '@hausakte/jobs';
import { Transactional } from '@hausakte/platform';
import { createTestContext, startPrivateRedis } from '@hausakte/testing';

/** Writes outbox rows the way domain commands do: inside a transaction. */
class OutboxFiller {
  constructor(private readonly outbox: Outbox) {}

  @Transactional()
  async fill(jobIds: string[], job: JobName = 'outbox-probe', runAt?: Date): Promise<void> {
    for (const jobId of jobIds) await this.outbox.add({ job, jobId, payload: { n: jobId }, runAt });
  }
}

/** What BullMQ's event stream says happened to these job ids: added, or refused as duplicates. */
async function queueEvents(
  redis: Redis,
  jobIds: Set<string>,
  queue = 'domain',
): Promise<{ added: string[]; duplicated: string[] }> {
  const entries = await redis.xrange(`${process.env.BULLMQ_PREFIX}:${queue}:events`, '-', '+');
  const added: string[] = [];
  const duplicated: string[] = [];
  for (const [, fields] of entries) {
    const event = Object.fromEntries(
      fields.reduce<Array<[string, string]>>(
        (pairs, value, i) => (i % 2 ? pairs : [...pairs, [value, fields[i + 1]]]),
        [],
      ),
    );
    if (!jobIds.has(event.jobId)) continue;
    if (event.event === 'added') added.push(event.jobId);
    if (event.event === 'duplicated') duplicated.push(event.jobId);
  }
  return { added, duplicated };
}

describe('the outbox relay', () => {
  let first: INestApplicationContext;
  let second: INestApplicationContext;
  let db: DataSource;
  let redis: Redis;

  beforeAll(async () => {
    // Two relays with their own connections, as two worker processes would have.
    first = await createTestContext([JobsModule]);
    second = await createTestContext([JobsModule]);
    db = first.get<DataSource>(getDataSourceToken());
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    redis?.disconnect();
    await first?.close();
    await second?.close();
  });

  const filler = () => new OutboxFiller(first.get(Outbox));

  it('moves each row to BullMQ exactly once with two relays running side by side', async () => {
    const tag = `pair-${Date.now()}`;
    const jobIds = Array.from({ length: 450 }, (_, i) => `probe-${tag}-${i}`);
    await filler().fill(jobIds);

    // Batches of 100, so that both relays take several batches side by side.
    const [movedByFirst, movedBySecond] = await Promise.all([
      first.get(OutboxRelay).drain(100),
      second.get(OutboxRelay).drain(100),
    ]);

    expect(movedByFirst + movedBySecond).toBe(jobIds.length);
    const events = await queueEvents(redis, new Set(jobIds));
    expect(events.duplicated).toEqual([]);
    expect(events.added.sort()).toEqual([...jobIds].sort());
    const queue = first.get(JobsService).queueOf('outbox-probe');
    const jobs = await Promise.all(jobIds.slice(0, 5).map((id) => queue.getJob(id)));
    expect(jobs.map((job) => job?.data as unknown)).toEqual(
      jobIds.slice(0, 5).map((id) => ({ n: id })),
    );
    const [pending] = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE $1 AND relayed_at IS NULL`,
      [`probe-${tag}-%`],
    );
    expect(pending.n).toBe(0);
  });

  it('leaves rows of jobs it does not know pending without blocking the rows behind them', async () => {
    const tag = `unknown-${Date.now()}`;
    // 150 rows from a newer release, ahead of one this worker knows.
    await db.query(
      `INSERT INTO outbox (job_name, job_id) SELECT 'job-from-the-future', $1 || '-' || n FROM generate_series(1, 150) n`,
      [tag],
    );
    const known = `probe-${tag}`;
    await filler().fill([known]);

    await first.get(OutboxRelay).drain();

    expect((await queueEvents(redis, new Set([known]))).added).toEqual([known]);
    const [unknown] = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE $1 AND relayed_at IS NULL`,
      [`${tag}-%`],
    );
    expect(unknown.n).toBe(150);
    // Out of the way of later tests in this file.
    await db.query(`DELETE FROM outbox WHERE job_id LIKE $1`, [`${tag}-%`]);
  });

  it('adds nothing new when a row is relayed again after a crash between enqueue and commit', async () => {
    const jobId = `probe-crash-${Date.now()}`;
    await filler().fill([jobId]);
    await first.get(OutboxRelay).drain();
    // The crash: the job reached Redis but the relayed mark was lost.
    await db.query(`UPDATE outbox SET relayed_at = NULL WHERE job_id = $1`, [jobId]);
    await second.get(OutboxRelay).drain();

    const events = await queueEvents(redis, new Set([jobId]));
    expect(events.added).toEqual([jobId]);
    expect(events.duplicated).toEqual([jobId]);
  });
  it('adds the rest of a batch when one of its ids is already in the queue, and keeps that job as it is', async () => {
    const tag = `known-${Date.now()}`;
    const jobIds = Array.from({ length: 5 }, (_, i) => `probe-${tag}-${i}`);
    const already = jobIds[2];
    await first
      .get(JobsService)
      .enqueue('outbox-probe', { jobId: already, payload: { n: 'first' }, delayMs: 3_600_000 });
    await filler().fill(jobIds);

    expect(await first.get(OutboxRelay).drain()).toBe(jobIds.length);

    const events = await queueEvents(redis, new Set(jobIds));
    expect(events.added.sort()).toEqual([...jobIds].sort());
    expect(events.duplicated).toEqual([already]);
    const job = await first.get(JobsService).queueOf('outbox-probe').getJob(already);
    expect(job?.data).toEqual({ n: 'first' });
    const [pending] = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE $1 AND relayed_at IS NULL`,
      [`probe-${tag}-%`],
    );
    expect(pending.n).toBe(0);
  });

  it('relays a batch spanning several queues, each job with its options and the delay of its run_at', async () => {
    const tag = `queues-${Date.now()}`;
    const runAt = new Date(Date.now() + 3_600_000);
    const domainIds = [`probe-${tag}-a`, `probe-${tag}-b`];
    const systemIds = [`probe-${tag}-system`];
    await filler().fill([domainIds[0]], 'outbox-probe', runAt);
    await filler().fill(systemIds, 'heartbeat', runAt);
    await filler().fill([domainIds[1]], 'outbox-probe', runAt);

    expect(await first.get(OutboxRelay).drain()).toBe(3);

    expect((await queueEvents(redis, new Set(domainIds))).added.sort()).toEqual(domainIds);
    expect((await queueEvents(redis, new Set(systemIds), 'system')).added).toEqual(systemIds);
    const jobs = first.get(JobsService);
    const probe = await jobs.queueOf('outbox-probe').getJob(domainIds[0]);
    const heartbeat = await jobs.queueOf('heartbeat').getJob(systemIds[0]);
    expect(jobs.queueOf('heartbeat').name).toBe('system');
    expect(await probe?.getState()).toBe('delayed');
    expect(await heartbeat?.getState()).toBe('delayed');
    for (const [job, name] of [
      [probe, 'outbox-probe'],
      [heartbeat, 'heartbeat'],
    ] as const) {
      expect(job?.name).toBe(name);
      expect(job?.opts).toMatchObject({ ...JOBS[name].options, jobId: job?.id });
      // The delay is what was left until run_at when the relay ran: a little under an hour.
      expect(job?.delay).toBeGreaterThan(3_600_000 - 30_000);
      expect(job?.delay).toBeLessThanOrEqual(3_600_000);
    }
    // Out of the way of the worker tests that share this Redis: no heartbeat of ours runs.
    await heartbeat?.remove();
  });

  // The last two: @Transactional resolves the most recently created context, which each closes.
  it('keeps rows pending while Redis cannot be reached, and relays them once it can', async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:1'; // nothing listens on port 1
    const cutOff = await createTestContext([JobsModule]);
    process.env.REDIS_URL = saved;
    try {
      const tag = `outage-${Date.now()}`;
      const jobIds = [`probe-${tag}-a`, `probe-${tag}-b`];
      await filler().fill(jobIds);

      await expect(cutOff.get(OutboxRelay).relayBatch()).rejects.toThrow(/did not answer/);
      const [stillPending] = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE $1 AND relayed_at IS NULL`,
        [`probe-${tag}-%`],
      );
      expect(stillPending.n).toBe(2);

      await first.get(OutboxRelay).drain();
      expect((await queueEvents(redis, new Set(jobIds))).added.sort()).toEqual(jobIds);
    } finally {
      await cutOff.close();
    }
  }, 20_000);

  it('sends nothing while the Redis it reached is gone, and leaves the rows to the next pass', async () => {
    const privateRedis = await startPrivateRedis();
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = privateRedis.url;
    const lost = await createTestContext([JobsModule]);
    process.env.REDIS_URL = saved;
    try {
      const tag = `lost-${Date.now()}`;
      await filler().fill([`probe-${tag}-before`]);
      expect(await lost.get(OutboxRelay).drain()).toBe(1);
      await privateRedis.stop();
      const queue = lost.get(JobsService).queueOf('outbox-probe');
      for (let i = 0; i < 50 && (await queue.backend.client).status === 'ready'; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));

      const jobIds = [`probe-${tag}-a`, `probe-${tag}-b`];
      await filler().fill(jobIds);
      const started = Date.now();
      await expect(lost.get(OutboxRelay).relayBatch()).rejects.toThrow(/not ready/);
      // Refused at once rather than after the timeout: nothing waits in ioredis's offline queue.
      expect(Date.now() - started).toBeLessThan(2000);
      const [stillPending] = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE $1 AND relayed_at IS NULL`,
        [`probe-${tag}-%`],
      );
      expect(stillPending.n).toBe(2);

      await first.get(OutboxRelay).drain();
      expect((await queueEvents(redis, new Set(jobIds))).added.sort()).toEqual(jobIds);
    } finally {
      await lost.close();
      await privateRedis.stop();
    }
  }, 20_000);
});
