import { Job, Worker } from 'bullmq';
import { Pool } from 'pg';
import { redisOptions } from '@hausakte/jobs';

/**
 * The raw baseline of `npm run bench -- lateness`, in its own process: a plain BullMQ `Worker`
 * on the `domain` queue with the concurrency of the app's domain processor (4) and a `pg` Pool of
 * the app's size (10). Per job one transaction of comparable database work: lock the row
 * (`FOR UPDATE`), insert one notification-like row, mark the row done with `done_at = now()`.
 * No Nest, no TypeORM, no request context, no outbox. Reports `{ port: 0 }` over IPC when ready.
 */
async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const worker = new Worker<{ rowId: string }>(
    'domain',
    async (job: Job<{ rowId: string }>) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const locked = await client.query<{ status: string; recipient_id: string }>(
          'SELECT status, recipient_id FROM bench_raw_jobs WHERE id = $1 FOR UPDATE',
          [job.data.rowId],
        );
        const row = locked.rows[0];
        if (row && row.status === 'pending') {
          await client.query(
            `INSERT INTO bench_raw_notifications (job_id, recipient_id, subject, body)
             VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO NOTHING`,
            [job.data.rowId, row.recipient_id, `Frist: ${job.id}`, `Erinnerung ${job.id}`],
          );
          await client.query(
            `UPDATE bench_raw_jobs SET status = 'done', done_at = now() WHERE id = $1`,
            [job.data.rowId],
          );
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    {
      connection: redisOptions(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
      prefix: process.env.BULLMQ_PREFIX,
      concurrency: 4,
    },
  );
  worker.on('error', (error) => console.error('raw worker:', error.message));
  await worker.waitUntilReady();
  process.send?.({ port: 0, pid: process.pid });
  process.once('SIGTERM', () => {
    void worker
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
