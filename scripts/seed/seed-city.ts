import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { installDefaultLetterTemplates } from '@hausakte/enforcement';
import { installDefaultCatalogue } from '@hausakte/inspections';
import { databaseOptions, ensureDatabase, loadConfig } from '@hausakte/platform';
import { Chunk, planCity, propertyChunks } from './generate';
import { boroughs, DISTRICT_SOURCE, multiPolygonWkt } from './geography';
import type { LandlordRow } from './landlords';
import { Random } from './random';
import { ACTIVITY_TABLES, ActivityTable, seedActivity } from './seed-activity';

export interface SeedOptions {
  /** Number of properties to add. */
  properties: number;
  /** Same seed, same city. Default "1". */
  seed?: string | number;
  /** Add to a database that has properties already (otherwise that is refused). */
  append?: boolean;
  /** Default: DATABASE_URL (or its default). Created and migrated if needed. */
  databaseUrl?: string;
  /** Properties per batch (one transaction each). Default 2000. */
  batchSize?: number;
  /** Batches in flight at once, each on its own connection. Default 2. */
  concurrency?: number;
  /**
   * Add the demo activity (complaints, inspections, defects, occupancy counts, photos, risk
   * scores) when the database has none yet and an inspector or officer to attribute it to.
   * Default true.
   */
  activity?: boolean;
  /** The moment the activity is planned around ("today"); default now. */
  now?: Date;
  /** Where photo files go; default PHOTO_STORAGE_DIR of the environment. */
  photoStorageDir?: string;
  /** Where the demo enforcement's letters go; default LETTER_STORAGE_DIR of the environment. */
  letterStorageDir?: string;
  /**
   * With the activity, the demo enforcement (cases, hearings, orders, closures, inbox) when the
   * database has no cases yet and an active officer. Default true.
   */
  enforcement?: boolean;
  /** Progress lines; default silent. */
  log?: (line: string) => void;
}

export interface SeedResult {
  database: string;
  seed: string;
  /** Rows inserted per table. */
  rows: Record<
    | 'districts'
    | 'properties'
    | 'property_addresses'
    | 'buildings'
    | 'units'
    | 'landlords'
    | 'ownerships'
    | ActivityTable,
    number
  >;
  seconds: number;
  /** What the demo activity added or why it was left out, in words. */
  activity: string[];
  /** The patterns planted for landlord-network detection, in words. */
  planted: string[];
}

/** The database has properties and `append` was not given. */
export class AlreadySeededError extends Error {
  constructor(
    readonly database: string,
    readonly existing: number,
  ) {
    super(
      `The database "${database}" already has ${existing} properties: not seeding. ` +
        'Pass --append to add more, or seed into an empty database.',
    );
    this.name = 'AlreadySeededError';
  }
}

const MAX_PROPERTIES = 5_000_000;
/** Any fixed number: only one seeder works on a database at a time. */
const SEED_LOCK = 7_345_112;

/**
 * Seeds a deterministic fake Herne: four boroughs with synthetic outlines, streets with houses,
 * properties with addresses, buildings and units, landlords and ownerships. The same options on
 * an empty database give the same rows (ids included).
 */
export async function seedCity(options: SeedOptions): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const log = options.log ?? (() => undefined);
  if (
    !Number.isInteger(options.properties) ||
    options.properties < 1 ||
    options.properties > MAX_PROPERTIES
  ) {
    throw new RangeError(`properties must be a whole number from 1 to ${MAX_PROPERTIES}`);
  }
  const databaseUrl = options.databaseUrl ?? loadConfig(process.env).DATABASE_URL;
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const batchSize = options.batchSize ?? 2000;
  const concurrency = Math.max(1, options.concurrency ?? 2);

  if (await ensureDatabase(databaseUrl)) log(`created database ${database}`);
  const dataSource = new DataSource({
    ...databaseOptions({ DATABASE_URL: databaseUrl }, 'hausakte-seed'),
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`applied migrations ${applied.map((m) => m.name).join(', ')}`);
    // As `npm run migrate` does: the activity's defects refer to the catalogue.
    const added = await installDefaultCatalogue(dataSource);
    if (added) log(`added ${added} entries of the shipped defect catalogue`);
    // …and the letter templates, which the demo enforcement's hearings and orders are issued with.
    const templates = await installDefaultLetterTemplates(dataSource);
    if (templates) log(`added ${templates} shipped letter templates`);
  } finally {
    await dataSource.destroy();
  }

  const pool = new Pool({
    connectionString: databaseUrl,
    max: concurrency + 1,
    application_name: 'hausakte-seed',
  });
  const lock = await pool.connect();
  try {
    // Held for the whole run: a second seeder waits instead of seeding the same database twice.
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const existing = Number(
      (await lock.query<{ n: string }>('SELECT count(*) AS n FROM properties')).rows[0].n,
    );
    if (existing > 0 && !options.append) throw new AlreadySeededError(database, existing);

    const baseSeed = String(options.seed ?? '1');
    // Appending draws from other streams, so it adds new streets and ids instead of repeating.
    const seed = existing > 0 ? `${baseSeed}+${existing}` : baseSeed;
    const ids = new Random(`${seed}/ids`);
    const rows: SeedResult['rows'] = {
      districts: 0,
      properties: 0,
      property_addresses: 0,
      buildings: 0,
      units: 0,
      landlords: 0,
      ownerships: 0,
      ...(Object.fromEntries(ACTIVITY_TABLES.map((table) => [table, 0])) as Record<
        ActivityTable,
        number
      >),
    };

    const districtIds = await ensureDistricts(lock, ids, rows);
    const takenStreets = new Set(
      (
        await lock.query<{ street: string }>('SELECT DISTINCT street FROM property_addresses')
      ).rows.map((r) => r.street),
    );
    const takenCompanies = new Set(
      (
        await lock.query<{ name: string }>(`SELECT name FROM landlords WHERE kind = 'company'`)
      ).rows.map((r) => r.name),
    );

    const planStart = process.hrtime.bigint();
    const plan = planCity({
      seed,
      properties: options.properties,
      districtIds,
      ids,
      takenStreets,
      takenCompanies,
    });
    log(
      `planned ${options.properties} properties on ${plan.streets.length} streets and ` +
        `${plan.landlords.landlords.length} landlords in ${secondsSince(planStart).toFixed(1)} s`,
    );

    for (let k = 0; k < plan.landlords.landlords.length; k += 5000) {
      rows.landlords += await insertLandlords(pool, plan.landlords.landlords.slice(k, k + 5000));
    }

    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    let done = 0;
    for (const chunk of propertyChunks(plan, ids, batchSize)) {
      if (failure) break;
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (failure) break;
      const job: Promise<void> = insertChunk(pool, chunk)
        .then((counts) => {
          for (const [table, count] of Object.entries(counts))
            rows[table as keyof typeof rows] += count;
          done += chunk.properties.id.length;
          if (done % (batchSize * 10) === 0 || done === options.properties) {
            log(
              `${done} / ${options.properties} properties (${secondsSince(started).toFixed(1)} s)`,
            );
          }
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
    }
    await Promise.all(inFlight);
    if (failure) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));

    await lock.query(
      'ANALYZE districts, properties, property_addresses, buildings, units, landlords, ownerships',
    );
    let activity: string[] = [];
    if (options.activity ?? true) {
      const activityStart = process.hrtime.bigint();
      const added = await seedActivity(pool, {
        databaseUrl,
        seed,
        now: options.now ?? new Date(),
        photoStorageDir: options.photoStorageDir,
        letterStorageDir: options.letterStorageDir,
        enforcement: options.enforcement,
        log,
      });
      Object.assign(rows, added.rows);
      activity = added.notes;
      log(`activity done in ${secondsSince(activityStart).toFixed(1)} s`);
    }
    return {
      database,
      seed,
      rows,
      seconds: secondsSince(started),
      planted: plan.landlords.planted,
      activity,
    };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    lock.release();
    await pool.end();
  }
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The four boroughs; existing rows of the same name are kept as they are. */
async function ensureDistricts(
  client: PoolClient,
  ids: Random,
  rows: SeedResult['rows'],
): Promise<string[]> {
  const existing = new Map(
    (await client.query<{ id: string; name: string }>('SELECT id, name FROM districts')).rows.map(
      (r) => [r.name, r.id],
    ),
  );
  const result: string[] = [];
  for (const borough of boroughs()) {
    const id = ids.uuid(); // drawn either way, so the id stream does not depend on the database
    const found = existing.get(borough.name);
    if (found) {
      result.push(found);
      continue;
    }
    await client.query(
      `INSERT INTO districts (id, name, outline, source) VALUES ($1, $2, ST_GeomFromText($3, 4326), $4)`,
      [id, borough.name, multiPolygonWkt(borough.ring), DISTRICT_SOURCE],
    );
    rows.districts++;
    result.push(id);
  }
  const invalid = await client.query<{ name: string }>(
    `SELECT name FROM districts WHERE source = $1 AND NOT ST_IsValid(outline)`,
    [DISTRICT_SOURCE],
  );
  if (invalid.rowCount)
    throw new Error(`invalid district outline: ${invalid.rows.map((r) => r.name).join(', ')}`);
  return result;
}

async function insertLandlords(pool: Pool, batch: LandlordRow[]): Promise<number> {
  // directors is text[] per row: passed as JSON, since unnest() cannot take an array of arrays
  // of different lengths.
  const result = await pool.query(
    `INSERT INTO landlords (id, kind, name, register_number, directors, email, phone, postal_street,
                            postal_house_number, postal_postcode, postal_city, undeliverable_note, notes)
     SELECT t.id, t.kind, t.name, t.register_number,
            ARRAY(SELECT jsonb_array_elements_text(t.directors)), t.email, t.phone, t.street,
            t.house_number, t.postcode, t.city, t.undeliverable_note, t.notes
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(id, kind, name, register_number, directors, email, phone, street, house_number, postcode,
              city, undeliverable_note, notes)`,
    [
      batch.map((l) => l.id),
      batch.map((l) => l.kind),
      batch.map((l) => l.name),
      batch.map((l) => l.registerNumber),
      batch.map((l) => JSON.stringify(l.directors)),
      batch.map((l) => l.email),
      batch.map((l) => l.phone),
      batch.map((l) => l.street),
      batch.map((l) => l.houseNumber),
      batch.map((l) => l.postcode),
      batch.map((l) => l.city),
      batch.map((l) => l.undeliverableNote),
      batch.map((l) => l.notes),
    ],
  );
  return result.rowCount ?? 0;
}

/** One batch in one transaction: properties, then what hangs on them. */
async function insertChunk(pool: Pool, c: Chunk) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const run = async (sql: string, params: unknown[]) =>
      (await client.query(sql, params)).rowCount ?? 0;
    const counts = {
      properties: await run(
        `INSERT INTO properties (id, location, parcel_ref, district_id, notes)
         SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326), parcel_ref, district_id, notes
           FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::text[], $5::uuid[], $6::text[])
             AS t(id, lon, lat, parcel_ref, district_id, notes)`,
        [
          c.properties.id,
          c.properties.lon,
          c.properties.lat,
          c.properties.parcelRef,
          c.properties.districtId,
          c.properties.notes,
        ],
      ),
      property_addresses: await run(
        `INSERT INTO property_addresses (id, property_id, street, house_number, postcode, city, district, is_primary, search_text)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[])`,
        [
          c.addresses.id,
          c.addresses.propertyId,
          c.addresses.street,
          c.addresses.houseNumber,
          c.addresses.postcode,
          c.addresses.city,
          c.addresses.district,
          c.addresses.isPrimary,
          c.addresses.searchText,
        ],
      ),
      buildings: await run(
        `INSERT INTO buildings (id, property_id, label, year_built)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[])`,
        [c.buildings.id, c.buildings.propertyId, c.buildings.label, c.buildings.yearBuilt],
      ),
      units: await run(
        `INSERT INTO units (id, building_id, property_id, label, floor, area_m2, rooms)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::numeric[], $7::numeric[])`,
        [
          c.units.id,
          c.units.buildingId,
          c.units.propertyId,
          c.units.label,
          c.units.floor,
          c.units.areaM2,
          c.units.rooms,
        ],
      ),
      ownerships: await run(
        `INSERT INTO ownerships (id, property_id, landlord_id, role, valid_from, valid_to)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[])`,
        [
          c.ownerships.id,
          c.ownerships.propertyId,
          c.ownerships.landlordId,
          c.ownerships.role,
          c.ownerships.validFrom,
          c.ownerships.validTo,
        ],
      ),
    };
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
