import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NRW_CITY_BOUNDS } from '../scripts/seed';
import { benchDatabase, ROOT, RunningServer, startServer, withClient } from './support';

export interface MapPanOptions {
  database: string;
  /** Panning laps, each a fresh browser test run; the figures of each are printed. */
  runs: number;
}

export const MAP_PAN_DEFAULTS: MapPanOptions = { database: 'hausakte_bench_map', runs: 1 };

/** Runs a command in the repository, its output passed through and kept. */
function exec(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * `npm run bench -- map-pan`: the longest main-thread task while panning across the state at
 * zoom 8–12, from Chromium's performance trace. Builds the web app into a directory of its own,
 * serves it from the real api on the state seed (hausakte_bench_map, seeded by `npm run bench --
 * map` or `npm run seed -- --profile nrw`), and runs the map browser test's trace case
 * (test/browser/map.browser-spec.ts, MAP_TRACE=1) against it; prints what it reports.
 */
export async function mapPan(options: MapPanOptions): Promise<void> {
  const loadBefore = loadavg()[0];
  const { url, existing } = await benchDatabase(options.database, true);
  const rows = existing
    ? await withClient(url, async (c) =>
        Number(
          (
            await c
              .query<{ n: string }>('SELECT count(*) AS n FROM map_properties')
              .catch(() => ({ rows: [{ n: '0' }] }))
          ).rows[0].n,
        ),
      )
    : 0;
  if (!rows)
    throw new Error(`${options.database} has no map read model: run npm run bench -- map first`);
  const dir = await mkdtemp(join(tmpdir(), 'hausakte-bench-web-'));
  const servers: RunningServer[] = [];
  try {
    console.log(`bench: building the web app into ${dir}`);
    const build = await exec(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'apps/web/vite.config.mts',
        '--logLevel',
        'warn',
        '--outDir',
        dir,
      ],
      {},
    );
    if (build.code !== 0) throw new Error('the web build failed');
    const app = await startServer('bench/app-server.ts', {
      DATABASE_URL: url,
      CITY_BOUNDS: NRW_CITY_BOUNDS,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      BULLMQ_PREFIX: 'hausakte_bench',
      WEB_DIST_DIR: dir,
    });
    servers.push(app);
    const baseUrl = `http://127.0.0.1:${app.info.port}`;
    const reports: Array<Record<string, unknown>> = [];
    for (let r = 1; r <= options.runs; r++) {
      console.log(`bench: pan ${r}: the map browser test's trace case against ${baseUrl}`);
      const test = await exec(
        'npx',
        [
          'jest',
          '--selectProjects',
          'browser',
          '--runInBand',
          'test/browser/map.browser-spec.ts',
          '-t',
          'longest main-thread task',
        ],
        {
          MAP_TRACE: '1',
          MAP_TRACE_BASE_URL: baseUrl,
          MAP_TRACE_EMAIL: String(app.info.email),
          MAP_TRACE_PASSWORD: String(app.info.password),
        },
      );
      const line = /MAP_TRACE (\{.*\})/.exec(test.output);
      if (test.code !== 0 || !line) throw new Error(`pan ${r}: the browser test failed`);
      reports.push(JSON.parse(line[1]) as Record<string, unknown>);
    }
    console.log('');
    console.log(`map-pan: panning across NRW at zoom 8–12 (${rows} properties), Debian's Chromium`);
    for (const [k, report] of reports.entries())
      console.log(
        `run ${k + 1}: longest main-thread task ${String(report.longestTaskMs)} ms, ` +
          `${String(report.tasksOver50Ms)} of ${String(report.tasks)} tasks ≥ 50 ms, ` +
          `long-task observer max ${String(report.longTaskObserverMaxMs)} ms, ` +
          `${String(report.panningSeconds)} s of panning (goal < 200 ms, reported, not asserted)`,
      );
    console.log(
      `machine: ${cpus().length} cores, load average ${loadBefore.toFixed(1)} at the start, ` +
        `${loadavg()[0].toFixed(1)} at the end`,
    );
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
