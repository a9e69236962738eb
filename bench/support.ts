import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@hausakte/platform';

export const ROOT = join(__dirname, '..');

export interface ServerInfo {
  port: number;
  [key: string]: unknown;
}

export interface RunningServer {
  info: ServerInfo;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point as its own Node process (ts-node, transpile only) and waits for
 * its `{ port, … }` message over IPC. Servers run outside the load generator's process so that
 * neither competes with autocannon for one event loop.
 */
export function startServer(
  entry: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, entry)],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${entry} did not report a port within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('message', (message: ServerInfo) => {
      clearTimeout(timer);
      resolve({ info: message, stop });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited before it was ready (${signal ?? code})`));
    });
  });
}

/** The app and its raw baseline, started side by side, and a session for the app's requests. */
export interface ServerPair {
  appBase: string;
  rawBase: string;
  /** The app's `authorization` header (a signed-in session of the app server's bench user). */
  headers: { authorization: string };
}

/**
 * Starts `bench/app-server.ts` and the raw server `rawScript` with `env` (both pushed to
 * `servers`, for the caller's cleanup) and signs in to the app.
 */
export async function startServerPair(
  rawScript: string,
  env: Record<string, string>,
  servers: RunningServer[],
): Promise<ServerPair> {
  const app = await startServer('bench/app-server.ts', env);
  servers.push(app);
  const raw = await startServer(rawScript, env);
  servers.push(raw);
  const appBase = `http://127.0.0.1:${app.info.port}`;
  const rawBase = `http://127.0.0.1:${raw.info.port}`;
  const login = await fetch(`${appBase}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: app.info.email, password: app.info.password }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return { appBase, rawBase, headers: { authorization: `Bearer ${token}` } };
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  durationS: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: durationS,
    pipelining: 1,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padStart(widths[i])).join('  ');
  return [
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A benchmark's own database on the server of DATABASE_URL (never that database itself): its
 * URL, and whether it is kept from an earlier sitting (`keep`) or was dropped to start afresh.
 */
export async function benchDatabase(
  name: string,
  keep: boolean,
): Promise<{ url: string; existing: boolean }> {
  const base = new URL(loadConfig(process.env).DATABASE_URL);
  const benchUrl = new URL(base);
  benchUrl.pathname = `/${name}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const existing = await withClient(admin.toString(), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount && !keep) {
      await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      return false;
    }
    return Boolean(found.rowCount);
  });
  return { url: benchUrl.toString(), existing };
}
