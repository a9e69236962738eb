import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError } from '@hausakte/platform';
import { AlreadySeededError, seedCity } from './seed-city';

const USAGE = `Usage: npm run seed -- --properties N [--seed S] [--append] [--if-empty]
  --properties N   how many properties to add (1 to 5,000,000)
  --seed S         same seed, same city (default 1)
  --append         add to a database that has properties already
  --if-empty       seed only if the database has no properties; otherwise say so and exit 0
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
