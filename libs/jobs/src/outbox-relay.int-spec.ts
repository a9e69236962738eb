import { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { JobsModule, JobsService, Outbox, OutboxRelay } from '@hausakte/jobs';
import { Transactional } from '@hausakte/platform';
import { createTestContext } from '@hausakte/testing';

/** Writes outbox rows the way domain commands do: inside a transaction. */
class OutboxFiller {
  constructor(private readonly outbox: Outbox) {}

  @Transactional()
  async fill(jobIds: string[]): Promise<void> {
    for (const jobId of jobIds)
      await this.outbox.add({ job: 'outbox-probe', jobId, payload: { n: jobId } });
  }
}

/** What BullMQ's event stream says happened to these job ids: added, or refused as duplicates. */
async function queueEvents(
  redis: Redis,
  jobIds: Set<string>,
): Promise<{ added: string[]; duplicated: string[] }> {
  const entries = await redis.xrange(`${process.env.BULLMQ_PREFIX}:domain:events`, '-', '+');
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

    const [movedByFirst, movedBySecond] = await Promise.all([
      first.get(OutboxRelay).drain(),
      second.get(OutboxRelay).drain(),
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
  // Last: @Transactional resolves the most recently created context, which this test closes.
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
});
