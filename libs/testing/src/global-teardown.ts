import Redis from 'ioredis';
import { rm } from 'node:fs/promises';
import { dropDatabasesOfRun, testFilesDir, withAdminClient } from './test-databases';

/** Drops this run's databases and its BullMQ keys. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.HAUSAKTE_TEST_RUN;
  if (!runId) return;
  await rm(testFilesDir(runId), { recursive: true, force: true });
  await withAdminClient(
    (client) => dropDatabasesOfRun(client, runId),
    process.env.HAUSAKTE_TEST_BASE_DATABASE_URL || undefined,
  );
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `test_${runId}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis may be down after a fault test; its keys expire with the next flush.
  } finally {
    redis.disconnect();
  }
}
