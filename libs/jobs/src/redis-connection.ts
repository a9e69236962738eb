import type { RedisOptions } from 'bullmq';
import Redis from 'ioredis';

/** ioredis options from a redis:// or rediss:// URL, with what BullMQ workers require. */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must wait for it rather than fail a command.
    maxRetriesPerRequest: null,
  };
}

/** The worker must not start: Redis could lose jobs. */
export class UnsafeRedisError extends Error {
  override readonly name = 'UnsafeRedisError';
}

/**
 * BullMQ keeps jobs as ordinary keys: a Redis that evicts keys under memory pressure loses jobs
 * silently. Returns the policy, or throws one line explaining why the worker must not start.
 */
export async function assertNoEviction(url: string): Promise<string> {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    connectTimeout: 3000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const policy = await readPolicy(client);
    if (policy !== 'noeviction') {
      throw new UnsafeRedisError(
        `Redis at ${new URL(url).host} has maxmemory-policy=${policy}: it may evict queued jobs. ` +
          'Set maxmemory-policy noeviction (redis.conf or CONFIG SET) and start the worker again.',
      );
    }
    return policy;
  } finally {
    client.disconnect();
  }
}

async function readPolicy(client: Redis): Promise<string> {
  try {
    const answer = (await client.config('GET', 'maxmemory-policy')) as string[];
    if (answer[1]) return answer[1];
  } catch {
    // CONFIG may be disabled on managed Redis; INFO still tells.
  }
  const info = await client.info('memory');
  const match = /maxmemory_policy:(\S+)/.exec(info);
  if (!match) throw new Error('Could not read the maxmemory-policy of Redis');
  return match[1];
}
