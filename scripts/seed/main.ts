import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError } from '@hausakte/platform';
import { NRW_CITY_BOUNDS } from './nrw-geography';
import { REBUILD_STEPS, rebuildReadModels, RebuildStep } from './nrw-rebuild';
import { AlreadySeededError, seedCity } from './seed-city';
import { seedNrw } from './seed-nrw';

const USAGE = `Usage: npm run seed -- --properties N [--seed S] [--append] [--if-empty]
       npm run seed -- --profile nrw --properties N [--seed S] [--no-rebuild]
       npm run seed -- --profile nrw --rebuild-only
  --properties N   how many properties to add (1 to 5,000,000)
  --seed S         same seed, same city (default 1)
  --append         add to a database that has properties already
  --if-empty       seed only if the database has no properties; otherwise say so and exit 0
  --profile P      herne (default): the fake Herne below; nrw: North Rhine-Westphalia at scale,
                   properties in town-density clusters over the state, districts, landlords with
                   networks, cases, defects, orders with deadlines, closures, re-inspections, all
                   set-based SQL; then the risk scores, landlord network links and map read model
                   (the app needs CITY_BOUNDS=${NRW_CITY_BOUNDS} for these properties)
  --no-rebuild     nrw: leave out the risk, network and map rebuilds at the end
  --rebuild-only [--steps S]
                   nrw: only the rebuilds, on a database seeded before; S is a comma-separated
                   subset of risk,links,map (default all three)
Seeds the database in DATABASE_URL (created and migrated if needed) with a deterministic fake
Herne: synthetic borough outlines, streets, properties, buildings, units, landlords, ownerships;
then, if the database has no inspections or complaints yet and an active inspector or officer
(run \`npm run cli -- demo-users\` first), the demo activity: complaints, inspections (some today
for inspektor@herne.example), defects, occupancy counts, photos (PHOTO_STORAGE_DIR), risk scores;
and with it the demo enforcement through the app's services: cases, hearings, orders and closures
in every state, their letters (LETTER_STORAGE_DIR), notifications for the demo officer.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  let values: {
    properties?: string;
    seed?: string;
    append?: boolean;
    'if-empty'?: boolean;
    profile?: string;
    'no-rebuild'?: boolean;
    'rebuild-only'?: boolean;
    steps?: string;
    help?: boolean;
  };
  try {
    values = parseArgs({
      args: argv,
      options: {
        properties: { type: 'string' },
        seed: { type: 'string' },
        append: { type: 'boolean' },
        'if-empty': { type: 'boolean' },
        profile: { type: 'string' },
        'no-rebuild': { type: 'boolean' },
        'rebuild-only': { type: 'boolean' },
        steps: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const profile = values.profile ?? 'herne';
  if (profile !== 'herne' && profile !== 'nrw')
    throw new UsageError('--profile must be herne or nrw');
  if (profile === 'nrw') return seedState(values);
  if (values['no-rebuild'] || values['rebuild-only'])
    throw new UsageError('--no-rebuild and --rebuild-only go with --profile nrw');
  if (!values.properties || !/^\d+$/.test(values.properties))
    throw new UsageError('--properties N is required (a whole number)');
  if (values.append && values['if-empty'])
    throw new UsageError('--append and --if-empty contradict each other');

  try {
    const result = await seedCity({
      properties: Number(values.properties),
      seed: values.seed,
      append: values.append,
      log: (line) => console.log(`seed: ${line}`),
    });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      `seed: database ${result.database}, seed "${result.seed}", done in ${result.seconds.toFixed(1)} s`,
    );
    console.log(
      `seed: rows ${Object.entries(result.rows)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')} (${total} rows, ${Math.round(total / result.seconds)} rows/s)`,
    );
    for (const line of result.activity) console.log(`seed: ${line}`);
    console.log('seed: planted for landlord-network detection (scripts/seed/README.md):');
    for (const line of result.planted) console.log(`  - ${line}`);
  } catch (error) {
    if (error instanceof AlreadySeededError && values['if-empty']) {
      console.log(`seed: ${error.database} has ${error.existing} properties already; not seeding`);
      return;
    }
    throw error;
  }
}

async function seedState(values: {
  properties?: string;
  seed?: string;
  append?: boolean;
  'if-empty'?: boolean;
  'no-rebuild'?: boolean;
  'rebuild-only'?: boolean;
  steps?: string;
}): Promise<void> {
  const log = (line: string) => console.log(`seed: ${line}`);
  if (values.append || values['if-empty'])
    throw new UsageError(
      '--append and --if-empty are not for --profile nrw (it seeds an empty database)',
    );
  if (values['rebuild-only']) {
    const { loadConfig } = await import('@hausakte/platform');
    const started = Date.now();
    const steps = (values.steps ?? REBUILD_STEPS.join(',')).split(',').map((s) => s.trim());
    const unknown = steps.filter((s) => !(REBUILD_STEPS as readonly string[]).includes(s));
    if (unknown.length) throw new UsageError(`--steps: unknown ${unknown.join(', ')}`);
    await rebuildReadModels({
      databaseUrl: loadConfig(process.env).DATABASE_URL,
      log,
      steps: steps as RebuildStep[],
    });
    log(`rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (!values.properties || !/^\d+$/.test(values.properties))
    throw new UsageError('--properties N is required (a whole number)');
  const result = await seedNrw({
    properties: Number(values.properties),
    seed: values.seed,
    rebuild: !values['no-rebuild'],
    log,
  });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  log(
    `database ${result.database}, profile nrw, seed "${result.seed}", done in ${result.seconds.toFixed(1)} s`,
  );
  log(
    `rows ${Object.entries(result.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')} (${total} rows)`,
  );
  for (const note of result.notes) log(note);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (
    error instanceof AlreadySeededError ||
    error instanceof ConfigError ||
    error instanceof RangeError
  )
    console.error(error.message);
  else console.error(error);
  process.exit(1);
});
