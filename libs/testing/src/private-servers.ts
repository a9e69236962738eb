import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * A Redis of the test's own on a spare port, for tests that stop servers or need another
 * configuration: the machine's shared Redis is never stopped or reconfigured.
 */
export async function startPrivateRedis(
  options: { maxmemoryPolicy?: string } = {},
): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      options.maxmemoryPolicy ?? 'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  for (let attempt = 0; ; attempt++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      if (attempt > 50) throw new Error(`private redis-server on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  probe.disconnect();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface PrivatePostgres {
  /** URL of the `postgres` database; create others with CREATE DATABASE. */
  adminUrl: string;
  /** Kills the server the hard way (as a crash would), keeping its data. */
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its data directory. */
  remove(): Promise<void>;
}

function runAs(user: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('runuser', ['-u', user, '--', command, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr.trim()}`)),
    );
  });
}

/**
 * A PostgreSQL cluster of the test's own (same binaries as the machine's, so PostGIS is there),
 * on a spare port, for tests that stop the database. Needs root (the cluster runs as `postgres`).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const { mkdtemp, readdir, rm, chown } = await import('node:fs/promises');
  const { execFileSync } = await import('node:child_process');
  const majors = (await readdir('/usr/lib/postgresql'))
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  const bin = `/usr/lib/postgresql/${majors[0]}/bin`;
  const dir = await mkdtemp('/tmp/hausakte-pg-');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  await chown(dir, uid, gid);
  const port = await freePort();
  await runAs('postgres', `${bin}/initdb`, [
    '-D',
    `${dir}/data`,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () =>
    runAs('postgres', `${bin}/pg_ctl`, [
      '-D',
      `${dir}/data`,
      '-o',
      options,
      '-l',
      `${dir}/log`,
      '-w',
      'start',
    ]);
  const stop = (mode: 'immediate' | 'fast') =>
    runAs('postgres', `${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', mode, '-w', 'stop']);
  await start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => stop('immediate'),
    start,
    remove: async () => {
      await stop('immediate').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
