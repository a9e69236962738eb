import { Client } from 'pg';
import { loadConfig } from '@hausakte/platform';
import { searchTextOf } from '@hausakte/properties';
import { databaseUrl, withAdminClient } from '@hausakte/testing';
// scripts/ is not a lib and has no @hausakte alias: the seeder is imported by its path.
import { AlreadySeededError, DISTRICT_SOURCE, seedCity, SeedResult } from '@hausakte/seed';

/**
 * The demo-data seeder against real PostGIS, in databases of this test run (dropped by the
 * global teardown, whose pattern is the run id): same seed, same rows; every point inside the
 * city and its district; one primary address each; search text as the app computes it; no
 * overlapping ownership periods; a second seed refused without --append.
 */
const runId = process.env.HAUSAKTE_TEST_RUN!;
const base = process.env.HAUSAKTE_TEST_BASE_DATABASE_URL || undefined;
const first = databaseUrl(`${runId}_seed`, base);
const second = databaseUrl(`${runId}_seed_b`, base);
const other = databaseUrl(`${runId}_seed_c`, base);
const bounds = loadConfig(process.env).CITY_BOUNDS;

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

  beforeAll(async () => {
    seeded = await seedCity({ databaseUrl: first, properties: 500, seed: 'e2e' });
    await seedCity({ databaseUrl: second, properties: 500, seed: 'e2e' });
    await seedCity({ databaseUrl: other, properties: 500, seed: 'another' });
  }, 120_000);

  afterAll(async () => {
    await withAdminClient(async (client) => {
      for (const url of [first, second, other]) {
        const name = new URL(url).pathname.slice(1);
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }, base);
  });

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
