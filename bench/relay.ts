import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { cpus, loadavg, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { JobName, JobsModule, JOBS, OutboxRelay, RELAY_BATCH, redisOptions } from '@hausakte/jobs';
import { databaseOptions, ensureDatabase, PlatformModule } from '@hausakte/platform';
import { startPrivateRedis } from '@hausakte/testing';
import { benchDatabase, median, table, withClient } from './support';

export interface RelayOptions {
  /** Outbox rows (pending delayed jobs) per run. */
  rows: number;
  /** Rows per relay batch; the raw script's `addBulk` takes the same number of jobs. */
  batch: number;
  runs: number;
  /** A job of the catalogue: its queue and options are what the relay writes. */
  job: JobName;
}

export const RELAY_DEFAULTS: RelayOptions = {
  rows: 20_000,
  batch: RELAY_BATCH,
  runs: 5,
  job: 'outbox-probe',
};

const BENCH_DATABASE = 'hausakte_bench_relay';
const PREFIX = 'hausakte_bench';
const WARMUP_ROWS = 2_000;

@Module({ imports: [PlatformModule, JobsModule] })
class RelayBenchModule {}

interface Row {
  jobId: string;
  payload: Record<string, string>;
  runAt: Date;
}

interface RunResult {
  seconds: number;
  perSecond: number;
  /** Growth of Redis's used_memory per pending job. */
  bytesPerJob: number;
  /** CPU per 1,000 jobs: this process (relay or raw script), and Redis. */
  clientCpuMs: number;
  redisCpuMs: number;
}

/**
 * The outbox relay draining N pending rows of delayed reminder-like jobs into a private Redis,
 * against a raw script adding the same jobs with BullMQ's `addBulk` in batches of the same size.
 * Alternating runs, medians, relay/raw; and Redis memory per pending delayed job.
 */
export async function relay(options: RelayOptions): Promise<void> {
  const { job } = options;
  const loadBefore = loadavg()[0];
  const { url: benchUrl } = await benchDatabase(BENCH_DATABASE, false);
  await ensureDatabase(benchUrl);
  const migrator = new DataSource({
    ...databaseOptions({ DATABASE_URL: benchUrl }, 'hausakte-bench-migrate'),
    entities: [],
  });
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  const privateRedis = await startPrivateRedis();
  console.log(`bench: database ${BENCH_DATABASE}, private Redis at ${privateRedis.url}`);
  Object.assign(process.env, {
    DATABASE_URL: benchUrl,
    REDIS_URL: privateRedis.url,
    BULLMQ_PREFIX: PREFIX,
    LOG_LEVEL: 'silent',
  });
  const redis = new Redis(privateRedis.url);
  const app = await NestFactory.createApplicationContext(RelayBenchModule, { logger: false });
  const rawQueue = new Queue(JOBS[job].queue, {
    connection: redisOptions(privateRedis.url),
    prefix: PREFIX,
  });
  try {
    const outboxRelay = app.get(OutboxRelay);
    await rawQueue.waitUntilReady();
    const delayedKey = `${PREFIX}:${JOBS[job].queue}:delayed`;

    const usedMemory = async () =>
      Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
    const redisCpuSeconds = async () => {
      const info = await redis.info('cpu');
      return (
        Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]) +
        Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1])
      );
    };
    /** An empty Redis (ours alone), then the side's run, timed, and the memory it added. */
    const measured = async (rows: number, run: () => Promise<void>): Promise<RunResult> => {
      await redis.flushall();
      const before = await usedMemory();
      const redisCpuBefore = await redisCpuSeconds();
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      await run();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      const redisCpu = (await redisCpuSeconds()) - redisCpuBefore;
      const pending = await redis.zcard(delayedKey);
      if (pending !== rows) throw new Error(`expected ${rows} delayed jobs, Redis has ${pending}`);
      return {
        seconds,
        perSecond: rows / seconds,
        bytesPerJob: ((await usedMemory()) - before) / rows,
        clientCpuMs: ((cpu.user + cpu.system) / 1000 / rows) * 1000,
        redisCpuMs: ((redisCpu * 1000) / rows) * 1000,
      };
    };

    /** Fresh pending rows (not timed): what the relay will drain and the raw script will add. */
    const fill = (rows: number) =>
      withClient(benchUrl, async (client) => {
        await client.query('TRUNCATE outbox');
        // Due dates spread over the next six weeks; the reminder runs 7 days before.
        await client.query(
          `INSERT INTO outbox (job_name, job_id, payload, run_at)
           SELECT $1, 'reminder-' || item || '-d7-' || to_char(due, 'YYYY-MM-DD'),
                  jsonb_build_object('itemId', item), due - interval '7 days'
             FROM (SELECT gen_random_uuid()::text AS item,
                          now() + interval '8 days' + (n::float8 / $2) * interval '42 days' AS due
                     FROM generate_series(1, $2) n) planned`,
          [job, rows],
        );
        await client.query('ANALYZE outbox');
        const found = await client.query<{ job_id: string; payload: Row['payload']; run_at: Date }>(
          'SELECT job_id, payload, run_at FROM outbox ORDER BY id',
        );
        return found.rows.map((r) => ({ jobId: r.job_id, payload: r.payload, runAt: r.run_at }));
      });

    const relayRun = (rows: Row[]) =>
      measured(rows.length, async () => {
        const moved = await outboxRelay.drain(options.batch);
        if (moved !== rows.length) throw new Error(`relay moved ${moved} of ${rows.length}`);
      });
    const rawRun = (rows: Row[]) =>
      measured(rows.length, async () => {
        for (let i = 0; i < rows.length; i += options.batch) {
          const now = Date.now();
          await rawQueue.addBulk(
            rows.slice(i, i + options.batch).map((row) => ({
              name: job,
              data: row.payload,
              opts: {
                ...JOBS[job].options,
                jobId: row.jobId,
                delay: Math.max(0, row.runAt.getTime() - now),
              },
            })),
          );
        }
      });

    /** The job as Redis holds it, without what depends on the moment it was added. */
    const stored = async (jobId: string) => {
      const fields = await redis.hgetall(`${PREFIX}:${JOBS[job].queue}:${jobId}`);
      const opts = JSON.parse(fields.opts ?? '{}') as Record<string, unknown>;
      delete opts.delay;
      return { name: fields.name, data: fields.data, opts };
    };

    console.log(`bench: warm-up: ${WARMUP_ROWS} rows each`);
    const warm = await fill(Math.min(WARMUP_ROWS, options.rows));
    await relayRun(warm);
    await rawRun(warm);

    const results: { relay: RunResult[]; raw: RunResult[] } = { relay: [], raw: [] };
    let breakdown = '';
    for (let r = 1; r <= options.runs; r++) {
      const rows = await fill(options.rows);
      // Alternating, and which side goes first alternates too.
      const sides: Array<'relay' | 'raw'> = r % 2 ? ['relay', 'raw'] : ['raw', 'relay'];
      for (const side of sides) {
        const result = side === 'relay' ? await relayRun(rows) : await rawRun(rows);
        results[side].push(result);
        console.log(
          `bench: run ${r} ${side}: ${rows.length} rows in ${result.seconds.toFixed(2)} s, ` +
            `${result.perSecond.toFixed(0)} rows/s, ${result.bytesPerJob.toFixed(0)} B per job, ` +
            `CPU per 1,000: ${result.clientCpuMs.toFixed(0)} ms here, ${result.redisCpuMs.toFixed(0)} ms in Redis`,
        );
        // Both sides wrote the same job: name, data and the catalogue's options under its id.
        const sample = await stored(rows[0].jobId);
        const expected = {
          name: job,
          data: JSON.stringify(rows[0].payload),
          opts: JSON.parse(
            JSON.stringify({ ...JOBS[job].options, jobId: rows[0].jobId }),
          ) as unknown,
        };
        if (JSON.stringify(sortKeys(sample)) !== JSON.stringify(sortKeys(expected)))
          throw new Error(`${side}: the job differs: ${JSON.stringify(sample)}`);
        if (side === 'relay') {
          if (r === options.runs) breakdown = await memoryBreakdown(redis, rows, job);
        }
      }
    }

    // What-if: the job hash in Redis's compact encoding (listpack) instead of a hash table.
    await redis.config('SET', 'hash-max-listpack-value', '256');
    const compact = await relayRun(await fill(options.rows));
    await redis.config('SET', 'hash-max-listpack-value', '64');

    const m = (side: 'relay' | 'raw', key: keyof RunResult) =>
      median(results[side].map((x) => x[key]));
    const ratio = m('relay', 'perSecond') / m('raw', 'perSecond');
    const rows = results.relay.map((relayResult, i) => {
      const rawResult = results.raw[i];
      return [
        String(i + 1),
        relayResult.perSecond.toFixed(0),
        relayResult.seconds.toFixed(2),
        relayResult.bytesPerJob.toFixed(0),
        rawResult.perSecond.toFixed(0),
        rawResult.seconds.toFixed(2),
        rawResult.bytesPerJob.toFixed(0),
        (relayResult.perSecond / rawResult.perSecond).toFixed(2),
      ];
    });
    rows.push([
      'median',
      m('relay', 'perSecond').toFixed(0),
      m('relay', 'seconds').toFixed(2),
      m('relay', 'bytesPerJob').toFixed(0),
      m('raw', 'perSecond').toFixed(0),
      m('raw', 'seconds').toFixed(2),
      m('raw', 'bytesPerJob').toFixed(0),
      ratio.toFixed(2),
    ]);
    const versions = await withClient(benchUrl, (c) =>
      c.query<{ v: string }>(`SELECT split_part(version(), ' on ', 1) AS v`),
    );
    const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
    console.log('');
    console.log(
      `relay: ${options.rows} pending outbox rows of delayed jobs (${job}, ${JOBS[job].queue} queue), ` +
        `batches of ${options.batch}, ${options.runs} alternating runs`,
    );
    console.log(
      table(
        [
          'run',
          'relay rows/s',
          'relay s',
          'relay B/job',
          'raw rows/s',
          'raw s',
          'raw B/job',
          'relay/raw',
        ],
        rows,
      ),
    );
    console.log('');
    console.log(`relay/raw (median rows/s): ${ratio.toFixed(2)}× (target ≥ 0.4×)`);
    console.log(
      `Redis memory per pending delayed job (relay, median): ${m('relay', 'bytesPerJob').toFixed(0)} B ` +
        `(target ≤ 1536 B); with hash-max-listpack-value 256: ${compact.bytesPerJob.toFixed(0)} B`,
    );
    console.log(breakdown);
    console.log(
      `CPU per 1,000 jobs (median): relay ${m('relay', 'clientCpuMs').toFixed(0)} ms in this process ` +
        `+ ${m('relay', 'redisCpuMs').toFixed(0)} ms in Redis (PostgreSQL not counted); ` +
        `raw ${m('raw', 'clientCpuMs').toFixed(0)} ms + ${m('raw', 'redisCpuMs').toFixed(0)} ms`,
    );
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `Node ${process.version}, ${versions.rows[0].v}, Redis ${redisVersion} (private); ` +
        `date ${new Date().toISOString().slice(0, 10)}; ` +
        `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    );
    console.log('markdown row for docs/benchmarks.md:');
    console.log(
      `| Outbox relay: ${options.rows} pending rows of delayed jobs, batches of ${options.batch} ` +
        `| ${m('relay', 'perSecond').toFixed(0)} rows/s, ${m('relay', 'bytesPerJob').toFixed(0)} B of Redis per job ` +
        `| ${m('raw', 'perSecond').toFixed(0)} jobs/s, ${m('raw', 'bytesPerJob').toFixed(0)} B per job ` +
        `| **${ratio.toFixed(2)}×** | \`npm run bench -- relay\` |`,
    );
  } finally {
    await rawQueue.close();
    await app.close();
    redis.disconnect();
    await privateRedis.stop();
  }
}

/** Where a pending delayed job's bytes are: its hash, its entry in `delayed`, the event stream. */
async function memoryBreakdown(redis: Redis, rows: Row[], job: JobName): Promise<string> {
  const prefix = PREFIX;
  const queue = JOBS[job].queue;
  const sample = rows.slice(0, 200);
  let hashBytes = 0;
  for (const row of sample)
    hashBytes +=
      (await redis.memory('USAGE', `${prefix}:${queue}:${row.jobId}`, 'SAMPLES', 0)) ?? 0;
  const encoding = await redis.object('ENCODING', `${prefix}:${queue}:${sample[0].jobId}`);
  const delayed = (await redis.memory('USAGE', `${prefix}:${queue}:delayed`, 'SAMPLES', 0)) ?? 0;
  const events = (await redis.memory('USAGE', `${prefix}:${queue}:events`, 'SAMPLES', 0)) ?? 0;
  const eventCount = await redis.xlen(`${prefix}:${queue}:events`);
  const opts = await redis.hget(`${prefix}:${queue}:${sample[0].jobId}`, 'opts');
  return (
    `memory per job: job hash ${(hashBytes / sample.length).toFixed(0)} B (encoding ${String(encoding)}; ` +
    `opts ${opts?.length ?? 0} B of JSON), \`delayed\` sorted set ${(delayed / rows.length).toFixed(0)} B, ` +
    `event stream ${(events / rows.length).toFixed(0)} B (${eventCount} events kept of ${rows.length} jobs: ` +
    `BullMQ trims it near 10,000), the rest the key in Redis's keyspace`
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}
