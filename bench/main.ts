import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isJobName } from '@hausakte/jobs';
import { FAULTS_DEFAULTS, faults, FaultsOptions } from './faults';
import { COMPLETE_DEFAULTS, CompleteOptions, inspectionComplete } from './inspection-complete';
import { lateness, LATENESS_DEFAULTS, LatenessOptions } from './lateness';
import { MAP_DEFAULTS, mapBench, MapBenchOptions } from './map';
import { MAP_PAN_DEFAULTS, mapPan } from './map-pan';
import { BBOX_DEFAULTS, BboxOptions, propertiesBbox } from './properties-bbox';
import { relay, RELAY_DEFAULTS, RelayOptions } from './relay';

const USAGE = `Usage: npm run bench -- <name> [options]
  properties-bbox   GET /api/v1/properties?bbox=…&limit=250 (of 100,000): the api against a raw
                    node:http + pg server running the same SQL
Options (properties-bbox):
  --keep              reuse the database hausakte_bench if it has properties (default: drop, re-seed)
  --properties N      properties to seed (default ${BBOX_DEFAULTS.properties})
  --seed S            seed of the fake city (default ${BBOX_DEFAULTS.seed})
  --bbox A,B,C,D      minLon,minLat,maxLon,maxLat (default ${BBOX_DEFAULTS.bbox})
  --limit N           page size (default ${BBOX_DEFAULTS.limit})
  --connections N     concurrent connections of the load generator (default ${BBOX_DEFAULTS.connections})
  --duration S        seconds per run (default ${BBOX_DEFAULTS.durationS})
  --warmup S          seconds of warm-up per server (default ${BBOX_DEFAULTS.warmupS})
  --runs N            measured runs per server, alternating (default ${BBOX_DEFAULTS.runs})
  inspection-complete POST /api/v1/inspections/:id/complete with 10 findings (+ Idempotency-Key)
                    from 8 concurrent clients: the api against a raw pg script writing the same
                    rows in one transaction per inspection on 8 connections
Options (inspection-complete):
  --keep              reuse the database hausakte_bench_inspections if it has properties
  --properties N      properties to seed (default ${COMPLETE_DEFAULTS.properties})
  --findings N        findings per inspection (default ${COMPLETE_DEFAULTS.findings})
  --clients N         concurrent clients / connections (default ${COMPLETE_DEFAULTS.clients})
  --duration S        seconds per run (default ${COMPLETE_DEFAULTS.durationS})
  --runs N            measured runs per side, alternating (default ${COMPLETE_DEFAULTS.runs})
  --inspections N     a fixed number of completions per run instead of --duration
  --profile           report where the app's time goes (queries, CPU by package)
  relay             the outbox relay draining pending rows of delayed jobs into a private Redis,
                    against a raw script adding the same jobs with BullMQ addBulk; and Redis
                    memory per pending delayed job (own database hausakte_bench_relay)
Options (relay):
  --rows N            pending outbox rows per run (default ${RELAY_DEFAULTS.rows})
  --batch N           rows per relay batch and jobs per raw addBulk (default ${RELAY_DEFAULTS.batch})
  --runs N            measured runs per side, alternating (default ${RELAY_DEFAULTS.runs})
  --job NAME          the job of the catalogue to relay (default ${RELAY_DEFAULTS.job})
  faults            the deadline jobs' fault drill of test/faults at scale: order items with
                    deadlines compressed to seconds, the worker SIGKILLed, Redis stopped and started
                    empty, PostgreSQL crashed, two workers; reminders due, sent, missing, duplicated
                    (inbox, e-mail) and the recovery time (own PostgreSQL, Redis and SMTP servers)
Options (faults):
  --items N           order items (default ${FAULTS_DEFAULTS.items})
  --outage S          seconds per outage (default ${FAULTS_DEFAULTS.outageS})
  --kills N           SIGKILLs of the single worker; one more kills one of two (default ${FAULTS_DEFAULTS.kills})
  --span S            seconds of real time the deadlines fall over (default ${FAULTS_DEFAULTS.spanS})
  --day S             seconds per calendar day (default ${FAULTS_DEFAULTS.secondsPerDay})
  --no-held-mail-wait count at once, without waiting out the 5 min claims of killed senders
  lateness          reminder lateness (done_at − fire_at) with no faults: order items in served
                    orders whose reminders and "passed" jobs fall over the next ~90 s under a
                    compressed clock, run by the real worker (its own process), against a plain
                    BullMQ Worker doing comparable database work for the same fire times
                    (own database hausakte_bench_lateness, private Redis, SMTP sink)
Options (lateness):
  --items N           order items, 4 deadline jobs each (default ${LATENESS_DEFAULTS.items})
  --runs N            measured runs per side, alternating (default ${LATENESS_DEFAULTS.runs})
  --day S             seconds per calendar day (default ${LATENESS_DEFAULTS.secondsPerDay})
  --span S            seconds of real time the jobs fall over (default ${LATENESS_DEFAULTS.spanS})
  --lead S            seconds from a run's setup to its first job (default ${LATENESS_DEFAULTS.leadS})
  --per-order N       items per order (default ${LATENESS_DEFAULTS.itemsPerOrder})
  map               GET /api/v1/map/tiles/{z}/{x}/{y}.mvt on the state seed (1,000,000 properties
                    over NRW, own database hausakte_bench_map): per zoom and filter the p95 time
                    per tile and the largest tile; per zoom the requests/s cold and with the HTTP
                    cache (If-None-Match → 304) against a raw node:http + pg server running the
                    same tile SQL, and pgbench on that SQL as the ceiling
Options (map):
  --keep              reuse hausakte_bench_map if it has a map read model (seeding takes long)
  --properties N      properties to seed (default ${MAP_DEFAULTS.properties})
  --seed S            seed of the state (default ${MAP_DEFAULTS.seed})
  --zooms Z           zooms, e.g. 8-17 or 8,12,14 (default ${MAP_DEFAULTS.zooms})
  --tiles N           tiles per zoom, filter and run (default ${MAP_DEFAULTS.tiles})
  --connections N     concurrent connections / pgbench clients (default ${MAP_DEFAULTS.connections})
  --duration S        seconds of each cached run and each pgbench run (default ${MAP_DEFAULTS.durationS})
  --runs N            runs (default ${MAP_DEFAULTS.runs})
  --latency-only      time per tile and sizes only, no throughput runs
  --database NAME     another database than hausakte_bench_map (e.g. a small trial seed)
  --raw-without-session  the raw server skips its session lookup (a reference: the api keeps
                      checked sessions in memory, ADR 0017)
  map-pan           the longest main-thread task while panning across the state at zoom 8–12, from
                    Chromium's performance trace: the map browser test's trace case (MAP_TRACE=1)
                    against the real api on hausakte_bench_map (seeded by the map benchmark)
Options (map-pan):
  --runs N            panning runs (default ${MAP_PAN_DEFAULTS.runs})
  --database NAME     another database than hausakte_bench_map`;

class UsageError extends Error {}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number ≥ 1`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [name] = positionals;
  if (values.help || !name) {
    console.log(USAGE);
    if (!name && !values.help) process.exitCode = 1;
    return;
  }
  switch (name) {
    case 'properties-bbox': {
      const options: BboxOptions = {
        keep: values.keep ?? false,
        properties: positive('properties', values.properties, BBOX_DEFAULTS.properties),
        seed: values.seed ?? BBOX_DEFAULTS.seed,
        bbox: values.bbox ?? BBOX_DEFAULTS.bbox,
        limit: positive('limit', values.limit, BBOX_DEFAULTS.limit),
        connections: positive('connections', values.connections, BBOX_DEFAULTS.connections),
        durationS: positive('duration', values.duration, BBOX_DEFAULTS.durationS),
        warmupS: positive('warmup', values.warmup, BBOX_DEFAULTS.warmupS),
        runs: positive('runs', values.runs, BBOX_DEFAULTS.runs),
      };
      const parts = options.bbox.split(',').map(Number);
      if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
        throw new UsageError('--bbox must be minLon,minLat,maxLon,maxLat');
      }
      return propertiesBbox(options);
    }
    case 'inspection-complete': {
      const options: CompleteOptions = {
        keep: values.keep ?? false,
        properties: positive('properties', values.properties, COMPLETE_DEFAULTS.properties),
        findings: positive('findings', values.findings, COMPLETE_DEFAULTS.findings),
        clients: positive('clients', values.clients, COMPLETE_DEFAULTS.clients),
        durationS: positive('duration', values.duration, COMPLETE_DEFAULTS.durationS),
        runs: positive('runs', values.runs, COMPLETE_DEFAULTS.runs),
        inspections: positive('inspections', values.inspections, COMPLETE_DEFAULTS.inspections),
        profile: values.profile ?? false,
      };
      return inspectionComplete(options);
    }
    case 'relay': {
      const job = values.job ?? RELAY_DEFAULTS.job;
      if (!isJobName(job)) throw new UsageError(`--job: no job ${job} in the catalogue`);
      const options: RelayOptions = {
        rows: positive('rows', values.rows, RELAY_DEFAULTS.rows),
        batch: positive('batch', values.batch, RELAY_DEFAULTS.batch),
        runs: positive('runs', values.runs, RELAY_DEFAULTS.runs),
        job,
      };
      return relay(options);
    }
    case 'faults': {
      const options: FaultsOptions = {
        items: positive('items', values.items, FAULTS_DEFAULTS.items),
        outageS: positive('outage', values.outage, FAULTS_DEFAULTS.outageS),
        kills: positive('kills', values.kills, FAULTS_DEFAULTS.kills),
        spanS: positive('span', values.span, FAULTS_DEFAULTS.spanS),
        secondsPerDay: positive('day', values.day, FAULTS_DEFAULTS.secondsPerDay),
        awaitHeldMails: !values['no-held-mail-wait'],
      };
      return faults(options);
    }
    case 'lateness': {
      const options: LatenessOptions = {
        items: positive('items', values.items, LATENESS_DEFAULTS.items),
        runs: positive('runs', values.runs, LATENESS_DEFAULTS.runs),
        secondsPerDay: positive('day', values.day, LATENESS_DEFAULTS.secondsPerDay),
        spanS: positive('span', values.span, LATENESS_DEFAULTS.spanS),
        leadS: positive('lead', values.lead, LATENESS_DEFAULTS.leadS),
        itemsPerOrder: positive('per-order', values['per-order'], LATENESS_DEFAULTS.itemsPerOrder),
      };
      return lateness(options);
    }
    case 'map': {
      const options: MapBenchOptions = {
        keep: values.keep ?? false,
        properties: positive('properties', values.properties, MAP_DEFAULTS.properties),
        seed: values.seed ?? MAP_DEFAULTS.seed,
        zooms: values.zooms ?? MAP_DEFAULTS.zooms,
        connections: positive('connections', values.connections, MAP_DEFAULTS.connections),
        tiles: positive('tiles', values.tiles, MAP_DEFAULTS.tiles),
        runs: positive('runs', values.runs, MAP_DEFAULTS.runs),
        durationS: positive('duration', values.duration, MAP_DEFAULTS.durationS),
        latencyOnly: values['latency-only'] ?? false,
        database: values.database ?? MAP_DEFAULTS.database,
        rawWithoutSession: values['raw-without-session'] ?? false,
      };
      return mapBench(options);
    }
    case 'map-pan':
      return mapPan({
        runs: positive('runs', values.runs, MAP_PAN_DEFAULTS.runs),
        database: values.database ?? MAP_PAN_DEFAULTS.database,
      });
    default:
      throw new UsageError(`unknown benchmark ${name}`);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      keep: { type: 'boolean' },
      properties: { type: 'string' },
      seed: { type: 'string' },
      bbox: { type: 'string' },
      limit: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      runs: { type: 'string' },
      findings: { type: 'string' },
      clients: { type: 'string' },
      inspections: { type: 'string' },
      profile: { type: 'boolean' },
      rows: { type: 'string' },
      batch: { type: 'string' },
      job: { type: 'string' },
      items: { type: 'string' },
      outage: { type: 'string' },
      kills: { type: 'string' },
      span: { type: 'string' },
      day: { type: 'string' },
      'no-held-mail-wait': { type: 'boolean' },
      lead: { type: 'string' },
      'per-order': { type: 'string' },
      zooms: { type: 'string' },
      tiles: { type: 'string' },
      'latency-only': { type: 'boolean' },
      'raw-without-session': { type: 'boolean' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else console.error(error);
  process.exit(1);
});
