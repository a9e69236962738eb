import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { installDefaultLetterTemplates } from '@hausakte/enforcement';
import { installDefaultCatalogue } from '@hausakte/inspections';
import { databaseOptions, ensureDatabase, loadConfig } from '@hausakte/platform';
import { normalizeSearch } from '@hausakte/properties';
import { NRW_BOUNDS, NRW_CITY_BOUNDS, nrwClusters, nrwDistrictSeeds } from './nrw-geography';
import { rebuildReadModels } from './nrw-rebuild';
import { AlreadySeededError } from './seed-city';
import {
  BUSINESS_WORDS,
  FIRST_NAMES,
  GENERIC_STREETS,
  LAST_NAMES,
  MANAGER_WORDS,
  STREET_PHRASES,
  STREET_STEMS,
  STREET_SUFFIXES,
  UNDELIVERABLE_NOTES,
} from './vocabulary';

export interface NrwSeedOptions {
  /** Number of properties (the state holds all of them). */
  properties: number;
  /** Same seed, same state. Default "1". */
  seed?: string | number;
  /** Default: DATABASE_URL (or its default). Created and migrated if needed; must be empty. */
  databaseUrl?: string;
  /** The day the cases, deadlines and visits are laid out around; default today. */
  now?: Date;
  /** Run the risk recompute and the read-model rebuilds at the end. Default true. */
  rebuild?: boolean;
  log?: (line: string) => void;
}

export interface NrwSeedResult {
  database: string;
  seed: string;
  /** Rows per table after seeding. */
  rows: Record<string, number>;
  seconds: number;
  /** Seconds per step. */
  steps: Array<[string, number]>;
  /** What the rebuilds did or why they were left out. */
  notes: string[];
}

export const NRW_DISTRICT_SOURCE =
  'synthetic demo outline (Voronoi cell of a town or Kreis centre), not real geodata';

/** The user the seeded cases, visits and defects are recorded by (cannot sign in). */
export const NRW_SEED_USER = 'landesweit-seed@nrw.example';

/** Large state-wide housing companies (generic names; any likeness to a real firm is coincidence). */
const BIG_COMPANIES = [
  'Rhein-Ruhr Wohnbau AG',
  'Westfalen Wohnen GmbH',
  'Niederrhein Grundbesitz AG',
  'Bergische Wohnstätten GmbH',
  'Emscher Wohnungsgesellschaft mbH',
  'Lippe Wohnwerte GmbH',
  'Sauerland Wohnbau GmbH',
  'Hellweg Immobilien GmbH & Co. KG',
  'Revier Wohnraum AG',
  'Eifel-Rur Wohnen GmbH',
  'Ostwestfalen Heimstätten GmbH',
  'Siegerland Grundbesitz GmbH',
];

/** Large state-wide property managers. */
const BIG_MANAGERS = [
  'NRW Hausverwaltung GmbH',
  'Rhein-Ruhr Immobilienverwaltung GmbH',
  'Westfalen Objektbetreuung GmbH',
  'Niederrhein WEG-Verwaltung GmbH',
  'Revier Immobilienmanagement GmbH',
  'Landes-Hausverwaltung Mitte GmbH',
  'Bergland Verwaltung GmbH',
  'Münsterland Hausverwaltung GmbH',
  'Ruhrtal Facility & Verwaltung GmbH',
  'Domstadt Immobilienverwaltung GmbH',
];

const LEGAL_FORMS = [
  'GmbH',
  'GmbH',
  'GmbH',
  'GmbH & Co. KG',
  'KG',
  'GbR',
  'UG (haftungsbeschränkt)',
];

/** Towns (by index in the clusters: the largest first) with planted landlord networks. */
const NETWORK_TOWNS = 25;

function streetNames(): string[] {
  const names = new Set<string>();
  for (const stem of STREET_STEMS)
    for (const [suffix] of STREET_SUFFIXES) names.add(`${stem}${suffix}`);
  for (const phrase of STREET_PHRASES) names.add(phrase);
  for (const street of GENERIC_STREETS) names.add(street);
  return [...names].sort();
}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** YYYY-MM-DD of the day in Berlin. */
function berlinDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/**
 * Seeds North Rhine-Westphalia at scale: `properties` properties in town-density clusters over
 * the state (NRW_TOWNS by population, a rural share around villages of every Kreis), districts
 * (Voronoi cells of town and Kreis centres), addresses, buildings, units, landlords with
 * portfolios and planted networks, ownerships, and the enforcement data the map filters on:
 * inspections, defects A/B/C, cases in every stage, hearings, orders with items and deadlines
 * (some overdue), threats and fixed fines, closures in every state, planned re-inspections.
 * Everything is set-based SQL in PostgreSQL (`INSERT … SELECT` over `generate_series`), every
 * draw a hash of the seed and the row's key, every id an md5 of the same: the same seed, size
 * and day give the same rows, ids included. Then the risk scores, landlord network links and
 * the map read model are rebuilt (nrw-rebuild.ts).
 */
export async function seedNrw(options: NrwSeedOptions): Promise<NrwSeedResult> {
  const started = process.hrtime.bigint();
  const log = options.log ?? (() => undefined);
  if (!Number.isInteger(options.properties) || options.properties < 1) {
    throw new RangeError('properties must be a whole number ≥ 1');
  }
  if (options.properties > 5_000_000) throw new RangeError('properties must be ≤ 5,000,000');
  const databaseUrl = options.databaseUrl ?? loadConfig(process.env).DATABASE_URL;
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const seed = String(options.seed ?? '1');
  const now = options.now ?? new Date();
  const today = berlinDay(now);

  if (await ensureDatabase(databaseUrl)) log(`created database ${database}`);
  const dataSource = new DataSource({
    ...databaseOptions({ DATABASE_URL: databaseUrl }, 'hausakte-seed'),
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`applied migrations ${applied.map((m) => m.name).join(', ')}`);
    await installDefaultCatalogue(dataSource);
    await installDefaultLetterTemplates(dataSource);
  } finally {
    await dataSource.destroy();
  }

  const client = new Client({ connectionString: databaseUrl, application_name: 'hausakte-seed' });
  await client.connect();
  const steps: Array<[string, number]> = [];
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = process.hrtime.bigint();
    const result = await client.query(sql, params);
    const s = secondsSince(t);
    steps.push([name, s]);
    log(`${name}: ${result.rowCount ?? 0} rows in ${s.toFixed(1)} s`);
    return result;
  };
  try {
    const existing = Number(
      (await client.query<{ n: string }>('SELECT count(*) AS n FROM properties')).rows[0].n,
    );
    if (existing > 0) throw new AlreadySeededError(database, existing);
    // Per session only: this connection's commits need not wait for the disk.
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET work_mem = '128MB'`);

    const S = client.escapeLiteral(`nrw/${seed}/`);
    const { minLon, minLat, maxLon, maxLat } = NRW_BOUNDS;
    // Uniform [0, 1) from the hash of a key; an id from its md5. Both inline into the queries.
    await client.query(`
      CREATE FUNCTION pg_temp.u(k text) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT (hashtextextended(k, 0) & 4503599627370495)::float8 / 4503599627370496.0 $$;
      CREATE FUNCTION pg_temp.uid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT md5(k)::uuid $$;
      CREATE FUNCTION pg_temp.pick(a text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT a[1 + floor(x * cardinality(a))::int] $$;`);

    // ---- the small tables: clusters, street names, districts, the seed user, the catalogue ----
    const clusters = nrwClusters(seed, options.properties);
    await client.query(
      `CREATE TEMP TABLE nrw_cluster AS
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[],
                            $7::float8[], $8::int[], $9::int[], $10::int[], $11::int[])
         AS t(k, kind, place, place_norm, lon, lat, sd_m, postcode, span, n, start)`,
      [
        clusters.map((_, k) => k),
        clusters.map((c) => c.kind),
        clusters.map((c) => c.place),
        clusters.map((c) => normalizeSearch(c.place)),
        clusters.map((c) => c.lon),
        clusters.map((c) => c.lat),
        clusters.map((c) => c.sdM),
        clusters.map((c) => c.postcode),
        clusters.map((c) => c.postcodeSpan),
        clusters.map((c) => c.count),
        clusters.map((c) => c.start),
      ],
    );
    const streets = streetNames();
    await client.query(
      `CREATE TEMP TABLE nrw_street AS
       SELECT (n - 1)::int AS n, name, norm FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(name, norm, n)`,
      [streets, streets.map((s) => normalizeSearch(s))],
    );
    const L = streets.length;

    const seeds = nrwDistrictSeeds();
    await step(
      'districts',
      `WITH seeds AS (
         SELECT pg_temp.uid(${S} || 'district/' || name) AS id, name,
                ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS g
           FROM unnest($1::text[], $2::float8[], $3::float8[]) AS t(name, lon, lat)),
       env AS (SELECT ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326) AS e),
       cells AS (
         SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(g), 0, (SELECT e FROM env)))).geom AS cell
           FROM seeds)
       INSERT INTO districts (id, name, outline, source)
       SELECT s.id, s.name,
              ST_Multi(ST_CollectionExtract(ST_Intersection(c.cell, (SELECT e FROM env)), 3)), $4
         FROM seeds s JOIN cells c ON ST_Contains(c.cell, s.g)`,
      [
        seeds.map((s) => s.name),
        seeds.map((s) => s.lon),
        seeds.map((s) => s.lat),
        NRW_DISTRICT_SOURCE,
      ],
    );
    await client.query(
      `CREATE TEMP TABLE nrw_district AS
       SELECT d.id, d.name, t.norm FROM districts d JOIN unnest($1::text[], $2::text[]) AS t(name, norm)
         ON t.name = d.name WHERE d.source = $3`,
      [seeds.map((s) => s.name), seeds.map((s) => normalizeSearch(s.name)), NRW_DISTRICT_SOURCE],
    );
    await client.query(
      `INSERT INTO users (id, email, display_name, role, password_hash, active)
       VALUES (pg_temp.uid(${S} || 'user'), $1, 'Landesweiter Testbestand', 'officer', '!', false)
       ON CONFLICT DO NOTHING`,
      [NRW_SEED_USER],
    );
    await client.query(`CREATE TEMP TABLE nrw_user AS SELECT id FROM users WHERE email = $1`, [
      NRW_SEED_USER,
    ]);
    // The current version of each entry of the catalogue, per severity, numbered from 0.
    await client.query(`
      CREATE TEMP TABLE nrw_cat AS
      SELECT severity, (row_number() OVER (PARTITION BY severity ORDER BY code) - 1)::int AS n,
             id, title_de, count(*) OVER (PARTITION BY severity)::int AS of
        FROM (SELECT DISTINCT ON (code) * FROM catalogue_items WHERE NOT retired
               ORDER BY code, version DESC) c`);
    const catalogue = await client.query<{ severity: string; of: number }>(
      'SELECT DISTINCT severity, of FROM nrw_cat',
    );
    if (catalogue.rowCount !== 3) throw new Error('the defect catalogue lacks a severity');

    // ---- properties ----
    // Where each property lies: its cluster's centre plus a normal offset (60 % in the core,
    // the rest in a halo 2.4 times as wide), clamped into the bounds; its district is the
    // Voronoi cell it falls in.
    await step(
      'plan properties',
      `CREATE TEMP TABLE nrw_p AS
       SELECT q.*, (SELECT d.id FROM nrw_district nd JOIN districts d ON d.id = nd.id
                     WHERE ST_Intersects(d.outline, ST_SetSRID(ST_MakePoint(q.lon, q.lat), 4326))
                     LIMIT 1) AS district_id
         FROM (
           SELECT i, c.k, c.kind, c.place, c.place_norm, c.n AS cn, c.postcode AS cpost, c.span,
                  pg_temp.uid(${S} || 'p/' || i) AS id,
                  round(least(${maxLon - 0.001}, greatest(${minLon + 0.001},
                    c.lon + g.r * sin(g.a) / (111320 * cos(radians(c.lat)))))::numeric, 6)::float8 AS lon,
                  round(least(${maxLat - 0.001}, greatest(${minLat + 0.001},
                    c.lat + g.r * cos(g.a) / 111200))::numeric, 6)::float8 AS lat,
                  floor(pg_temp.u(${S} || 'sj/' || i) * greatest(3, ceil(c.n / 55.0)))::int AS street_j
             FROM nrw_cluster c
             CROSS JOIN LATERAL generate_series(c.start, c.start + c.n - 1) AS i
             CROSS JOIN LATERAL (
               SELECT c.sd_m * CASE WHEN pg_temp.u(${S} || 'h/' || i) < 0.6 THEN 1 ELSE 2.4 END
                        * sqrt(-2 * ln(1 - pg_temp.u(${S} || 'ra/' || i))) AS r,
                      2 * pi() * pg_temp.u(${S} || 'rb/' || i) AS a) g
         ) q`,
    );
    await client.query('CREATE INDEX ON nrw_p (i)');
    await client.query('ANALYZE nrw_p');
    await step(
      'properties',
      `INSERT INTO properties (id, location, parcel_ref, district_id, notes)
       SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326),
              CASE WHEN pg_temp.u(${S} || 'pr0/' || i) < 0.03 THEN NULL
                   ELSE 'Gemarkung ' || place || ', Flur ' || (1 + floor(pg_temp.u(${S} || 'fl/' || i) * 40))::int
                        || ', Flurstück ' || (1 + floor(pg_temp.u(${S} || 'fs/' || i) * 900))::int END,
              district_id, NULL
         FROM nrw_p ORDER BY i`,
    );
    await step(
      'property_addresses',
      `INSERT INTO property_addresses (id, property_id, street, house_number, postcode, city, district, is_primary, search_text)
       SELECT pg_temp.uid(${S} || 'a/' || p.i), p.id, st.name, hn.v, pc.v, p.place, d.name, true,
              st.norm || ' ' || hn.v || ' ' || pc.v || ' ' || p.place_norm || ' ' || d.norm
         FROM nrw_p p
         JOIN nrw_district d ON d.id = p.district_id
         CROSS JOIN LATERAL (SELECT (1 + floor(pg_temp.u(${S} || 'hn/' || p.i) * 160))::int::text
                  || CASE WHEN pg_temp.u(${S} || 'hl/' || p.i) < 0.045 THEN 'a' ELSE '' END AS v) hn
         CROSS JOIN LATERAL (SELECT lpad((p.cpost + floor(pg_temp.u(${S} || 'sp/' || p.k || '/' || p.street_j) * p.span))::int::text, 5, '0') AS v) pc
         JOIN nrw_street st ON st.n = floor(pg_temp.u(${S} || 'sn/' || p.k || '/' || p.street_j) * ${L})::int`,
    );
    await step(
      'buildings',
      `INSERT INTO buildings (id, property_id, label, year_built)
       SELECT pg_temp.uid(${S} || 'b/' || p.i || '/' || b), p.id,
              CASE WHEN nb = 1 THEN 'Hauptgebäude' WHEN b = 1 THEN 'Vorderhaus' ELSE 'Hinterhaus' END,
              CASE WHEN pg_temp.u(${S} || 'y0/' || p.i || '/' || b) < 0.04 THEN NULL
                   ELSE 1880 + floor(pg_temp.u(${S} || 'y/' || p.i || '/' || b) ^ 1.3 * 145)::int END
         FROM nrw_p p
         CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.u(${S} || 'nb/' || p.i) < 0.08 THEN 2 ELSE 1 END AS nb) x
         CROSS JOIN LATERAL generate_series(1, x.nb) AS b`,
    );
    // Units: half single-family houses, 25 % 2–3 flats, 20 % 4–6, 5 % 7–12, in the first building.
    await step(
      'units',
      `INSERT INTO units (id, building_id, property_id, label, floor, area_m2, rooms)
       SELECT pg_temp.uid(${S} || 'u/' || p.i || '/' || j), pg_temp.uid(${S} || 'b/' || p.i || '/1'), p.id,
              CASE WHEN x.nu = 1 THEN 'EG'
                   ELSE CASE WHEN (j - 1) / 2 = 0 THEN 'EG' ELSE ((j - 1) / 2) || '. OG' END
                        || CASE WHEN j % 2 = 1 THEN ' links' ELSE ' rechts' END END,
              (j - 1) / 2,
              round((25 + pg_temp.u(${S} || 'ar/' || p.i || '/' || j) * 115)::numeric, 1),
              (2 + floor(pg_temp.u(${S} || 'ro/' || p.i || '/' || j) * 9)) / 2.0
         FROM nrw_p p
         CROSS JOIN LATERAL (SELECT pg_temp.u(${S} || 'nu/' || p.i) AS v) r
         CROSS JOIN LATERAL (SELECT CASE WHEN r.v < 0.50 THEN 1
                                         WHEN r.v < 0.75 THEN 2 + floor((r.v - 0.50) / 0.25 * 2)::int
                                         WHEN r.v < 0.95 THEN 4 + floor((r.v - 0.75) / 0.20 * 3)::int
                                         ELSE 7 + floor((r.v - 0.95) / 0.05 * 6)::int END AS nu) x
         CROSS JOIN LATERAL generate_series(1, x.nu) AS j`,
    );

    // ---- who holds what ----
    // Each property's current owner is a key: big:<c> (state-wide companies), coop:<k>:<x>,
    // net:<k>:<m> (a planted network in town k), netdir:<k> (its director, privately), firm:<k>:<x>,
    // person:<k>:<x> (with spouse:<k>:<x> as joint owner). Landlords are the distinct keys.
    await step(
      'plan ownerships',
      `CREATE TEMP TABLE nrw_own AS
       WITH o AS (
         SELECT p.i, p.id AS property_id, p.k, p.kind, p.cn,
                pg_temp.u(${S} || 'o/' || p.i) AS uo, pg_temp.u(${S} || 'o2/' || p.i) AS uo2,
                DATE '1985-01-01' + floor(pg_temp.u(${S} || 'f/' || p.i) * 14600)::int AS since
           FROM nrw_p p),
       k AS (
         SELECT o.*,
                CASE WHEN uo < 0.07 THEN 'big:' || floor(12 * uo2 ^ 2)::int
                     WHEN uo < 0.085 AND kind = 'town' THEN 'coop:' || k || ':' || floor(uo2 * (1 + cn / 40000))::int
                     WHEN uo < 0.10 AND kind = 'town' AND k < ${NETWORK_TOWNS}
                       THEN 'net:' || k || ':' || floor(uo2 * (3 + k % 3))::int
                     WHEN uo < 0.1008 AND kind = 'town' AND k < ${NETWORK_TOWNS} THEN 'netdir:' || k
                     WHEN uo < 0.22 THEN 'firm:' || k || ':' || floor(greatest(1, cn / 45.0) * uo2 ^ 1.5)::int
                     ELSE 'person:' || k || ':' || floor(greatest(1, cn * 0.78 / 7) * uo2 ^ 1.25)::int
                END AS owner
           FROM o)
       SELECT i, property_id, owner AS key,
              CASE WHEN owner LIKE 'person:%' AND pg_temp.u(${S} || 'j/' || i) < 0.2 THEN 'joint_owner' ELSE 'owner' END AS role,
              since AS valid_from, NULL::date AS valid_to, 1 AS seq
         FROM k
       UNION ALL
       SELECT i, property_id, replace(owner, 'person:', 'spouse:'), 'joint_owner', since, NULL, 2
         FROM k WHERE owner LIKE 'person:%' AND pg_temp.u(${S} || 'j/' || i) < 0.2
       UNION ALL
       -- 15 % have a past owner; in a network, mostly another member (passed around inside it).
       SELECT i, property_id,
              CASE WHEN owner LIKE 'net:%' AND pg_temp.u(${S} || 'qn/' || i) < 0.6
                     THEN 'net:' || k || ':' || ((split_part(owner, ':', 3)::int + 1) % (3 + k % 3))
                   ELSE 'person:' || k || ':' || floor(greatest(1, cn * 0.78 / 7) * pg_temp.u(${S} || 'q2/' || i) ^ 1.25)::int END,
              'owner', since - 1 - floor(pg_temp.u(${S} || 'qd/' || i) * 9000)::int, since - 1, 3
         FROM k WHERE pg_temp.u(${S} || 'q/' || i) < 0.15
       UNION ALL
       -- Managers: every network property by the network's manager; 30 % of the others (not the
       -- big companies, which manage their own) by a state-wide or a local manager.
       SELECT i, property_id,
              CASE WHEN owner LIKE 'net:%' THEN 'netmgr:' || k
                   WHEN pg_temp.u(${S} || 'm/' || i) < 0.12 THEN 'mgr:' || floor(10 * pg_temp.u(${S} || 'm2/' || i) ^ 2)::int
                   ELSE 'lmgr:' || k || ':' || floor(pg_temp.u(${S} || 'm2/' || i) * (1 + cn / 6000))::int END,
              'manager',
              since + floor(pg_temp.u(${S} || 'md/' || i) * greatest(0, DATE '2025-06-01' - since))::int, NULL, 4
         FROM k WHERE owner LIKE 'net:%' OR (owner NOT LIKE 'big:%' AND pg_temp.u(${S} || 'm/' || i) < 0.30)`,
    );
    await client.query('ANALYZE nrw_own');

    // The landlords: names, directors, register numbers and postal addresses from their keys.
    // Spouses share the partner's address; network members, their director and (as planted
    // patterns) firms 0–2 of each of the first towns share one address; firms 3–5 there one
    // director.
    await step(
      'landlords',
      `INSERT INTO landlords (id, kind, name, register_number, directors, email, phone, postal_street,
                              postal_house_number, postal_postcode, postal_city, undeliverable_note)
       SELECT pg_temp.uid(${S} || 'l/' || o.key), a.kind, n.name, n.reg, n.directors,
              CASE WHEN a.kind = 'company' THEN 'kontakt-' || left(md5(o.key), 10) || '@firma.example' END,
              NULL, CASE WHEN a.noaddr THEN NULL ELSE st.name END,
              CASE WHEN a.noaddr THEN NULL ELSE (1 + floor(pg_temp.u(${S} || 'lhn/' || a.ak) * 140))::int::text END,
              CASE WHEN a.noaddr THEN NULL ELSE lpad((c.postcode + floor(pg_temp.u(${S} || 'lpc/' || a.ak) * c.span))::int::text, 5, '0') END,
              CASE WHEN a.noaddr THEN NULL ELSE c.place END,
              CASE WHEN NOT a.noaddr AND a.kind = 'person' AND pg_temp.u(${S} || 'ud/' || o.key) < 0.015
                   THEN pg_temp.pick($5::text[], pg_temp.u(${S} || 'udn/' || key)) END
         FROM (SELECT DISTINCT key FROM nrw_own) o
         CROSS JOIN LATERAL (SELECT split_part(key, ':', 1) AS t,
                                    nullif(split_part(key, ':', 2), '')::int AS k,
                                    nullif(split_part(key, ':', 3), '')::int AS x) p
         CROSS JOIN LATERAL (SELECT
             CASE WHEN p.t IN ('person', 'spouse', 'netdir') THEN 'person' ELSE 'company' END AS kind,
             pg_temp.pick($1::text[], pg_temp.u(${S} || 'fn/' || key)) || ' ' ||
               pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/' || replace(key, 'spouse:', 'person:'))) AS person_name,
             pg_temp.pick($1::text[], pg_temp.u(${S} || 'fn/netdir:' || p.k)) || ' ' ||
               pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/netdir:' || p.k)) AS net_director,
             pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/netdir:' || p.k)) AS net_director_last,
             pg_temp.pick($1::text[], pg_temp.u(${S} || 'fn/d/' || key)) || ' ' ||
               chr(65 + floor(pg_temp.u(${S} || 'mi/d/' || key) * 26)::int) || '. ' ||
               pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/d/' || key)) AS director,
             pg_temp.pick($1::text[], pg_temp.u(${S} || 'fn/sd/' || p.k)) || ' ' ||
               pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/sd/' || p.k)) AS shared_director,
             CASE WHEN p.t IN ('big', 'mgr') THEN floor(pg_temp.u(${S} || 'ac/' || key) * 10)::int ELSE p.k END AS ck,
             CASE WHEN p.t = 'spouse' THEN replace(key, 'spouse:', 'person:')
                  WHEN p.t IN ('net', 'netdir') THEN 'netaddr:' || p.k
                  WHEN p.t = 'firm' AND p.k < 10 AND p.x < 3 THEN 'svc:' || p.k
                  ELSE key END AS ak,
             p.t IN ('person', 'firm') AND pg_temp.u(${S} || 'na/' || replace(key, 'spouse:', 'person:')) < 0.01 AS noaddr) a
         JOIN nrw_cluster c ON c.k = a.ck
         JOIN nrw_street st ON st.n = floor(pg_temp.u(${S} || 'lst/' || a.ak) * ${L})::int
         CROSS JOIN LATERAL (SELECT
             CASE p.t
               WHEN 'person' THEN a.person_name
               WHEN 'spouse' THEN a.person_name
               WHEN 'netdir' THEN a.net_director
               WHEN 'big' THEN ($3::text[])[1 + p.k]
               WHEN 'mgr' THEN ($4::text[])[1 + p.k]
               WHEN 'coop' THEN CASE WHEN p.x = 0 THEN 'Bauverein ' || c.place || ' eG'
                                     ELSE 'Wohnungsgenossenschaft ' || c.place || ' ' || p.x || ' eG' END
               WHEN 'net' THEN CASE WHEN p.x < 2 THEN pg_temp.pick($6::text[], pg_temp.u(${S} || 'nn/' || p.k))
                                                      || ' Objekt ' || (p.x + 1) || ' GmbH'
                                    ELSE pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/f/' || key)) || ' '
                                         || pg_temp.pick($7::text[], pg_temp.u(${S} || 'bw/' || key)) || ' GmbH' END
               WHEN 'netmgr' THEN 'Hausverwaltung ' || a.net_director_last || ' GmbH'
               WHEN 'lmgr' THEN pg_temp.pick($8::text[], pg_temp.u(${S} || 'mw/' || key)) || ' '
                                || pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/f/' || key)) || ' ' || c.place || ' GmbH'
               ELSE CASE WHEN pg_temp.u(${S} || 'fk/' || key) < 0.5
                           THEN pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/f/' || key))
                           ELSE c.place END
                    || ' ' || pg_temp.pick($7::text[], pg_temp.u(${S} || 'bw/' || key)) || ' '
                    || pg_temp.pick($9::text[], pg_temp.u(${S} || 'lf/' || key))
                    || CASE WHEN p.x > 0 AND pg_temp.u(${S} || 'fx/' || key) < 0.5 THEN ' ' || p.x ELSE '' END
             END AS name,
             CASE p.t
               WHEN 'big' THEN 'HRB ' || (3000 + p.k * 7)
               WHEN 'mgr' THEN 'HRB ' || (5000 + p.k * 11)
               WHEN 'coop' THEN 'GnR ' || (100 + p.k * 3 + p.x)
               WHEN 'net' THEN 'HRB ' || (40000 + p.k * 10 + p.x)
               WHEN 'netmgr' THEN 'HRB ' || (60000 + p.k)
               WHEN 'lmgr' THEN 'HRB ' || (70000 + floor(pg_temp.u(${S} || 'rg/' || key) * 20000)::int)
               WHEN 'firm' THEN CASE WHEN pg_temp.u(${S} || 'rg0/' || key) < 0.15 THEN NULL
                                     ELSE 'HRB ' || (10000 + floor(pg_temp.u(${S} || 'rg/' || key) * 30000)::int) END
             END AS reg,
             CASE
               WHEN p.t = 'net' AND p.x = 2 + p.k % 3
                 THEN ARRAY[a.net_director, pg_temp.pick($1::text[], pg_temp.u(${S} || 'fn/n2/' || p.k)) || ' '
                                            || pg_temp.pick($2::text[], pg_temp.u(${S} || 'ln/n2/' || p.k))]
               WHEN p.t IN ('net', 'netmgr') THEN ARRAY[a.net_director]
               WHEN p.t = 'firm' AND p.k < 10 AND p.x BETWEEN 3 AND 5 THEN ARRAY[a.shared_director]
               WHEN p.t IN ('person', 'spouse', 'netdir') THEN ARRAY[]::text[]
               ELSE ARRAY[a.director]
             END AS directors) n`,
      [
        FIRST_NAMES,
        LAST_NAMES,
        BIG_COMPANIES,
        BIG_MANAGERS,
        UNDELIVERABLE_NOTES,
        ['Rheinblick', 'Ruhrbogen', 'Emschertal', 'Westfalenpark', 'Hellwegblick', 'Lippeaue'],
        BUSINESS_WORDS,
        MANAGER_WORDS,
        LEGAL_FORMS,
      ],
    );
    await step(
      'ownerships',
      `INSERT INTO ownerships (id, property_id, landlord_id, role, valid_from, valid_to)
       SELECT pg_temp.uid(${S} || 'own/' || i || '/' || seq), property_id, pg_temp.uid(${S} || 'l/' || key),
              role, valid_from, valid_to
         FROM nrw_own ORDER BY i, seq`,
    );

    // ---- enforcement: visits, defects, cases and what follows from them ----
    // About 6 % of the properties (more in towns, fewer in villages) had a done visit with
    // defects in the last two years; 40 % of those have a case, 85 % of the cases open, in a
    // stage drawn per case (the stages of docs/api/map.md): investigation 20 %, hearing 18 %,
    // ordered (order drafted or issued) 10 %, monitoring (order served, deadlines running or
    // met) 42 %, enforcing (an item not complied with, a fine fixed) 10 %. Dates run backwards
    // from the day the order was served.
    await step(
      'plan cases',
      `CREATE TEMP TABLE nrw_c AS
       WITH pb AS (
         SELECT p.i, p.id AS property_id
           FROM nrw_p p
          WHERE pg_temp.u(${S} || 'ins/' || p.i) < CASE WHEN p.kind = 'town' THEN 0.068 ELSE 0.04 END),
       d AS (
         SELECT pb.*,
                CASE WHEN pg_temp.u(${S} || 'nd0/' || i) < 0.12 THEN 0
                     ELSE 1 + floor(pg_temp.u(${S} || 'nd/' || i) ^ 1.8 * 6)::int END AS defects,
                pg_temp.u(${S} || 'case/' || i) < 0.4 AS has_case,
                pg_temp.u(${S} || 'cst/' || i) < 0.85 AS open,
                pg_temp.u(${S} || 'stg/' || i) AS s,
                DATE '${today}' - 1 - floor(pg_temp.u(${S} || 'nt/' || i) ^ 1.5 * 180)::int AS served
           FROM pb)
       SELECT d.*,
              CASE WHEN NOT has_case OR defects = 0 THEN 'none'
                   WHEN NOT open THEN 'closed'
                   WHEN s < 0.20 THEN 'investigation'
                   WHEN s < 0.38 THEN 'hearing'
                   WHEN s < 0.48 THEN 'ordered'
                   WHEN s < 0.90 THEN 'monitoring'
                   ELSE 'enforcing' END AS stage
         FROM d`,
    );
    await client.query(`
      UPDATE nrw_c SET served = least(served, DATE '${today}' - 100) WHERE stage = 'enforcing';
      UPDATE nrw_c SET served = DATE '${today}' + 5 WHERE stage = 'ordered';
      UPDATE nrw_c SET served = least(served, DATE '${today}' - 130) WHERE stage = 'closed';
      ALTER TABLE nrw_c ADD COLUMN opened date, ADD COLUMN visited timestamptz, ADD COLUMN closure text;
      UPDATE nrw_c SET
        opened = CASE WHEN stage IN ('investigation', 'hearing')
                        THEN DATE '${today}' - 25 - floor(pg_temp.u(${S} || 'op/' || i) * 60)::int
                      WHEN stage = 'closed' THEN served - 200 ELSE served - 45 END,
        closure = CASE WHEN stage IN ('monitoring', 'enforcing', 'closed')
                        AND pg_temp.u(${S} || 'cl/' || i) < 0.06 THEN
                    CASE WHEN stage = 'closed' THEN 'released'
                         ELSE (ARRAY['declared', 'vacated', 'sealed', 'released'])[
                           1 + floor(pg_temp.u(${S} || 'cls/' || i) * 4)::int] END END;
      UPDATE nrw_c SET visited = CASE WHEN stage = 'none'
                        THEN TIMESTAMPTZ '${today} 10:00 Europe/Berlin' - (1 + floor(pg_temp.u(${S} || 'vd/' || i) * 700)) * interval '1 day'
                        ELSE (opened - 7 - floor(pg_temp.u(${S} || 'vd/' || i) * 30)::int) + TIME '10:00' END;
      CREATE INDEX ON nrw_c (i); ANALYZE nrw_c;`);
    await step(
      'inspections (done)',
      `INSERT INTO inspections (id, property_id, kind, status, scheduled_at, reason, planned_by, completed_at,
                                completed_by, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'ins/' || c.i), c.property_id,
              (ARRAY['initial', 'initial', 'initial', 'complaint', 'complaint', 'joint'])[1 + floor(pg_temp.u(${S} || 'ik/' || c.i) * 6)::int],
              'done', c.visited, NULL, u.id, c.visited + interval '75 minutes', u.id, c.visited - interval '14 days', c.visited
         FROM nrw_c c, nrw_user u`,
    );
    await step(
      'defects',
      `INSERT INTO defects (id, property_id, inspection_id, unit_id, room, catalogue_item_id, severity, description,
                            status, status_changed_at, created_by, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'd/' || c.i || '/' || dn), c.property_id, pg_temp.uid(${S} || 'ins/' || c.i),
              pg_temp.uid(${S} || 'u/' || c.i || '/1'), NULL, cat.id, sv.severity, cat.title_de,
              st.status, c.visited + interval '1 hour', u.id, c.visited + interval '1 hour', c.visited + interval '1 hour'
         FROM nrw_c c
         CROSS JOIN nrw_user u
         CROSS JOIN LATERAL generate_series(1, c.defects) AS dn
         CROSS JOIN LATERAL (SELECT pg_temp.u(${S} || 'sv/' || c.i || '/' || dn) AS v) r
         CROSS JOIN LATERAL (SELECT CASE WHEN r.v < 0.40 THEN 'A' WHEN r.v < 0.85 THEN 'B' ELSE 'C' END AS severity) sv
         CROSS JOIN LATERAL (SELECT pg_temp.u(${S} || 'ds/' || c.i || '/' || dn) AS v) ds
         CROSS JOIN LATERAL (SELECT CASE
              WHEN c.stage = 'closed' OR c.closure = 'released' THEN 'verified'
              WHEN c.stage = 'none' THEN CASE WHEN ds.v < 0.62 THEN 'open' WHEN ds.v < 0.75 THEN 'reported_done'
                                              WHEN ds.v < 0.95 THEN 'verified' ELSE 'not_remedied' END
              WHEN c.stage = 'enforcing' THEN CASE WHEN ds.v < 0.5 THEN 'not_remedied' ELSE 'open' END
              ELSE CASE WHEN ds.v < 0.9 THEN 'open' ELSE 'reported_done' END END AS status) st
         JOIN nrw_cat cat ON cat.severity = sv.severity
                         AND cat.n = floor(pg_temp.u(${S} || 'ci/' || c.i || '/' || dn) * cat.of)::int`,
    );
    // A done re-inspection checked the defects that are verified or not remedied.
    await step(
      'inspections (re-inspections done)',
      `INSERT INTO inspections (id, property_id, kind, status, scheduled_at, planned_by, completed_at, completed_by,
                                follows_inspection_id, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'rin/' || c.i), c.property_id, 'reinspection', 'done', x.at, u.id,
              x.at + interval '40 minutes', u.id, pg_temp.uid(${S} || 'ins/' || c.i), c.visited, x.at
         FROM nrw_c c CROSS JOIN nrw_user u
         CROSS JOIN LATERAL (SELECT c.visited + least(interval '60 days',
                   (TIMESTAMPTZ '${today} 08:00 Europe/Berlin' - c.visited) / 2) AS at) x
        WHERE EXISTS (SELECT 1 FROM defects d WHERE d.property_id = c.property_id
                         AND d.status IN ('verified', 'not_remedied'))`,
    );
    await step(
      'defect_checks',
      `INSERT INTO defect_checks (inspection_id, defect_id, result)
       SELECT pg_temp.uid(${S} || 'rin/' || c.i), d.id,
              CASE WHEN d.status = 'verified' THEN 'remedied' ELSE 'not_remedied' END
         FROM nrw_c c JOIN defects d ON d.property_id = c.property_id
        WHERE d.status IN ('verified', 'not_remedied')`,
    );
    await step(
      'cases',
      `INSERT INTO cases (id, reference, property_id, status, officer_id, closed_at, close_reason, created_by,
                          created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'case/' || c.i),
              'WA-' || extract(year FROM c.opened) || '-' || row_number() OVER (ORDER BY c.i),
              c.property_id, CASE WHEN c.stage = 'closed' THEN 'closed' ELSE 'open' END, u.id,
              CASE WHEN c.stage = 'closed' THEN (c.served + 120) + TIME '12:00' END,
              CASE WHEN c.stage = 'closed' THEN 'Mängel beseitigt, Nachkontrolle ohne Befund.' END,
              u.id, c.opened + TIME '09:00', c.opened + TIME '09:00'
         FROM nrw_c c, nrw_user u WHERE c.stage <> 'none'`,
    );
    await step(
      'case_defects',
      `INSERT INTO case_defects (defect_id, case_id)
       SELECT d.id, pg_temp.uid(${S} || 'case/' || c.i)
         FROM nrw_c c JOIN defects d ON d.property_id = c.property_id WHERE c.stage <> 'none'`,
    );
    // The owner in charge, as the hearings' and orders' addressee.
    const addressee = `jsonb_build_array(jsonb_build_object(
         'landlordId', l.id, 'role', 'owner', 'kind', l.kind, 'name', l.name, 'directors', to_jsonb(l.directors),
         'postalAddress', CASE WHEN l.postal_street IS NULL THEN NULL ELSE jsonb_build_object(
           'street', l.postal_street, 'houseNumber', l.postal_house_number, 'postcode', l.postal_postcode,
           'city', l.postal_city, 'country', l.postal_country) END))`;
    await step(
      'hearings',
      `INSERT INTO hearings (id, case_id, status, reply_days, addressees, delivery, notified_on, reply_due_on,
                             sent_at, closed_at, close_note, created_by, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'hr/' || c.i), pg_temp.uid(${S} || 'case/' || c.i), h.status, 14,
              CASE WHEN h.status <> 'draft' THEN ${addressee} END,
              CASE WHEN h.status <> 'draft' THEN jsonb_build_object('method', 'ordinary_post', 'postedOn', h.posted) END,
              CASE WHEN h.status <> 'draft' THEN h.posted + 4 END,
              CASE WHEN h.status <> 'draft' THEN h.posted + 18 END,
              CASE WHEN h.status <> 'draft' THEN h.posted + TIME '11:00' END,
              CASE WHEN h.status = 'closed' THEN (h.posted + 20) + TIME '11:00' END,
              CASE WHEN h.status = 'closed' THEN 'Frist abgelaufen, Anordnung folgt.' END,
              u.id, (c.opened + 2) + TIME '10:00', (c.opened + 2) + TIME '10:00'
         FROM nrw_c c CROSS JOIN nrw_user u
         JOIN ownerships o ON o.id = pg_temp.uid(${S} || 'own/' || c.i || '/1')
         JOIN landlords l ON l.id = o.landlord_id
         CROSS JOIN LATERAL (SELECT
             CASE WHEN c.stage = 'hearing' THEN CASE WHEN pg_temp.u(${S} || 'hd/' || c.i) < 0.2 THEN 'draft' ELSE 'sent' END
                  ELSE 'closed' END AS status,
             CASE WHEN c.stage = 'hearing' THEN c.opened + 5 ELSE c.served - 35 END AS posted) h
        WHERE c.stage NOT IN ('none', 'investigation')`,
    );
    await step(
      'orders',
      `INSERT INTO orders (id, case_id, kind, status, hearing_id, addressees, issued_at, delivery, notified_on,
                           notified_at, notification_rule, challenge_ends_on, suit_filed_on, closed_at,
                           created_by, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'or/' || c.i), pg_temp.uid(${S} || 'case/' || c.i),
              CASE WHEN c.closure IS NOT NULL THEN 'uninhabitability' ELSE 'repair' END,
              x.status, pg_temp.uid(${S} || 'hr/' || c.i), ${addressee},
              CASE WHEN x.status = 'issued' THEN (DATE '${today}' - 1) + TIME '10:00'
                   WHEN x.status <> 'draft' THEN (c.served - 4) + TIME '10:00' END,
              CASE WHEN x.served THEN jsonb_build_object('method', 'ordinary_post', 'postedOn', c.served - 4) END,
              CASE WHEN x.served THEN c.served END, CASE WHEN x.served THEN c.served + TIME '00:00' END,
              CASE WHEN x.served THEN 'notification.post.fourth_day' END,
              CASE WHEN x.served THEN (c.served + interval '1 month')::date END,
              CASE WHEN x.challenged THEN c.served + 20 END,
              CASE WHEN c.stage = 'closed' THEN (c.served + 110) + TIME '12:00' END,
              u.id, least(DATE '${today}' - 1, c.served - 6) + TIME '10:00',
              least(DATE '${today}' - 1, c.served - 4) + TIME '10:00'
         FROM nrw_c c CROSS JOIN nrw_user u
         JOIN ownerships o ON o.id = pg_temp.uid(${S} || 'own/' || c.i || '/1')
         JOIN landlords l ON l.id = o.landlord_id
         CROSS JOIN LATERAL (SELECT c.stage = 'monitoring' AND pg_temp.u(${S} || 'ch/' || c.i) < 0.08
                                    AND c.served > DATE '${today}' - 25 AS challenged) y
         CROSS JOIN LATERAL (SELECT
             CASE WHEN c.stage = 'closed' THEN 'closed' WHEN y.challenged THEN 'challenged'
                  WHEN c.stage = 'ordered' THEN CASE WHEN pg_temp.u(${S} || 'od/' || c.i) < 0.5 THEN 'draft' ELSE 'issued' END
                  ELSE 'served' END AS status,
             c.stage <> 'ordered' AS served, y.challenged) x
        WHERE c.stage IN ('ordered', 'monitoring', 'enforcing', 'closed')`,
    );
    // One item per defect (up to three), due by the severity's default period from service
    // (no due date before service). Monitoring: 30 % of the cases have every item complied with
    // (a re-inspection planned), in the others past-due items are complied with (60 %) or still
    // open (overdue); enforcing: the first item escalated, the others not complied with.
    await step(
      'order_items',
      `INSERT INTO order_items (id, order_id, number, requirement, status, period_unit, period_amount, period_source,
                                due_on, due_at, status_changed_at, status_reason)
       SELECT pg_temp.uid(${S} || 'it/' || c.i || '/' || n), pg_temp.uid(${S} || 'or/' || c.i), n,
              'Mangel beseitigen: ' || d.description, st.status,
              CASE d.severity WHEN 'C' THEN 'hours' ELSE 'days' END,
              CASE d.severity WHEN 'C' THEN 24 WHEN 'B' THEN 30 ELSE 90 END,
              'severity_default', CASE WHEN c.stage <> 'ordered' THEN due.d END,
              CASE WHEN c.stage <> 'ordered' THEN due.at END,
              CASE WHEN st.status <> 'open' THEN least(due.d, DATE '${today}') + TIME '12:00' END,
              CASE WHEN st.status = 'not_complied' THEN 'Nachkontrolle: Mangel nicht beseitigt.' END
         FROM nrw_c c
         CROSS JOIN LATERAL generate_series(1, least(3, c.defects)) AS n
         JOIN defects d ON d.id = pg_temp.uid(${S} || 'd/' || c.i || '/' || n)
         CROSS JOIN LATERAL (SELECT CASE d.severity WHEN 'C' THEN c.served + 1 WHEN 'B' THEN c.served + 30 ELSE c.served + 90 END AS d,
                                    CASE WHEN d.severity = 'C' THEN (c.served + 1) + TIME '00:00' END AS at) due
         CROSS JOIN LATERAL (SELECT CASE
              WHEN c.stage = 'closed' THEN 'closed'
              WHEN c.stage = 'ordered' THEN 'open'
              WHEN c.stage = 'monitoring' AND pg_temp.u(${S} || 'mc/' || c.i) < 0.3 THEN 'complied'
              WHEN c.stage = 'enforcing' THEN CASE WHEN n = 1 THEN 'escalated' ELSE 'not_complied' END
              WHEN due.d < DATE '${today}' AND pg_temp.u(${S} || 'ic/' || c.i || '/' || n) < 0.6 THEN 'complied'
              ELSE 'open' END AS status) st
        WHERE c.stage IN ('ordered', 'monitoring', 'enforcing', 'closed')`,
    );
    await step(
      'order_item_defects',
      `INSERT INTO order_item_defects (item_id, defect_id)
       SELECT pg_temp.uid(${S} || 'it/' || c.i || '/' || n), pg_temp.uid(${S} || 'd/' || c.i || '/' || n)
         FROM nrw_c c CROSS JOIN LATERAL generate_series(1, least(3, c.defects)) AS n
        WHERE c.stage IN ('ordered', 'monitoring', 'enforcing', 'closed')`,
    );
    await step(
      'order_item_threats',
      `INSERT INTO order_item_threats (id, item_id, measure, amount_cents, threatened_in, threatened_on)
       SELECT pg_temp.uid(${S} || 'th/' || c.i), pg_temp.uid(${S} || 'it/' || c.i || '/1'), 'coercive_fine',
              (5 + floor(pg_temp.u(${S} || 'fa/' || c.i) * 20)::int) * 10000, 'order', c.served - 4
         FROM nrw_c c WHERE c.stage = 'enforcing'`,
    );
    await step(
      'order_item_fixings',
      `INSERT INTO order_item_fixings (id, item_id, threat_id, measure, amount_cents, fixed_on, created_by)
       SELECT pg_temp.uid(${S} || 'fx/' || c.i), pg_temp.uid(${S} || 'it/' || c.i || '/1'), t.id, t.measure,
              t.amount_cents, least(DATE '${today}', c.served + 40), u.id
         FROM nrw_c c CROSS JOIN nrw_user u JOIN order_item_threats t ON t.id = pg_temp.uid(${S} || 'th/' || c.i)
        WHERE c.stage = 'enforcing'`,
    );
    await step(
      'closures',
      `INSERT INTO closures (id, case_id, property_id, order_id, status, declared_on, vacated_on, sealed_on,
                             released_on, release_reason, created_by, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'clo/' || c.i), pg_temp.uid(${S} || 'case/' || c.i), c.property_id,
              pg_temp.uid(${S} || 'or/' || c.i), c.closure, c.served,
              CASE WHEN c.closure <> 'declared' THEN least(DATE '${today}', c.served + 14) END,
              CASE WHEN c.closure IN ('sealed', 'released') THEN least(DATE '${today}', c.served + 21) END,
              CASE WHEN c.closure = 'released' THEN least(DATE '${today}', c.served + 90) END,
              CASE WHEN c.closure = 'released' THEN 'Mängel beseitigt, Wiederbezug freigegeben.' END,
              u.id, c.served + TIME '12:00', c.served + TIME '12:00'
         FROM nrw_c c CROSS JOIN nrw_user u WHERE c.closure IS NOT NULL`,
    );
    await step(
      'closure_units',
      `INSERT INTO closure_units (closure_id, unit_id)
       SELECT pg_temp.uid(${S} || 'clo/' || c.i), pg_temp.uid(${S} || 'u/' || c.i || '/1')
         FROM nrw_c c WHERE c.closure IS NOT NULL`,
    );
    // Planned re-inspections in the next eight weeks: every case whose items are all complied
    // with, a third of the other monitoring ones, vacated and sealed closures (re-letting), 12 % of the defects outside cases.
    await step(
      'inspections (re-inspections planned)',
      `INSERT INTO inspections (id, property_id, kind, status, scheduled_at, reason, planned_by,
                                follows_inspection_id, created_at, updated_at)
       SELECT pg_temp.uid(${S} || 'pin/' || c.i), c.property_id, 'reinspection', 'planned',
              (DATE '${today}' + 1 + floor(pg_temp.u(${S} || 'pd/' || c.i) * 56)::int)
                + TIME '08:00' + floor(pg_temp.u(${S} || 'pt/' || c.i) * 14) * interval '30 minutes',
              'Nachkontrolle', u.id, pg_temp.uid(${S} || 'ins/' || c.i), c.visited + interval '1 day',
              c.visited + interval '1 day'
         FROM nrw_c c CROSS JOIN nrw_user u
        WHERE c.defects > 0 AND ((c.stage = 'monitoring' AND pg_temp.u(${S} || 'mc/' || c.i) < 0.3)
           OR (c.stage = 'monitoring' AND pg_temp.u(${S} || 'pr/' || c.i) < 0.33)
           OR c.closure IN ('vacated', 'sealed')
           OR (c.stage = 'none' AND pg_temp.u(${S} || 'pr/' || c.i) < 0.12))`,
    );
    await client.query(
      'ANALYZE districts, properties, property_addresses, buildings, units, landlords, ownerships, ' +
        'inspections, defects, defect_checks, cases, case_defects, hearings, orders, order_items, ' +
        'order_item_defects, order_item_threats, order_item_fixings, closures, closure_units',
    );
    const rows = await countRows(client);
    await client.end().catch(() => undefined);

    const notes: string[] = [
      `CITY_BOUNDS=${NRW_CITY_BOUNDS} for the app to accept and find these properties ` +
        `(address search, nearest property, new properties, the map's start view)`,
    ];
    if (options.rebuild ?? true) {
      const rebuilt = await rebuildReadModels({ databaseUrl, now, log });
      steps.push(...rebuilt.steps);
      notes.push(...rebuilt.notes);
    }
    return { database, seed, rows, seconds: secondsSince(started), steps, notes };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const COUNTED = [
  'districts',
  'properties',
  'property_addresses',
  'buildings',
  'units',
  'landlords',
  'ownerships',
  'inspections',
  'defects',
  'defect_checks',
  'cases',
  'case_defects',
  'hearings',
  'orders',
  'order_items',
  'order_item_defects',
  'order_item_threats',
  'order_item_fixings',
  'closures',
  'closure_units',
] as const;

async function countRows(client: Client): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, string>>(
    `SELECT ${COUNTED.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`,
  );
  return Object.fromEntries(COUNTED.map((t) => [t, Number(rows[0][t])]));
}
