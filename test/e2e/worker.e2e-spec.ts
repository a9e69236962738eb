import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createWorkerApp, WorkerLifecycle } from '@hausakte/worker';
import { JobsService, SystemJobs } from '@hausakte/jobs';
import { freePort, startPrivateRedis } from '@hausakte/testing';

const ROOT = join(__dirname, '../..');

/** Runs the worker's real entry point as its own process, from source. */
function spawnWorker(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/worker/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exit, output: () => ({ stdout, stderr }) };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the worker', () => {
  describe('in process', () => {
    let worker: NestFastifyApplication;
    let baseUrl: string;

    beforeAll(async () => {
      process.env.HEARTBEAT_EVERY_MS = '1000';
      process.env.OUTBOX_POLL_MS = '100';
      worker = await createWorkerApp();
      await worker.listen({ port: 0, host: '127.0.0.1' });
      const address = worker.getHttpServer().address();
      baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });

    afterAll(async () => {
      await worker?.close();
      delete process.env.HEARTBEAT_EVERY_MS;
      delete process.env.OUTBOX_POLL_MS;
    });

    it('records the heartbeat of its job scheduler in the database and shows it in /health/ready', async () => {
      // Other test files' workers may have left beats in this database: wait for one of this one.
      const since = Date.now();
      const ready = await waitFor(async () => {
        const response = await fetch(`${baseUrl}/health/ready`);
        const body = (await response.json()) as {
          status: string;
          heartbeat: { lastAt: string | null };
        };
        return body.heartbeat.lastAt && Date.parse(body.heartbeat.lastAt) >= since
          ? { status: response.status, body }
          : undefined;
      }, 15_000);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        database: { status: 'up' },
        redis: { status: 'up' },
        heartbeat: { stale: false },
      });
      const db = worker.get<DataSource>(getDataSourceToken());
      const [beats] = await db.query(`SELECT count(*)::int AS n FROM worker_heartbeats`);
      expect(beats.n).toBeGreaterThan(0);
    });

    it('writes its schedulers again when Redis lost them', async () => {
      const queue = worker.get(JobsService).queueOf('heartbeat');
      await queue.removeJobScheduler('heartbeat');
      expect(await queue.getJobScheduler('heartbeat')).toBeFalsy();
      // The renewal runs every minute; run it now rather than wait.
      await worker.get(WorkerLifecycle).renewSchedules();
      expect(await queue.getJobScheduler('heartbeat')).toMatchObject({ every: 1000 });
    });

    it('relays an outbox row and runs its job to completion', async () => {
      const db = worker.get<DataSource>(getDataSourceToken());
      const jobId = `probe-worker-${Date.now()}`;
      await db.query(
        `INSERT INTO outbox (job_name, job_id, payload) VALUES ('outbox-probe', $1, '{}')`,
        [jobId],
      );
      const queue = worker.get(JobsService).queueOf('outbox-probe');
      const state = await waitFor(async () => {
        const job = await queue.getJob(jobId);
        const current = job ? await job.getState() : undefined;
        return current === 'completed' ? current : undefined;
      }, 15_000);
      expect(state).toBe('completed');
      const [row] = await db.query(`SELECT relayed_at FROM outbox WHERE job_id = $1`, [jobId]);
      expect(row.relayed_at).toBeInstanceOf(Date);
    });
  });

  describe('housekeeping', () => {
    it('removes what has outlived its retention and keeps the rest', async () => {
      const worker = await (await createWorkerApp()).init();
      try {
        const db = worker.get<DataSource>(getDataSourceToken());
        const tag = Date.now().toString(36);
        const [user] = await db.query(
          `INSERT INTO users (email, display_name, role, password_hash) VALUES ($1, 'Alt', 'inspector', 'x') RETURNING id`,
          [`retention-${tag}@herne.example`],
        );
        await db.query(
          `INSERT INTO sessions (user_id, token_hash, expires_at) VALUES
             ($1, $2, now() - interval '40 days'), ($1, $3, now() + interval '1 hour')`,
          [user.id, `old-${tag}`, `fresh-${tag}`],
        );
        await db.query(
          `INSERT INTO idempotency_keys (user_id, route, key, request_hash, response_status, created_at) VALUES
             ($1, 'POST /x', $2, 'h', 201, now() - interval '8 days'), ($1, 'POST /x', $3, 'h', 201, now() - interval '6 days')`,
          [user.id, `old-${tag}`, `fresh-${tag}`],
        );
        await db.query(
          `INSERT INTO sign_in_failures (account_key, client_key, failed_at) VALUES
             ($1, 'c', now() - interval '3 days'), ($2, 'c', now())`,
          [`old-${tag}`, `fresh-${tag}`],
        );
        await db.query(
          `INSERT INTO outbox (job_name, job_id, relayed_at) VALUES
             ('outbox-probe', $1, now() - interval '40 days'), ('outbox-probe', $2, now() - interval '1 day'),
             ('outbox-probe', $3, NULL)`,
          [`old-${tag}`, `fresh-${tag}`, `pending-${tag}`],
        );

        await worker.get(SystemJobs).houseKeep();

        const left = async (sql: string) =>
          (await db.query<Array<{ k: string }>>(sql, [`%-${tag}`])).map((r) => r.k).sort();
        await expect(
          left(`SELECT token_hash AS k FROM sessions WHERE token_hash LIKE $1`),
        ).resolves.toEqual([`fresh-${tag}`]);
        await expect(
          left(`SELECT key AS k FROM idempotency_keys WHERE key LIKE $1`),
        ).resolves.toEqual([`fresh-${tag}`]);
        await expect(
          left(`SELECT account_key AS k FROM sign_in_failures WHERE account_key LIKE $1`),
        ).resolves.toEqual([`fresh-${tag}`]);
        await expect(left(`SELECT job_id AS k FROM outbox WHERE job_id LIKE $1`)).resolves.toEqual([
          `fresh-${tag}`,
          `pending-${tag}`,
        ]);
      } finally {
        await worker.close();
      }
    });
  });

  it('refuses to start against a Redis that may evict jobs, with one line saying why', async () => {
    const redis = await startPrivateRedis({ maxmemoryPolicy: 'allkeys-lru' });
    try {
      const worker = spawnWorker({ REDIS_URL: redis.url, WORKER_PORT: String(await freePort()) });
      await expect(worker.exit).resolves.toBe(1);
      const stderr = worker.output().stderr.trim();
      expect(stderr.split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/maxmemory-policy=allkeys-lru: it may evict queued jobs/);
    } finally {
      await redis.stop();
    }
  }, 30_000);

  it('shuts down gracefully on SIGTERM', async () => {
    const port = await freePort();
    const worker = spawnWorker({ WORKER_PORT: String(port), HOST: '127.0.0.1' });
    try {
      await waitFor(
        async () => ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok ? true : undefined),
        30_000,
      );
      worker.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        worker.exit,
        new Promise<string>(
          (resolve) => (timer = setTimeout(() => resolve('still running'), 15_000)),
        ),
      ]).finally(() => clearTimeout(timer));
      expect(code).toBe(0);
      expect(worker.output().stderr).toContain('worker: stopped cleanly');
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  }, 60_000);
});
