import autocannon from 'autocannon';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { type MapFilters, parseMapFilters } from '@hausakte/map/rules';
import { NRW_CITY_BOUNDS, seedNrw } from '../scripts/seed';
// The map lib's tile SQL builders (not exported from the lib's index: imported by path), the
// same the api and the raw server run.
import { propertyConditions, SqlParams, tileSql } from '../libs/map/src/map-tiles.sql';
import {
  benchDatabase,
  median,
  RunningServer,
  startServerPair,
  table,
  withClient,
} from './support';

export interface MapBenchOptions {
  keep: boolean;
  properties: number;
  seed: string;
  /** Zooms, e.g. "8-17" or "8,12,14". */
  zooms: string;
  connections: number;
  /** Tiles per (zoom, filter) and run of the server-time measurement. */
  tiles: number;
  runs: number;
  /** Seconds of each cached (If-None-Match) run and each pgbench run. */
  durationS: number;
  /** Leave out the throughput part (server time and tile sizes only). */
  latencyOnly: boolean;
  /** The bench's own database (for a smaller trial next to the state seed). */
  database: string;
  /** The raw server without its per-request session lookup (a reference, not the baseline). */
  rawWithoutSession: boolean;
}

export const MAP_DEFAULTS: MapBenchOptions = {
  keep: false,
  properties: 1_000_000,
  seed: '1',
  zooms: '8-17',
  connections: 8,
  tiles: 12,
  runs: 5,
  durationS: 4,
  latencyOnly: false,
  database: 'hausakte_bench_map',
  rawWithoutSession: false,
};

const TILE_PREFIX = '/api/v1/map/tiles';
const WORLD_HALF = 20037508.342789244;
/** The app's in-process tile cache holds 64 MB: a cached run asks for at most this much. */
const CACHED_BYTES = 40 * 1024 * 1024;
const run = promisify(execFile);
/** Tiles per filter in a zoom's throughput runs. */
const THROUGHPUT_PER_FAMILY = 30;
/** A cold run asks for each tile this many times, each pass after a new data version. */
const COLD_PASSES = 3;

/** A filter as the bench asks for it: a family label, the query string, what it selects. */
interface FilterInstance {
  family: string;
  query: string;
  filters: MapFilters;
  landlordIds: string[] | null;
}

/** One request of the bench: a tile with a filter. */
interface Pair {
  z: number;
  x: number;
  y: number;
  filter: FilterInstance;
  path: string;
}

function parseZooms(text: string): number[] {
  const zooms = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let z = a; z <= (b ?? a); z++) zooms.add(z);
  }
  const list = [...zooms].sort((p, q) => p - q);
  if (!list.length || list.some((z) => !Number.isInteger(z) || z < 0 || z > 22))
    throw new Error('--zooms must be zooms 0–22, e.g. 8-17 or 8,12,14');
  return list;
}

function filterOf(family: string, query: string, landlordIds: string[] | null): FilterInstance {
  const parsed = parseMapFilters(Object.fromEntries(new URLSearchParams(query)));
  if (!parsed.ok) throw new Error(`bench filter ${query}: ${JSON.stringify(parsed.errors)}`);
  return { family, query, filters: parsed.filters, landlordIds };
}

const NETWORK_SQL = `
  SELECT id FROM landlords WHERE id = $1
  UNION
  SELECT m2.landlord_id FROM landlord_network_members m1
    JOIN landlord_network_members m2 USING (network_id)
   WHERE m1.landlord_id = $1`;

/**
 * Every filter the tiles support, each with values drawn from the data: the districts with the
 * most problem properties, the landlords (as owner or manager) with the most, the landlords of
 * the networks with the most, and those landlords' whole portfolios.
 */
async function filterInstances(client: Client): Promise<FilterInstance[]> {
  const list: FilterInstance[] = [filterOf('none', '', null)];
  for (const stage of [
    'investigation',
    'hearing',
    'ordered',
    'monitoring',
    'enforcing',
    'none',
    'ordered,monitoring,enforcing',
  ])
    list.push(filterOf('stage', `stage=${stage}`, null));
  for (const severity of ['A', 'B', 'C', 'B,C'])
    list.push(filterOf('severity', `severity=${severity}`, null));
  list.push(filterOf('overdue', 'overdue=true', null));
  for (const closure of ['declared', 'vacated', 'sealed', 'declared,vacated,sealed'])
    list.push(filterOf('closure', `closure=${closure}`, null));
  list.push(filterOf('layer=closures', 'layer=closures', null));
  list.push(filterOf('reinspection', 'reinspection=true', null));
  const districts = await client.query<{ id: string }>(
    `SELECT district_id AS id FROM map_properties WHERE problem AND district_id IS NOT NULL
      GROUP BY district_id ORDER BY count(*) DESC, district_id LIMIT 8`,
  );
  for (const { id } of districts.rows) list.push(filterOf('district', `district=${id}`, null));
  const landlords = await client.query<{ id: string }>(
    `SELECT id FROM (SELECT owner_id AS id FROM map_properties WHERE problem
                     UNION ALL SELECT manager_id FROM map_properties WHERE problem) l
      WHERE id IS NOT NULL GROUP BY id ORDER BY count(*) DESC, id LIMIT 6`,
  );
  for (const { id } of landlords.rows) {
    list.push(filterOf('landlord', `landlord=${id}`, [id]));
    list.push(filterOf('layer=portfolio', `layer=portfolio&landlord=${id}`, [id]));
  }
  // The networks of three or more landlords with the most problem properties, by one member.
  const networks = await client.query<{ id: string }>(
    `WITH nets AS (
       SELECT network_id, array_agg(landlord_id ORDER BY landlord_id) AS ids
         FROM landlord_network_members GROUP BY network_id HAVING count(*) >= 3
        ORDER BY count(*) DESC, network_id LIMIT 60)
     SELECT ids[1] AS id FROM nets
      ORDER BY (SELECT count(*) FROM map_properties m
                 WHERE m.problem AND (m.owner_id = ANY(ids) OR m.manager_id = ANY(ids))) DESC,
               network_id
      LIMIT 6`,
  );
  for (const { id } of networks.rows) {
    const members = await client.query<{ id: string }>(NETWORK_SQL, [id]);
    const ids = [...new Set([id, ...members.rows.map((r) => r.id)])].sort();
    list.push(filterOf('landlord+network', `landlord=${id}&network=true`, ids));
  }
  return list;
}

function tileOf(x3857: number, y3857: number, z: number): [number, number] {
  const size = (2 * WORLD_HALF) / 2 ** z;
  const last = 2 ** z - 1;
  return [
    Math.min(last, Math.max(0, Math.floor((x3857 + WORLD_HALF) / size))),
    Math.min(last, Math.max(0, Math.floor((WORLD_HALF - y3857) / size))),
  ];
}

/**
 * Tiles per zoom for each filter, weighted by where its data is: the tiles of up to 600 of its
 * properties in a seeded random order, in the order they first appear (tiles holding more come
 * first on average).
 */
async function samplePairs(
  client: Client,
  instances: FilterInstance[],
  zooms: number[],
  perFamily: number,
  seed: string,
): Promise<Map<number, Map<string, Pair[]>>> {
  const byZoom = new Map<number, Map<string, Pair[]>>(zooms.map((z) => [z, new Map()]));
  const candidates = new Map<string, Array<Array<[number, number]>>>(); // family → per instance
  const points = new Map<FilterInstance, Array<[number, number]>>();
  for (const instance of instances) {
    const params = new SqlParams(1);
    const where = propertyConditions(instance.filters, instance.landlordIds, params);
    const { rows } = await client.query<{ x: number; y: number }>(
      `SELECT ST_X(m.geom) AS x, ST_Y(m.geom) AS y FROM map_properties m
        WHERE ${where.length ? where.join(' AND ') : 'true'}
        ORDER BY md5(m.property_id::text || $1) LIMIT 600`,
      [seed, ...params.values],
    );
    points.set(
      instance,
      rows.map((r) => [r.x, r.y]),
    );
  }
  for (const z of zooms) {
    const families = byZoom.get(z)!;
    candidates.clear();
    for (const instance of instances) {
      const seen = new Set<string>();
      const tiles: Array<[number, number]> = [];
      for (const [px, py] of points.get(instance) ?? []) {
        const [x, y] = tileOf(px, py, z);
        const key = `${x}/${y}`;
        if (!seen.has(key)) {
          seen.add(key);
          tiles.push([x, y]);
        }
      }
      if (!tiles.length) continue;
      const list = candidates.get(instance.family) ?? [];
      list.push(tiles);
      candidates.set(instance.family, list);
      const pairs = families.get(instance.family) ?? [];
      families.set(instance.family, pairs);
    }
    // Round robin over the family's values, so each gets its share of the family's tiles.
    for (const [family, lists] of candidates) {
      const familyInstances = instances.filter(
        (i) => i.family === family && (points.get(i) ?? []).length > 0,
      );
      const pairs: Pair[] = [];
      for (let k = 0; pairs.length < perFamily; k++) {
        let added = false;
        for (let n = 0; n < lists.length && pairs.length < perFamily; n++) {
          const tile = lists[n][k];
          if (!tile) continue;
          added = true;
          const filter = familyInstances[n];
          const query = filter.query ? `?${filter.query}` : '';
          pairs.push({
            z,
            x: tile[0],
            y: tile[1],
            filter,
            path: `${TILE_PREFIX}/${z}/${tile[0]}/${tile[1]}.mvt${query}`,
          });
        }
        if (!added) break;
      }
      families.set(family, pairs);
    }
  }
  return byZoom;
}

/** A new data version: every entry of the app's tile cache is stale (its key carries it). */
async function bumpVersion(client: Client): Promise<void> {
  await client.query(
    `UPDATE map_properties SET change_seq = nextval('map_properties_change_seq')
      WHERE property_id = (SELECT property_id FROM map_properties ORDER BY property_id LIMIT 1)`,
  );
}

interface Timed {
  ms: number;
  bytes: number;
  status: number;
  etag: string | null;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<Timed> {
  const start = performance.now();
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - start;
  if (response.status !== 200 && response.status !== 204 && response.status !== 304)
    throw new Error(`${url}: ${response.status} ${body.toString('utf8').slice(0, 300)}`);
  return { ms, bytes: body.length, status: response.status, etag: response.headers.get('etag') };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

interface ListLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  notModified: number;
  bad: number;
}

/**
 * The load generator: autocannon with `connections` connections taking the paths of `paths` in
 * turn (one shared counter, so no two connections ask for the same tile at once), `amount`
 * requests in all or for `durationS` seconds; `etags` adds If-None-Match.
 */
async function loadList(
  base: string,
  paths: string[],
  headers: Record<string, string>,
  connections: number,
  until: { amount: number } | { durationS: number },
  etags?: Map<string, string>,
): Promise<ListLoad> {
  let next = 0;
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        pipelining: 1,
        ...('amount' in until ? { amount: until.amount } : { duration: until.durationS }),
        requests: [
          {
            method: 'GET',
            setupRequest: (request: autocannon.Request) => {
              const path = paths[next++ % paths.length];
              const etag = etags?.get(path);
              return {
                ...request,
                path,
                headers: { ...headers, ...(etag ? { 'if-none-match': etag } : {}) },
              };
            },
          },
        ],
      },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    // autocannon ends an `amount` run on its next whole-second tick: the run's time is taken to
    // the last response instead.
    instance.on('response', () => {
      last = performance.now();
    });
  });
  const seconds = (last - started) / 1000;
  const counts = result as unknown as Record<string, number>;
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: counts['2xx'] ?? 0,
    notModified: counts['3xx'] ?? 0,
    bad: (counts['4xx'] ?? 0) + (counts['5xx'] ?? 0) + result.errors + result.timeouts,
  };
}

/** Passes of a run as one: requests over the sum of their times; the worst p50 and p99. */
function combine(list: ListLoad[]): ListLoad {
  const sum = (f: (x: ListLoad) => number) => list.reduce((a, x) => a + f(x), 0);
  const seconds = sum((x) => x.total / x.requestsPerSecond);
  return {
    requestsPerSecond: sum((x) => x.total) / seconds,
    p50: Math.max(...list.map((x) => x.p50)),
    p99: Math.max(...list.map((x) => x.p99)),
    total: sum((x) => x.total),
    ok: sum((x) => x.ok),
    notModified: sum((x) => x.notModified),
    bad: sum((x) => x.bad),
  };
}

interface PgConnection {
  host: string;
  port: string;
  user: string;
  database: string;
}

function pgConnection(url: string): PgConnection {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port || '5432',
    user: decodeURIComponent(u.username || 'postgres'),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

/**
 * pgbench on the same SQL: the pairs of a zoom go to a table (their statement's parameters as
 * text), one script per statement shape drawing a pair at random (`\set`, `\gset`) and running
 * the statement with them as bind parameters (`-M prepared`), weighted by its share of the pairs.
 */
async function preparePgbench(
  client: Client,
  dir: string,
  z: number,
  pairs: Pair[],
): Promise<string[]> {
  const shapes = new Map<string, Array<unknown[]>>();
  for (const pair of pairs) {
    const { sql, params } = tileSql(
      pair.z,
      pair.x,
      pair.y,
      pair.filter.filters,
      pair.filter.landlordIds,
    );
    const list = shapes.get(sql) ?? [];
    list.push(params);
    shapes.set(sql, list);
  }
  const args: string[] = [];
  let shape = 0;
  for (const [sql, paramLists] of shapes) {
    const family = `z${z}s${shape++}`;
    const text = paramLists.map((params) =>
      params.map((p) => (Array.isArray(p) ? `{${p.join(',')}}` : String(p))),
    );
    await client.query(
      `INSERT INTO bench_map_pairs (family, i, params)
       SELECT $1, i - 1, ARRAY(SELECT jsonb_array_elements_text(p))
         FROM unnest($2::jsonb[]) WITH ORDINALITY AS t(p, i)`,
      [family, text.map((t) => JSON.stringify(t))],
    );
    const count = text[0].length;
    const columns = Array.from({ length: count }, (_, k) => `params[${k + 1}] AS p${k + 1}`);
    const body = sql.replace(/\$(\d+)/g, (_, k: string) => `:p${k}`);
    const file = join(dir, `${family}.sql`);
    await writeFile(
      file,
      `\\set i random(0, ${paramLists.length - 1})\n` +
        `SELECT ${columns.join(', ')} FROM bench_map_pairs WHERE family = '${family}' AND i = :i \\gset\n` +
        `${body.replace(/\s+/g, ' ').trim()};\n`,
    );
    args.push('-f', `${file}@${paramLists.length}`);
  }
  return args;
}

async function pgbench(
  connection: PgConnection,
  scriptArgs: string[],
  clients: number,
  seconds: number,
): Promise<{ tps: number; latencyMs: number }> {
  const { stdout } = await run(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, cpus().length)),
      '-T',
      String(seconds),
      '-h',
      connection.host,
      '-p',
      connection.port,
      '-U',
      connection.user,
      ...scriptArgs,
      connection.database,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: failed transactions:\n${stdout}`);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps) throw new Error(`pgbench said:\n${stdout}`);
  return { tps: Number(tps[1]), latencyMs: latency ? Number(latency[1]) : NaN };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/**
 * `npm run bench -- map`: vector tiles of the map on the state seed (1,000,000 properties over
 * NRW). Per zoom and filter: the time per tile at concurrency 1 (p95 of each run, median over the
 * runs; each run after a new data version, so the app's tile cache holds nothing) and the largest
 * tile, for the api and the raw node:http + pg server running the same SQL. Per zoom: requests
 * per second at `connections` over every filter's tiles, cold (each tile once after a new data
 * version) against the raw server, with the HTTP cache (If-None-Match with the ETag the api gave:
 * 304 from its in-process cache) against the same raw figure, and pgbench on the same statements
 * as the ceiling. Medians of `runs` runs.
 */
export async function mapBench(options: MapBenchOptions): Promise<void> {
  const loadBefore = loadavg()[0];
  const zooms = parseZooms(options.zooms);
  const { url: benchUrl, existing } = await benchDatabase(options.database, options.keep);
  let seedSeconds: number | null = null;
  const present = existing
    ? await withClient(benchUrl, async (c) => {
        const found = await c
          .query<{ n: string }>('SELECT count(*) AS n FROM map_properties')
          .catch(() => null); // not migrated yet
        return Number(found?.rows[0].n ?? 0);
      })
    : 0;
  if (present === 0) {
    console.log(
      `bench: seeding ${options.properties} properties over NRW into ${options.database} (seed ${options.seed}); ` +
        'this takes a while: reuse it with --keep',
    );
    const seeded = await seedNrw({
      databaseUrl: benchUrl,
      properties: options.properties,
      seed: options.seed,
      log: (line) => console.log(`bench: seed: ${line}`),
    });
    seedSeconds = seeded.seconds;
  } else {
    console.log(`bench: --keep: using ${options.database} with ${present} map rows as it is`);
  }

  const env = {
    DATABASE_URL: benchUrl,
    CITY_BOUNDS: NRW_CITY_BOUNDS,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    BULLMQ_PREFIX: 'hausakte_bench',
    WEB_DIST_DIR: '/nonexistent-web-dist',
  };
  const servers: RunningServer[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'hausakte-bench-map-'));
  try {
    await withClient(benchUrl, async (client) => {
      const facts = await client.query<{ all: string; problems: string; v: string }>(
        `SELECT (SELECT count(*) FROM map_properties) AS all,
                (SELECT count(*) FROM map_properties WHERE problem) AS problems,
                split_part(version(), ' on ', 1) AS v`,
      );
      const { all, problems, v: postgres } = facts.rows[0];
      console.log(`bench: ${all} properties in the map read model, ${problems} problem properties`);
      const instances = await filterInstances(client);
      const perFamily = options.tiles * options.runs;
      const pairsByZoom = await samplePairs(client, instances, zooms, perFamily, options.seed);
      await client.query(
        'CREATE TABLE IF NOT EXISTS bench_map_pairs (family text, i int, params text[], PRIMARY KEY (family, i))',
      );
      await client.query('TRUNCATE bench_map_pairs');

      const { appBase, rawBase, headers } = await startServerPair(
        'bench/map-raw-server.ts',
        options.rawWithoutSession ? { ...env, BENCH_RAW_SESSION: 'none' } : env,
        servers,
      );
      if (options.rawWithoutSession)
        console.log(
          'bench: the raw server runs without its session lookup (--raw-without-session)',
        );

      // Same answers: the same bytes from both for a few tiles of every zoom and filter.
      let compared = 0;
      for (const families of pairsByZoom.values()) {
        for (const pairs of families.values()) {
          for (const pair of pairs.slice(0, 2)) {
            const [a, r] = await Promise.all(
              [appBase, rawBase].map(async (b) => {
                const response = await fetch(`${b}${pair.path}`, { headers });
                return [response.status, Buffer.from(await response.arrayBuffer())] as const;
              }),
            );
            if (a[0] !== r[0] || !a[1].equals(r[1]))
              throw new Error(
                `${pair.path}: the api (${a[0]}) and the raw server (${r[0]}) differ`,
              );
            compared++;
          }
        }
      }
      console.log(
        `bench: the api and the raw server answer ${compared} sample tiles byte for byte alike`,
      );

      // ---- time per tile and the largest tile, per zoom and filter ----
      const latencyRows: Array<Array<string | number>> = [];
      const markdownLatency: string[] = [];
      let worstP95 = 0;
      let worstBytes = 0;
      for (const z of zooms) {
        for (const [family, pairs] of pairsByZoom.get(z)!) {
          if (!pairs.length) continue;
          const appP95: number[] = [];
          const rawP95: number[] = [];
          let appMax = 0;
          let empty = 0;
          for (let r = 0; r < options.runs; r++) {
            await bumpVersion(client);
            const slice = Array.from(
              { length: Math.min(options.tiles, pairs.length) },
              (_, k) => pairs[(r * options.tiles + k) % pairs.length],
            );
            const appMs: number[] = [];
            const rawMs: number[] = [];
            for (const pair of slice) {
              const a = await timedGet(`${appBase}${pair.path}`, headers);
              const w = await timedGet(`${rawBase}${pair.path}`, headers);
              appMs.push(a.ms);
              rawMs.push(w.ms);
              appMax = Math.max(appMax, a.bytes);
              if (a.status === 204 && r === 0) empty++;
            }
            appP95.push(p95(appMs));
            rawP95.push(p95(rawMs));
          }
          const a95 = median(appP95);
          const w95 = median(rawP95);
          worstP95 = Math.max(worstP95, a95);
          worstBytes = Math.max(worstBytes, appMax);
          const distinct = new Set(pairs.map((p) => p.filter.query)).size;
          latencyRows.push([
            z,
            family,
            `${pairs.length} (${distinct})`,
            fixed(a95),
            fixed(w95),
            kb(appMax),
            empty,
          ]);
          markdownLatency.push(
            `| z${z} | ${family} | ${fixed(a95)} ms | ${fixed(w95)} ms | ${kb(appMax)} KB |`,
          );
          console.log(
            `bench: z${z} ${family}: p95 api ${fixed(a95)} ms, raw ${fixed(w95)} ms; largest ${kb(appMax)} KB`,
          );
        }
      }

      // ---- throughput per zoom: cold, with the HTTP cache, pgbench ----
      const throughputRows: Array<Array<string | number>> = [];
      const markdownThroughput: string[] = [];
      if (!options.latencyOnly) {
        const connection = pgConnection(benchUrl);
        for (const z of zooms) {
          // Up to THROUGHPUT_PER_FAMILY tiles of each filter, the filters interleaved.
          const families = [...pairsByZoom.get(z)!.values()];
          const pairs: Pair[] = [];
          for (let k = 0; k < THROUGHPUT_PER_FAMILY; k++)
            for (const list of families) if (list[k]) pairs.push(list[k]);
          if (!pairs.length) continue;
          const paths = pairs.map((p) => p.path);
          const scriptArgs = await preparePgbench(client, dir, z, pairs);
          // The cached run asks only for what the app's cache can hold.
          const results = {
            cold: [] as ListLoad[],
            raw: [] as ListLoad[],
            cached: [] as ListLoad[],
            pg: [] as number[],
          };
          const passes = async (base: string) => {
            const list: ListLoad[] = [];
            for (let k = 0; k < COLD_PASSES; k++) {
              await bumpVersion(client);
              list.push(
                await loadList(base, paths, headers, options.connections, {
                  amount: paths.length,
                }),
              );
            }
            return combine(list);
          };
          for (let r = 0; r < options.runs; r++) {
            const cold = await passes(appBase);
            const rawRun = await passes(rawBase);
            // Prime: each tile once from the api, its ETag kept; then only revalidations.
            const etags = new Map<string, string>();
            let bytes = 0;
            const cachedPaths: string[] = [];
            for (const path of paths) {
              const got = await timedGet(`${appBase}${path}`, headers);
              if (!got.etag) throw new Error(`${path}: no ETag`);
              bytes += got.bytes + path.length + 64;
              if (bytes > CACHED_BYTES) break;
              etags.set(path, got.etag);
              cachedPaths.push(path);
            }
            const cached = await loadList(
              appBase,
              cachedPaths,
              headers,
              options.connections,
              { durationS: options.durationS },
              etags,
            );
            const pg = await pgbench(
              connection,
              scriptArgs,
              options.connections,
              options.durationS,
            );
            for (const [name, result] of [
              ['cold', cold],
              ['raw', rawRun],
            ] as const) {
              if (result.bad || result.ok !== result.total)
                throw new Error(
                  `z${z} ${name} run ${r + 1}: ${result.bad} errors of ${result.total}`,
                );
            }
            if (cached.bad || cached.notModified !== cached.total)
              throw new Error(
                `z${z} cached run ${r + 1}: ${cached.notModified} of ${cached.total} answered 304`,
              );
            results.cold.push(cold);
            results.raw.push(rawRun);
            results.cached.push(cached);
            results.pg.push(pg.tps);
            console.log(
              `bench: z${z} run ${r + 1}: cold ${fixed(cold.requestsPerSecond)} req/s, raw ${fixed(rawRun.requestsPerSecond)}, ` +
                `cached ${fixed(cached.requestsPerSecond)} (${cachedPaths.length} tiles), pgbench ${fixed(pg.tps)} tps`,
            );
          }
          const m = (list: ListLoad[]) => median(list.map((x) => x.requestsPerSecond));
          const cold = m(results.cold);
          const rawRps = m(results.raw);
          const cached = m(results.cached);
          const pg = median(results.pg);
          throughputRows.push([
            z,
            paths.length,
            fixed(cold),
            fixed(rawRps),
            fixed(cold / rawRps, 2),
            fixed(cached),
            fixed(cached / rawRps, 2),
            fixed(pg),
            median(results.cold.map((x) => x.p99)),
            median(results.raw.map((x) => x.p99)),
          ]);
          markdownThroughput.push(
            `| z${z} | ${paths.length} | ${fixed(cold)} | ${fixed(rawRps)} | **${fixed(cold / rawRps, 2)}×** | ` +
              `${fixed(cached)} | **${fixed(cached / rawRps, 2)}×** | ${fixed(pg)} |`,
          );
        }
      }

      console.log('');
      console.log(
        `map: GET ${TILE_PREFIX}/{z}/{x}/{y}.mvt on ${all} properties (${problems} problem properties) over NRW; ` +
          `${options.runs} runs, ${options.tiles} tiles per zoom, filter and run`,
      );
      console.log(
        'Time per tile at concurrency 1 (p95 of each run, median of the runs; every run after a new data version, so nothing cached) and the largest tile:',
      );
      console.log(
        table(
          ['zoom', 'filter', 'tiles (values)', 'api p95 ms', 'raw p95 ms', 'largest KB', '204s'],
          latencyRows,
        ),
      );
      console.log(
        `worst p95 ${fixed(worstP95)} ms (target ≤ 50 ms), largest tile ${kb(worstBytes)} KB (target ≤ 500 KB)`,
      );
      if (throughputRows.length) {
        console.log('');
        console.log(
          `Requests per second at ${options.connections} connections over every filter's tiles of the zoom (median of ${options.runs}): ` +
            `cold = each tile once per pass, ${COLD_PASSES} passes each after a new data version; ` +
            'cached = If-None-Match with the ETag (304 from the in-process cache); ' +
            'pgbench = the same statements, -M prepared, same clients:',
        );
        console.log(
          table(
            [
              'zoom',
              'tiles',
              'api cold',
              'raw',
              'cold/raw',
              'api cached',
              'cached/raw',
              'pgbench tps',
              'api p99 ms',
              'raw p99 ms',
            ],
            throughputRows,
          ),
        );
        console.log('targets: cold/raw ≥ 0.75×, cached/raw ≥ 2×');
      }
      console.log(
        `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
          `Node ${process.version}, ${postgres}; date ${new Date().toISOString().slice(0, 10)}; ` +
          `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end` +
          (seedSeconds !== null ? `; seeding took ${seedSeconds.toFixed(1)} s` : ''),
      );
      console.log('markdown rows for docs/benchmarks.md (time per tile):');
      for (const line of markdownLatency) console.log(line);
      if (markdownThroughput.length) {
        console.log('markdown rows for docs/benchmarks.md (throughput):');
        for (const line of markdownThroughput) console.log(line);
      }
    });
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
