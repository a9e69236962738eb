import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { berlinDateOf, databaseOptions, ensureDatabase, loadConfig } from '@hausakte/platform';
import { searchTextOf } from '@hausakte/properties';
import { databaseUrl, withAdminClient } from '@hausakte/testing';
// scripts/ is not a lib and has no @hausakte alias: the seeder is imported by its path.
import {
  AlreadySeededError,
  DISTRICT_SOURCE,
  NRW_BOUNDS,
  NRW_DISTRICT_SOURCE,
  type NrwSeedResult,
  seedCity,
  SeedResult,
  seedNrw,
} from '@hausakte/seed';

/**
 * The demo-data seeder against real PostGIS, in databases of this test run (dropped by the
 * global teardown, whose pattern is the run id): same seed, same rows; every point inside the
 * city and its district; one primary address each; search text as the app computes it; no
 * overlapping ownership periods; a second seed refused without --append. With the demo
 * inspector and officer present (as `npm run demo` creates them first), the demo activity:
 * defects of every severity and state, today's visits, complaints, photos, risk scores; and the
 * demo enforcement: cases, hearings, orders, items and closures in every state, an inbox.
 */
const runId = process.env.HAUSAKTE_TEST_RUN!;
const base = process.env.HAUSAKTE_TEST_BASE_DATABASE_URL || undefined;
const first = databaseUrl(`${runId}_seed`, base);
const second = databaseUrl(`${runId}_seed_b`, base);
const other = databaseUrl(`${runId}_seed_c`, base);
const config = loadConfig(process.env);
const bounds = config.CITY_BOUNDS;
/** The demo accounts the seeder looks for (DEMO_USERS of apps/cli), with fixed ids. */
const DEMO_PEOPLE = [
  {
    id: '5eed0000-0000-4000-8000-000000000001',
    email: 'inspektor@herne.example',
    name: 'Ines Krüger',
    role: 'inspector',
  },
  {
    id: '5eed0000-0000-4000-8000-000000000002',
    email: 'sachbearbeitung@herne.example',
    name: 'Olaf Yıldız',
    role: 'officer',
  },
];
const inspectorId = DEMO_PEOPLE[0].id;
/** One "now" for both seeds of the same city, so that their days are the same. */
const now = new Date();

async function withDb<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const one = async (client: Client, sql: string, params: unknown[] = []) =>
  Object.values((await client.query(sql, params)).rows[0] as Record<string, unknown>)[0];

const count = async (client: Client, sql: string, params: unknown[] = []) =>
  Number(await one(client, sql, params));

/** A migrated database with the demo inspector and officer, as `npm run demo` has it before seeding. */
async function withDemoPeople(url: string): Promise<void> {
  await ensureDatabase(url);
  const dataSource = new DataSource({
    ...databaseOptions({ DATABASE_URL: url }),
    entities: [],
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await withDb(url, (client) =>
    client.query(
      `INSERT INTO users (id, email, display_name, role, password_hash)
       SELECT id, email, name, role, 'no sign-in in this test' FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
         AS t(id, email, name, role)`,
      [
        DEMO_PEOPLE.map((p) => p.id),
        DEMO_PEOPLE.map((p) => p.email),
        DEMO_PEOPLE.map((p) => p.name),
        DEMO_PEOPLE.map((p) => p.role),
      ],
    ),
  );
}

/** A fingerprint of every table the seeder fills (timestamps aside). */
async function fingerprint(url: string): Promise<Record<string, unknown>> {
  const tables: Record<string, string> = {
    districts: 'SELECT id, name, ST_AsText(outline), source FROM districts',
    addresses: `SELECT a.street, a.house_number, a.postcode, a.city, a.district, a.is_primary, a.search_text,
                       ST_AsText(p.location), p.parcel_ref, p.district_id, a.id, p.id
                  FROM property_addresses a JOIN properties p ON p.id = a.property_id`,
    buildings: 'SELECT id, property_id, label, year_built FROM buildings',
    units: 'SELECT id, building_id, property_id, label, floor, area_m2, rooms FROM units',
    landlords: `SELECT id, kind, name, register_number, directors, email, phone, postal_street,
                       postal_house_number, postal_postcode, postal_city, undeliverable_note FROM landlords`,
    ownerships: 'SELECT id, property_id, landlord_id, role, valid_from, valid_to FROM ownerships',
    complaints: `SELECT id, source, legal_ground, text, reporter_contact, street, house_number, postcode,
                        ST_AsText(location), property_id, match, possible_duplicate_of,
                        duplicate_decision, decided_by, received_at, recorded_by FROM complaints`,
    // The demo enforcement's re-inspections are planned through the app's services, which draw
    // their ids themselves: inspections are compared by what they are, not by id (defects still
    // name the ones they were found at by id). Releasing a closure cancels its planned check on
    // the real clock: a cancellation's time is left out.
    inspections: `SELECT i.property_id, i.kind, i.status, i.scheduled_at, i.reason, i.joint_partners,
                         i.complaint_id, f.scheduled_at AS follows, i.planned_by,
                         CASE WHEN i.status = 'cancelled' THEN NULL ELSE i.completed_at END,
                         i.completed_by, i.outcome_reason, i.notes, ii.user_id
                    FROM inspections i JOIN inspection_inspectors ii ON ii.inspection_id = i.id
                    LEFT JOIN inspections f ON f.id = i.follows_inspection_id`,
    // Catalogue ids are the database's own: the code and version identify the entry.
    // A defect the enforcement's re-inspection verified changed status on the real clock.
    defects: `SELECT d.id, property_id, inspection_id, unit_id, room, c.code, c.version, d.severity,
                     severity_reason, d.description, status,
                     CASE WHEN EXISTS (SELECT 1 FROM case_defects cd WHERE cd.defect_id = d.id)
                          THEN NULL ELSE status_changed_at END
                FROM defects d JOIN catalogue_items c ON c.id = d.catalogue_item_id`,
    checks: `SELECT i.property_id, i.completed_at, k.defect_id, k.result, k.note
               FROM defect_checks k JOIN inspections i ON i.id = k.inspection_id`,
    occupancy: `SELECT id, inspection_id, unit_id, adults_found, children_under_six_found,
                       persons_registered, living_area_m2, outcome, rule_set_id, result FROM unit_occupancies`,
    photos: `SELECT id, defect_id, uploaded_by, sha256, byte_size, width, height, captured_at,
                    ST_AsText(gps), original_filename FROM photos`,
    risk: 'SELECT property_id, score, facts, factors FROM property_risk',
    // The demo enforcement, by reference and content (the services draw their ids themselves).
    cases: `SELECT reference, property_id, status, officer_id, notes, close_reason,
                   (SELECT array_agg(defect_id ORDER BY defect_id) FROM case_defects cd WHERE cd.case_id = c.id)
              FROM cases c`,
    hearings: `SELECT c.reference, h.status, h.reply_days, h.addressees, h.delivery, h.notified_on,
                      h.reply_due_on, h.close_note, cardinality(h.letter_ids)
                 FROM hearings h JOIN cases c ON c.id = h.case_id`,
    orders: `SELECT c.reference, o.kind, o.status, o.hearing_id IS NULL, o.hearing_skipped_reason,
                    o.immediately_enforceable, o.addressees, o.delivery, o.notified_on, o.notified_at,
                    o.notification_rule, o.challenge_ends_on, o.suit_filed_on, o.suit_outcome,
                    o.suit_decided_on, o.withdrawn_reason, cardinality(o.letter_ids)
               FROM orders o JOIN cases c ON c.id = o.case_id`,
    items: `SELECT c.reference, i.number, i.requirement, i.status, i.period_unit, i.period_amount,
                   i.period_source, i.threatened_fine_cents, i.due_on, i.due_at, i.status_reason,
                   (SELECT array_agg(defect_id ORDER BY defect_id) FROM order_item_defects x WHERE x.item_id = i.id)
              FROM order_items i JOIN orders o ON o.id = i.order_id JOIN cases c ON c.id = o.case_id`,
    closures: `SELECT c.reference, z.status, z.declared_on, z.immediate_danger, z.move_out_by,
                      z.replacement_housing_offered_on, z.replacement_housing_by, z.occupants_notified_on,
                      z.households_notified, z.vacated_on, z.sealed_on, z.released_on, z.release_reason,
                      (SELECT array_agg(unit_id ORDER BY unit_id) FROM closure_units u WHERE u.closure_id = z.id)
                 FROM closures z JOIN cases c ON c.id = z.case_id`,
    // Case links by the case's reference: the case ids are the services'.
    notifications: `SELECT n.dedup_key, n.recipient_id, n.kind, n.subject, n.body, n.entity_type,
                           n.email_status, n.read_at IS NOT NULL, c.reference
                      FROM notifications n LEFT JOIN cases c ON n.link = '/vorgaenge/' || c.id`,
  };
  return withDb(url, async (client) => {
    const result: Record<string, unknown> = {};
    for (const [name, sql] of Object.entries(tables)) {
      result[name] = await one(
        client,
        `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM (${sql}) t`,
      );
    }
    return result;
  });
}

describe('seed: a deterministic fake Herne', () => {
  let seeded: SeedResult;

  let unattended: SeedResult;

  beforeAll(async () => {
    await withDemoPeople(first);
    await withDemoPeople(second);
    seeded = await seedCity({ databaseUrl: first, properties: 500, seed: 'e2e', now });
    await seedCity({ databaseUrl: second, properties: 500, seed: 'e2e', now });
    unattended = await seedCity({ databaseUrl: other, properties: 500, seed: 'another' });
  }, 180_000);

  afterAll(async () => {
    await withAdminClient(async (client) => {
      for (const url of [first, second, other]) {
        const name = new URL(url).pathname.slice(1);
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }, base);
  }, 60_000);

  it('gives identical rows for the same seed, and reports what it inserted', async () => {
    expect(seeded.rows.properties).toBe(500);
    expect(seeded.rows.districts).toBe(4);
    expect(seeded.rows.property_addresses).toBeGreaterThanOrEqual(500);
    expect(seeded.rows.units).toBeGreaterThanOrEqual(500);
    expect(seeded.rows.ownerships).toBeGreaterThanOrEqual(500);
    const [a, b] = await Promise.all([fingerprint(first), fingerprint(second)]);
    expect(a).toEqual(b);
    expect(a.addresses).toMatch(/^\d+:[0-9a-f]{32}$/);
    // …and another seed gives another city (the fingerprint does tell them apart).
    expect(a.defects).toMatch(/^[1-9]\d*:/);
    expect(a.photos).toMatch(/^[1-9]\d*:/);
    const c = await fingerprint(other);
    expect(c.addresses).not.toEqual(a.addresses);
    expect(c.landlords).not.toEqual(a.landlords);
    expect(c.districts).not.toEqual(a.districts); // same outlines, other ids
  });

  it('puts four synthetic boroughs over the city bounds, without gaps or overlaps', async () => {
    await withDb(first, async (client) => {
      const { rows } = await client.query<{ name: string; source: string; valid: boolean }>(
        'SELECT name, source, ST_IsValid(outline) AS valid FROM districts ORDER BY name',
      );
      expect(rows.map((r) => r.name)).toEqual(['Eickel', 'Herne-Mitte', 'Sodingen', 'Wanne']);
      for (const row of rows) {
        expect(row.source).toBe(DISTRICT_SOURCE);
        expect(row.valid).toBe(true);
      }
      const envelope = [bounds.minLon, bounds.minLat, bounds.maxLon, bounds.maxLat];
      expect(
        await one(
          client,
          `SELECT ST_Equals(ST_Union(outline), ST_MakeEnvelope($1, $2, $3, $4, 4326)) FROM districts`,
          envelope,
        ),
      ).toBe(true);
      expect(
        Number(
          await one(
            client,
            'SELECT sum(ST_Area(ST_Intersection(a.outline, b.outline))) FROM districts a JOIN districts b ON a.id < b.id',
          ),
        ),
      ).toBe(0);
    });
  });

  it('places every property inside the city and inside the outline of its district', async () => {
    await withDb(first, async (client) => {
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM properties
              WHERE NOT (ST_X(location) BETWEEN $1 AND $3 AND ST_Y(location) BETWEEN $2 AND $4)`,
            [bounds.minLon, bounds.minLat, bounds.maxLon, bounds.maxLat],
          ),
        ),
      ).toBe(0);
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM properties p LEFT JOIN districts d ON d.id = p.district_id
              WHERE d.id IS NULL OR NOT ST_Contains(d.outline, p.location)`,
          ),
        ),
      ).toBe(0);
      // The district named on the address is the property's district.
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM property_addresses a JOIN properties p ON p.id = a.property_id
               JOIN districts d ON d.id = p.district_id WHERE a.district IS DISTINCT FROM d.name`,
          ),
        ),
      ).toBe(0);
    });
  });

  it('gives each property exactly one primary address, some a second one, and a Bahnhofstraße', async () => {
    await withDb(first, async (client) => {
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM properties p
              WHERE (SELECT count(*) FROM property_addresses a WHERE a.property_id = p.id AND a.is_primary) <> 1`,
          ),
        ),
      ).toBe(0);
      expect(
        Number(await one(client, 'SELECT count(*) FROM property_addresses WHERE NOT is_primary')),
      ).toBeGreaterThan(0);
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM property_addresses WHERE street = 'Bahnhofstraße'`,
          ),
        ),
      ).toBeGreaterThan(0);
      expect(
        Number(
          await one(
            client,
            'SELECT count(*) FROM (SELECT 1 FROM property_addresses GROUP BY street, house_number HAVING count(*) > 1) x',
          ),
        ),
      ).toBe(0);
    });
  });

  it('computes search_text with searchTextOf, as the app does', async () => {
    await withDb(first, async (client) => {
      const { rows } = await client.query<{
        street: string;
        house_number: string;
        postcode: string;
        city: string;
        district: string | null;
        search_text: string;
      }>(
        `(SELECT street, house_number, postcode, city, district, search_text FROM property_addresses ORDER BY id LIMIT 60)
         UNION ALL
         (SELECT street, house_number, postcode, city, district, search_text FROM property_addresses WHERE NOT is_primary LIMIT 10)`,
      );
      expect(rows.length).toBeGreaterThan(60);
      for (const row of rows) {
        expect(row.search_text).toBe(
          searchTextOf({
            street: row.street,
            houseNumber: row.house_number,
            postcode: row.postcode,
            city: row.city,
            district: row.district,
          }),
        );
      }
    });
  });

  it('never overlaps the periods of one property, landlord and role; every property has a current owner', async () => {
    await withDb(first, async (client) => {
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM ownerships a JOIN ownerships b
               ON a.property_id = b.property_id AND a.landlord_id = b.landlord_id AND a.role = b.role AND a.id < b.id
              WHERE daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')`,
          ),
        ),
      ).toBe(0);
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM properties p WHERE NOT EXISTS (
               SELECT 1 FROM ownerships o WHERE o.property_id = p.id AND o.role IN ('owner', 'joint_owner') AND o.valid_to IS NULL)`,
          ),
        ),
      ).toBe(0);
      expect(
        Number(await one(client, 'SELECT count(*) FROM ownerships WHERE valid_to IS NOT NULL')),
      ).toBeGreaterThan(0);
      expect(
        Number(await one(client, `SELECT count(*) FROM ownerships WHERE role = 'manager'`)),
      ).toBeGreaterThan(0);
    });
  });

  it('plants landlord networks: companies sharing a director and a postal address', async () => {
    await withDb(first, async (client) => {
      expect(
        Number(
          await one(
            client,
            `SELECT count(*) FROM landlords WHERE kind = 'company' AND register_number LIKE 'HRB %'`,
          ),
        ),
      ).toBeGreaterThan(0);
      const sharedDirector = await one(
        client,
        `SELECT max(n) FROM (SELECT count(*) AS n FROM landlords, unnest(directors) d GROUP BY d) x`,
      );
      expect(Number(sharedDirector)).toBeGreaterThanOrEqual(3);
      const sharedAddress = await one(
        client,
        `SELECT max(n) FROM (SELECT count(*) AS n FROM landlords WHERE kind = 'company'
           GROUP BY postal_street, postal_house_number, postal_postcode) x`,
      );
      expect(Number(sharedAddress)).toBeGreaterThanOrEqual(3);
      expect(seeded.planted.join('\n')).toContain('network 1');
    });
  });

  it('records defects of every severity and state, each verified or not remedied one checked at a later re-inspection', async () => {
    expect(seeded.rows.defects).toBeGreaterThan(0);
    expect(seeded.rows.defect_checks).toBeGreaterThan(0);
    await withDb(first, async (client) => {
      const { rows } = await client.query<{ severity: string; status: string }>(
        'SELECT DISTINCT severity, status FROM defects',
      );
      expect([...new Set(rows.map((r) => r.severity))].sort()).toEqual(['A', 'B', 'C']);
      expect([...new Set(rows.map((r) => r.status))].sort()).toEqual([
        'not_remedied',
        'open',
        'reported_done',
        'verified',
      ]);
      // The catalogue's current versions, as the app offers them.
      expect(
        await count(
          client,
          `SELECT count(*) FROM defects d JOIN catalogue_items c ON c.id = d.catalogue_item_id
            WHERE EXISTS (SELECT 1 FROM catalogue_items n WHERE n.code = c.code AND n.version > c.version)`,
        ),
      ).toBe(0);
      // A defect recorded at a done inspection within the last two years.
      expect(
        await count(
          client,
          `SELECT count(*) FROM defects d JOIN inspections i ON i.id = d.inspection_id
            WHERE i.status <> 'done' OR i.completed_at < $1::timestamptz - interval '2 years'`,
          [now],
        ),
      ).toBe(0);
      for (const [status, result] of [
        ['verified', 'remedied'],
        ['not_remedied', 'not_remedied'],
      ]) {
        expect(
          await count(client, 'SELECT count(*) FROM defects WHERE status = $1', [status]),
        ).toBe(
          await count(
            client,
            `SELECT count(*) FROM defects d
              WHERE d.status = $1 AND EXISTS (
                SELECT 1 FROM defect_checks k JOIN inspections r ON r.id = k.inspection_id
                 WHERE k.defect_id = d.id AND k.result = $2 AND r.kind = 'reinspection'
                   AND r.status = 'done' AND r.completed_at > d.created_at)`,
            [status, result],
          ),
        );
      }
      const overcrowded = await client.query<{ rule_set_id: string | null; outcome: string }>(
        `SELECT rule_set_id, result->>'outcome' AS outcome FROM unit_occupancies
          WHERE outcome = 'overcrowded'`,
      );
      expect(overcrowded.rows.length).toBeGreaterThan(0);
      for (const row of overcrowded.rows) {
        expect(row.rule_set_id).toEqual(expect.any(String));
        expect(row.outcome).toBe('evaluated');
      }
    });
  });

  it("plans today's visits for the demo inspector between 08:00 and 15:00 in Berlin, across the city", async () => {
    await withDb(first, async (client) => {
      const { rows } = await client.query<{ minute: number; district_id: string; kind: string }>(
        `SELECT extract(hour FROM i.scheduled_at AT TIME ZONE 'Europe/Berlin') * 60
                  + extract(minute FROM i.scheduled_at AT TIME ZONE 'Europe/Berlin') AS minute,
                p.district_id, i.kind
           FROM inspections i
           JOIN inspection_inspectors ii ON ii.inspection_id = i.id
           JOIN properties p ON p.id = i.property_id
          WHERE ii.user_id = $1 AND i.status = 'planned'
            AND (i.scheduled_at AT TIME ZONE 'Europe/Berlin')::date = $2::date`,
        [inspectorId, berlinDateOf(now)],
      );
      expect(rows.length).toBe(8);
      for (const row of rows) {
        expect(Number(row.minute)).toBeGreaterThanOrEqual(8 * 60);
        expect(Number(row.minute)).toBeLessThanOrEqual(15 * 60);
      }
      expect(new Set(rows.map((r) => r.district_id)).size).toBeGreaterThanOrEqual(3);
      expect(rows.map((r) => r.kind)).toContain('reinspection');
      // Others go too, and some visits failed or were called off.
      expect(
        await count(
          client,
          `SELECT count(*) FROM inspections i JOIN inspection_inspectors ii ON ii.inspection_id = i.id
            WHERE ii.user_id <> $1 AND i.status = 'planned'`,
          [inspectorId],
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(client, `SELECT count(*) FROM inspections WHERE status = 'cancelled'`),
      ).toBeGreaterThan(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM inspections n WHERE n.status = 'no_access'
              AND EXISTS (SELECT 1 FROM inspections f WHERE f.follows_inspection_id = n.id)`,
        ),
      ).toBeGreaterThan(0);
    });
  });

  it('records complaints from every source: matched by address or nearby, some unmatched, some possible duplicates', async () => {
    expect(seeded.rows.complaints).toBeGreaterThan(0);
    await withDb(first, async (client) => {
      const { rows } = await client.query<{ source: string; match: string }>(
        'SELECT DISTINCT source, match FROM complaints',
      );
      expect([...new Set(rows.map((r) => r.source))].sort()).toEqual([
        'anonymous',
        'job_centre',
        'neighbour',
        'police',
        'tenant',
      ]);
      expect(new Set(rows.map((r) => r.match))).toEqual(
        new Set(['address', 'nearby', 'none', 'manual']),
      );
      expect(
        await count(
          client,
          `SELECT count(*) FROM complaints WHERE match = 'none' AND street IS NOT NULL AND location IS NULL`,
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM complaints WHERE possible_duplicate_of IS NOT NULL AND duplicate_decision IS NULL`,
        ),
      ).toBeGreaterThan(0);
      // A visit that follows a complaint is at the complaint's property.
      expect(
        await count(
          client,
          `SELECT count(*) FROM inspections i JOIN complaints c ON c.id = i.complaint_id
            WHERE c.property_id IS DISTINCT FROM i.property_id`,
        ),
      ).toBe(0);
    });
  });

  it('stores photos as the pipeline does: original and preview on disk, the original matching its SHA-256', async () => {
    expect(seeded.rows.photos).toBeGreaterThan(0);
    await withDb(first, async (client) => {
      const { rows } = await client.query<{
        sha256: string;
        original_path: string;
        preview_path: string;
        attached: boolean;
      }>(
        `SELECT sha256, original_path, preview_path,
                EXISTS (SELECT 1 FROM defects d WHERE d.id = p.defect_id) AS attached
           FROM photos p`,
      );
      expect(rows.length).toBe(seeded.rows.photos);
      for (const row of rows) {
        const original = await readFile(join(config.PHOTO_STORAGE_DIR, row.original_path));
        expect(createHash('sha256').update(original).digest('hex')).toBe(row.sha256);
        expect((await stat(join(config.PHOTO_STORAGE_DIR, row.preview_path))).size).toBeGreaterThan(
          0,
        );
        expect(row.attached).toBe(true);
      }
    });
  });

  it('scores the risk of every property, problem properties above zero', async () => {
    expect(seeded.rows.property_risk).toBe(500);
    await withDb(first, async (client) => {
      expect(await count(client, 'SELECT count(*) FROM property_risk')).toBe(500);
      expect(
        await count(
          client,
          `SELECT count(*) FROM property_risk r WHERE r.score = 0 AND EXISTS (
             SELECT 1 FROM defects d WHERE d.property_id = r.property_id AND d.status <> 'verified'
                AND d.severity IN ('B', 'C'))`,
        ),
      ).toBe(0);
    });
  });

  it('replays enforcement through the services: cases, hearings, orders, items and closures in every state', async () => {
    expect(seeded.rows.cases).toBeGreaterThan(0);
    expect(seeded.activity.join('\n')).not.toContain('no fitting property');
    const states = async (client: Client, table: string) =>
      (
        await client.query<{ status: string }>(
          `SELECT DISTINCT status FROM ${table} ORDER BY status`,
        )
      ).rows.map((r) => r.status);
    await withDb(first, async (client) => {
      expect(await states(client, 'cases')).toEqual(['closed', 'open']);
      expect(await states(client, 'hearings')).toEqual(['closed', 'draft', 'sent']);
      expect(await states(client, 'orders')).toEqual(
        ['annulled', 'challenged', 'closed', 'draft', 'issued', 'served', 'withdrawn'].sort(),
      );
      expect(await states(client, 'order_items')).toEqual(
        ['closed', 'complied', 'escalated', 'not_complied', 'open', 'withdrawn'].sort(),
      );
      expect(await states(client, 'closures')).toEqual([
        'declared',
        'released',
        'sealed',
        'vacated',
      ]);
      // At least one immediately enforceable order; one whose hearing was skipped with its reason.
      expect(
        await count(
          client,
          `SELECT count(*) FROM orders WHERE immediately_enforceable AND status <> 'draft'`,
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM orders WHERE hearing_id IS NULL AND hearing_skipped_reason LIKE '%§ 28 Abs. 2%'`,
        ),
      ).toBeGreaterThan(0);
      // Deadlines of orders that run (served) past, within the week and far ahead; a hearing's
      // reply period running.
      const today = berlinDateOf(now);
      const due = async (where: string) =>
        count(
          client,
          `SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE o.status = 'served' AND i.status IN ('open', 'not_complied', 'escalated') AND ${where}`,
          [today],
        );
      expect(await due('i.due_on < $1::date')).toBeGreaterThan(0);
      expect(await due(`i.due_on BETWEEN $1::date AND $1::date + 7`)).toBeGreaterThan(0);
      expect(await due(`i.due_on > $1::date + 30`)).toBeGreaterThan(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM hearings WHERE status = 'sent' AND reply_due_on >= $1::date`,
          [today],
        ),
      ).toBeGreaterThan(0);
      // As the services record them: letters for every sent hearing and issued order, served
      // orders with their dates, the re-letting check of a vacated closure planned, audit rows.
      expect(
        await count(
          client,
          `SELECT count(*) FROM hearings WHERE status <> 'draft' AND cardinality(letter_ids) = 0`,
        ),
      ).toBe(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM orders WHERE status NOT IN ('draft') AND cardinality(letter_ids) = 0`,
        ),
      ).toBe(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM orders WHERE status IN ('served', 'challenged', 'closed', 'annulled')
              AND (notified_on IS NULL OR challenge_ends_on IS NULL)`,
        ),
      ).toBe(0);
      expect(
        await count(
          client,
          `SELECT count(*) FROM closures z JOIN inspections i ON i.id = z.recheck_inspection_id
            WHERE z.status IN ('vacated', 'sealed') AND i.status = 'planned'`,
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(client, `SELECT count(*) FROM audit_log WHERE action = 'order.served'`),
      ).toBeGreaterThan(0);
      // A case is closed only with its orders ended; the closed order's items are all closed.
      expect(
        await count(
          client,
          `SELECT count(*) FROM cases c JOIN orders o ON o.case_id = c.id
            WHERE c.status = 'closed' AND o.status IN ('issued', 'served', 'challenged')`,
        ),
      ).toBe(0);
      // The demo officer's inbox has unread notifications about cases.
      expect(
        await count(
          client,
          `SELECT count(*) FROM notifications WHERE recipient_id = $1 AND read_at IS NULL
              AND entity_id IS NOT NULL AND link LIKE '/vorgaenge/%'`,
          [DEMO_PEOPLE[1].id],
        ),
      ).toBeGreaterThan(0);
    });
  });

  it('adds no activity where nobody could have recorded it, and says why', async () => {
    expect(unattended.rows.inspections).toBe(0);
    expect(unattended.rows.complaints).toBe(0);
    expect(unattended.activity.join('\n')).toContain('demo-users');
    await withDb(other, async (client) => {
      expect(await count(client, 'SELECT count(*) FROM inspections')).toBe(0);
      expect(await count(client, 'SELECT count(*) FROM catalogue_items')).toBeGreaterThan(0);
    });
  });

  it('refuses a second seed without --append, and appends new streets with it', async () => {
    await expect(seedCity({ databaseUrl: first, properties: 10, seed: 'e2e' })).rejects.toThrow(
      AlreadySeededError,
    );
    await expect(seedCity({ databaseUrl: first, properties: 10, seed: 'e2e' })).rejects.toThrow(
      /already has 500 properties.*--append/,
    );
    const appended = await seedCity({
      databaseUrl: first,
      properties: 20,
      seed: 'e2e',
      append: true,
    });
    expect(appended.rows.properties).toBe(20);
    expect(appended.rows.districts).toBe(0);
    // The activity is added once: a database with inspections gets no more, nor more cases.
    expect(appended.rows.inspections).toBe(0);
    expect(appended.rows.cases).toBe(0);
    expect(appended.activity.join('\n')).toContain('inspections or complaints already');
    await withDb(first, async (client) => {
      expect(Number(await one(client, 'SELECT count(*) FROM properties'))).toBe(520);
      expect(Number(await one(client, 'SELECT count(*) FROM districts'))).toBe(4);
      expect(
        Number(
          await one(
            client,
            'SELECT count(*) FROM (SELECT 1 FROM property_addresses GROUP BY street, house_number HAVING count(*) > 1) x',
          ),
        ),
      ).toBe(0);
    });
  }, 60_000);
});

/**
 * The state-scale seed (`--profile nrw`, set-based SQL) at a smoke size: the same seed gives the
 * same rows; every property inside NRW and its district's outline; search text as the app
 * computes it; the map read model and risk scores rebuilt with problem properties in every case
 * stage. The 1,000,000-property run is the map benchmark's, not CI's.
 */
describe('seed --profile nrw: North Rhine-Westphalia at a smoke size', () => {
  const nrw = databaseUrl(`${runId}_seed_nrw`, base);
  const nrwAgain = databaseUrl(`${runId}_seed_nrw_b`, base);
  let seeded: NrwSeedResult;

  beforeAll(async () => {
    seeded = await seedNrw({ databaseUrl: nrw, properties: 2000, seed: 'e2e', now });
    await seedNrw({ databaseUrl: nrwAgain, properties: 2000, seed: 'e2e', now, rebuild: false });
  }, 180_000);

  afterAll(async () => {
    await withAdminClient(async (client) => {
      for (const url of [nrw, nrwAgain]) {
        const name = new URL(url).pathname.slice(1);
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }, base);
  }, 60_000);

  it('gives the same rows for the same seed, inside the state and its districts', async () => {
    expect(seeded.rows.properties).toBe(2000);
    expect(seeded.rows.cases).toBeGreaterThan(0);
    const print = (url: string) =>
      withDb(url, async (client) => ({
        properties: await one(
          client,
          `SELECT md5(string_agg(id::text || ST_AsText(location) || district_id::text, ',' ORDER BY id)) FROM properties`,
        ),
        landlords: await one(
          client,
          `SELECT md5(string_agg(id::text || name || coalesce(postal_street, ''), ',' ORDER BY id)) FROM landlords`,
        ),
        items: await one(
          client,
          `SELECT md5(string_agg(id::text || status || coalesce(due_on::text, ''), ',' ORDER BY id)) FROM order_items`,
        ),
      }));
    expect(await print(nrw)).toEqual(await print(nrwAgain));
    await withDb(nrw, async (client) => {
      const { minLon, minLat, maxLon, maxLat } = NRW_BOUNDS;
      expect(
        await count(
          client,
          `SELECT count(*) FROM properties p JOIN districts d ON d.id = p.district_id
            WHERE d.source = $1 AND ST_Intersects(d.outline, p.location)
              AND p.location && ST_MakeEnvelope($2, $3, $4, $5, 4326)`,
          [NRW_DISTRICT_SOURCE, minLon, minLat, maxLon, maxLat],
        ),
      ).toBe(2000);
      const { rows } = await client.query<{
        street: string;
        house_number: string;
        postcode: string;
        city: string;
        district: string;
        search_text: string;
      }>(
        'SELECT street, house_number, postcode, city, district, search_text FROM property_addresses',
      );
      for (const row of rows)
        expect(row.search_text).toBe(
          searchTextOf({
            street: row.street,
            houseNumber: row.house_number,
            postcode: row.postcode,
            city: row.city,
            district: row.district,
          }),
        );
    });
  });

  it('rebuilds risk scores and the map read model: problem properties in every case stage', async () => {
    await withDb(nrw, async (client) => {
      expect(await count(client, 'SELECT count(*) FROM property_risk')).toBe(2000);
      expect(await count(client, 'SELECT count(*) FROM map_properties')).toBe(2000);
      const { rows } = await client.query<{ case_stage: string }>(
        'SELECT DISTINCT case_stage FROM map_properties WHERE problem ORDER BY 1',
      );
      expect(rows.map((r) => r.case_stage)).toEqual(
        expect.arrayContaining(['enforcing', 'hearing', 'investigation', 'monitoring', 'none']),
      );
      expect(
        await count(client, 'SELECT count(*) FROM map_properties WHERE item_overdue'),
      ).toBeGreaterThan(0);
    });
  });
});
