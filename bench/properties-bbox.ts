import { cpus, loadavg, totalmem } from 'node:os';
import { seedCity } from '../scripts/seed';
import {
  benchDatabase,
  load,
  LoadResult,
  median,
  RunningServer,
  startServerPair,
  table,
  withClient,
} from './support';

export interface BboxOptions {
  keep: boolean;
  properties: number;
  seed: string;
  bbox: string;
  limit: number;
  connections: number;
  durationS: number;
  warmupS: number;
  runs: number;
}

export const BBOX_DEFAULTS: BboxOptions = {
  keep: false,
  properties: 100_000,
  seed: '1',
  // About 1 km × 1.1 km of the centre of Herne-Mitte: some 3,000 of the 100,000 properties.
  bbox: '7.22,51.525,7.235,51.535',
  limit: 250,
  connections: 10,
  durationS: 10,
  warmupS: 5,
  runs: 5,
};

const BENCH_DATABASE = 'hausakte_bench';

/**
 * `GET /api/v1/properties?bbox=…&limit=250` through the real api against a raw node:http + pg
 * server running the same SQL: same database, same load generator, same concurrency; a warm-up
 * each, then alternating runs; medians and the ratio app/raw.
 */
export async function propertiesBbox(options: BboxOptions): Promise<void> {
  // Other work on the machine skews the figures: its load is printed with them.
  const loadBefore = loadavg()[0];
  const { url: benchUrl, existing } = await benchDatabase(BENCH_DATABASE, Boolean(options.keep));
  let seedSeconds: number | null = null;
  const present = existing
    ? await withClient(benchUrl, async (c) => {
        const found = await c
          .query<{ n: string }>('SELECT count(*) AS n FROM properties')
          .catch(() => null); // not migrated yet
        return Number(found?.rows[0].n ?? 0);
      })
    : 0;
  if (present === 0) {
    console.log(
      `bench: seeding ${options.properties} properties into ${BENCH_DATABASE} (seed ${options.seed})`,
    );
    const seeded = await seedCity({
      databaseUrl: benchUrl,
      properties: options.properties,
      seed: options.seed,
    });
    seedSeconds = seeded.seconds;
    console.log(
      `bench: seeded in ${seeded.seconds.toFixed(1)} s: ${Object.entries(seeded.rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  } else {
    console.log(`bench: --keep: using ${BENCH_DATABASE} with ${present} properties as it is`);
  }

  const [minLon, minLat, maxLon, maxLat] = options.bbox.split(',').map(Number);
  const facts = await withClient(benchUrl, async (client) => {
    const inBox = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM properties WHERE location && ST_MakeEnvelope($1, $2, $3, $4, 4326)',
      [minLon, minLat, maxLon, maxLat],
    );
    const all = await client.query<{ n: string }>('SELECT count(*) AS n FROM properties');
    const version = await client.query<{ v: string }>(
      `SELECT split_part(version(), ' on ', 1) AS v`,
    );
    return {
      inBox: Number(inBox.rows[0].n),
      all: Number(all.rows[0].n),
      postgres: version.rows[0].v,
    };
  });
  console.log(`bench: bbox ${options.bbox} holds ${facts.inBox} of ${facts.all} properties`);
  if (facts.inBox <= options.limit)
    throw new Error(`the bbox must hold more than ${options.limit} properties`);

  const env = {
    DATABASE_URL: benchUrl,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    BULLMQ_PREFIX: 'hausakte_bench',
    WEB_DIST_DIR: '/nonexistent-web-dist',
  };
  const servers: RunningServer[] = [];
  try {
    const { appBase, rawBase, headers } = await startServerPair(
      'bench/raw-server.ts',
      env,
      servers,
    );
    const path = `/api/v1/properties?bbox=${options.bbox}&limit=${options.limit}`;

    // Both must answer the same: same ids in the same order, same total (and, ideally, same JSON).
    const [appBody, rawBody] = await Promise.all(
      [appBase, rawBase].map(async (b) => {
        const response = await fetch(`${b}${path}`, { headers });
        if (response.status !== 200)
          throw new Error(`${b}${path}: ${response.status} ${await response.text()}`);
        return (await response.json()) as { items: Array<{ id: string }>; total: number };
      }),
    );
    const appIds = appBody.items.map((i) => i.id);
    const rawIds = rawBody.items.map((i) => i.id);
    if (JSON.stringify(appIds) !== JSON.stringify(rawIds) || appBody.total !== rawBody.total) {
      throw new Error('the app and the raw server answer with different items: not the same SQL');
    }
    const sameJson = JSON.stringify(appBody) === JSON.stringify(rawBody);
    console.log(
      `bench: both return the same ${appIds.length} ids of total ${appBody.total}` +
        (sameJson ? ', and the same JSON' : '; NOTE: the JSON differs beyond the ids'),
    );

    const run = (b: string, seconds: number) =>
      load(`${b}${path}`, headers, options.connections, seconds);
    console.log(`bench: warm-up ${options.warmupS} s each`);
    await run(appBase, options.warmupS);
    await run(rawBase, options.warmupS);
    const results: { app: LoadResult[]; raw: LoadResult[] } = { app: [], raw: [] };
    for (let r = 1; r <= options.runs; r++) {
      for (const [name, b] of [
        ['app', appBase],
        ['raw', rawBase],
      ] as const) {
        const result = await run(b, options.durationS);
        if (result.non2xx || result.errors) {
          throw new Error(
            `${name} run ${r}: ${result.non2xx} non-2xx answers, ${result.errors} errors`,
          );
        }
        results[name].push(result);
        console.log(
          `bench: run ${r} ${name}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
        );
      }
    }

    const rows: Array<Array<string | number>> = [];
    for (let r = 0; r < options.runs; r++) {
      const a = results.app[r];
      const w = results.raw[r];
      rows.push([
        r + 1,
        a.requestsPerSecond.toFixed(1),
        a.p50,
        a.p99,
        w.requestsPerSecond.toFixed(1),
        w.p50,
        w.p99,
        (a.requestsPerSecond / w.requestsPerSecond).toFixed(2),
      ]);
    }
    const m = (name: 'app' | 'raw', key: keyof LoadResult) =>
      median(results[name].map((x) => x[key]));
    const ratio = m('app', 'requestsPerSecond') / m('raw', 'requestsPerSecond');
    rows.push([
      'median',
      m('app', 'requestsPerSecond').toFixed(1),
      m('app', 'p50'),
      m('app', 'p99'),
      m('raw', 'requestsPerSecond').toFixed(1),
      m('raw', 'p50'),
      m('raw', 'p99'),
      ratio.toFixed(2),
    ]);
    console.log('');
    console.log(
      `properties-bbox: GET ${path} (${facts.inBox} in the bbox, ${facts.all} properties), ` +
        `${options.connections} connections, ${options.durationS} s per run, ${options.runs} alternating runs`,
    );
    console.log(
      table(
        [
          'run',
          'app req/s',
          'app p50 ms',
          'app p99 ms',
          'raw req/s',
          'raw p50 ms',
          'raw p99 ms',
          'app/raw',
        ],
        rows,
      ),
    );
    console.log('');
    console.log(`app/raw (median requests/s): ${ratio.toFixed(2)}× (target ≥ 0.7×)`);
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
        `Node ${process.version}, ${facts.postgres}; date ${new Date().toISOString().slice(0, 10)}; ` +
        `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end` +
        (seedSeconds !== null ? `; seeding took ${seedSeconds.toFixed(1)} s` : ''),
    );
    console.log('markdown row for docs/benchmarks.md:');
    console.log(
      `| \`GET /api/v1/properties?bbox=${options.bbox}&limit=${options.limit}\` (${options.limit} of ${facts.inBox} in the bbox, ${facts.all} properties) ` +
        `| ${m('app', 'requestsPerSecond').toFixed(1)} req/s, p50 ${m('app', 'p50')} ms, p99 ${m('app', 'p99')} ms ` +
        `| ${m('raw', 'requestsPerSecond').toFixed(1)} req/s, p50 ${m('raw', 'p50')} ms, p99 ${m('raw', 'p99')} ms ` +
        `| **${ratio.toFixed(2)}×** | \`npm run bench -- properties-bbox\` |`,
    );
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}
