import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { COMPLETE_DEFAULTS, CompleteOptions, inspectionComplete } from './inspection-complete';
import { BBOX_DEFAULTS, BboxOptions, propertiesBbox } from './properties-bbox';

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
  --profile           report where the app's time goes (queries, CPU by package)`;

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
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else console.error(error);
  process.exit(1);
});
