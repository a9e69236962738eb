import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const TEST_DB_PREFIX = 'hausakte_test_';

/** The server's maintenance database, from the URL a developer configured (or the default). */
export function adminUrl(
  base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hausakte',
): string {
  const url = new URL(base);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrl(name: string, base?: string): string {
  const url = new URL(adminUrl(base));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(
  fn: (client: Client) => Promise<T>,
  base?: string,
): Promise<T> {
  const client = new Client({ connectionString: adminUrl(base) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops the databases of test runs whose process is gone (a killed run leaves them behind). */
export async function dropStaleTestDatabases(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${TEST_DB_PREFIX}%`],
  );
  const stale = rows
    .map((row) => row.datname)
    .filter((name) => {
      const pid = Number(/^hausakte_test_(\d+)_/.exec(name)?.[1]);
      return Number.isFinite(pid) && pid !== process.pid && !processAlive(pid);
    });
  for (const name of stale) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  return stale;
}

export async function dropDatabasesOfRun(client: Client, runId: string): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${runId}%`],
  );
  for (const { datname } of rows)
    await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
}

/** Where a test run keeps files (photos): one directory per run, removed with its databases. */
export function testFilesDir(runId: string): string {
  return join(tmpdir(), `hausakte-${runId}`);
}

/** Removes the file directories of runs whose process is gone (killed before their teardown). */
export async function removeStaleTestFiles(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(new RegExp(`^hausakte-${TEST_DB_PREFIX}(\\d+)_`).exec(entry)?.[1]);
    if (Number.isFinite(pid) && pid !== process.pid && !processAlive(pid)) {
      await rm(join(tmpdir(), entry), { recursive: true, force: true });
    }
  }
}
