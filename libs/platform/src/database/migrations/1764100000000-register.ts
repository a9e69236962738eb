import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The property and landlord register: districts, properties with addresses, buildings and units,
 * landlords and their ownerships of properties over time.
 */
export class Register1764100000000 implements MigrationInterface {
  name = 'Register1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Needed for the exclusion constraint on ownership periods (uuid and text with = in GiST).
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE districts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        outline geometry(MultiPolygon, 4326) NOT NULL,
        source text NOT NULL,
        CONSTRAINT districts_pkey PRIMARY KEY (id),
        CONSTRAINT districts_name_key UNIQUE (name)
      )`);
    await q.query(`CREATE INDEX districts_outline_idx ON districts USING gist (outline)`);

    await q.query(`
      CREATE TABLE properties (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        location geometry(Point, 4326) NOT NULL,
        parcel_ref text,
        district_id uuid,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT properties_pkey PRIMARY KEY (id),
        CONSTRAINT properties_district_id_fkey FOREIGN KEY (district_id) REFERENCES districts (id)
      )`);
    await q.query(`CREATE INDEX properties_location_idx ON properties USING gist (location)`);
    await q.query(`CREATE INDEX properties_district_id_idx ON properties (district_id)`);

    await q.query(`
      CREATE TABLE property_addresses (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        street text NOT NULL,
        house_number text NOT NULL,
        postcode text NOT NULL,
        city text NOT NULL,
        district text,
        is_primary boolean NOT NULL DEFAULT false,
        search_text text NOT NULL,
        CONSTRAINT property_addresses_pkey PRIMARY KEY (id),
        CONSTRAINT property_addresses_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id) ON DELETE CASCADE,
        CONSTRAINT property_addresses_street_check CHECK (btrim(street) <> ''),
        CONSTRAINT property_addresses_postcode_check CHECK (postcode ~ '^[0-9]{5}$')
      )`);
    await q.query(
      `CREATE INDEX property_addresses_property_id_idx ON property_addresses (property_id)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX property_addresses_one_primary_idx ON property_addresses (property_id) WHERE is_primary`,
    );
    await q.query(
      `CREATE INDEX property_addresses_search_trgm_idx ON property_addresses USING gin (search_text gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE buildings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        label text NOT NULL,
        year_built integer,
        CONSTRAINT buildings_pkey PRIMARY KEY (id),
        CONSTRAINT buildings_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id) ON DELETE CASCADE,
        CONSTRAINT buildings_property_label_key UNIQUE (property_id, label)
      )`);

    await q.query(`
      CREATE TABLE units (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        building_id uuid NOT NULL,
        property_id uuid NOT NULL,
        label text NOT NULL,
        floor integer,
        area_m2 numeric(7, 2),
        rooms numeric(3, 1),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT units_pkey PRIMARY KEY (id),
        CONSTRAINT units_building_id_fkey FOREIGN KEY (building_id) REFERENCES buildings (id) ON DELETE CASCADE,
        CONSTRAINT units_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id) ON DELETE CASCADE,
        CONSTRAINT units_building_label_key UNIQUE (building_id, label),
        CONSTRAINT units_area_check CHECK (area_m2 IS NULL OR area_m2 > 0),
        CONSTRAINT units_rooms_check CHECK (rooms IS NULL OR rooms >= 0)
      )`);
    await q.query(`CREATE INDEX units_property_id_idx ON units (property_id)`);

    await q.query(`
      CREATE TABLE landlords (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        name text NOT NULL,
        register_number text,
        directors text[] NOT NULL DEFAULT '{}',
        email text,
        phone text,
        postal_street text,
        postal_house_number text,
        postal_postcode text,
        postal_city text,
        postal_country text NOT NULL DEFAULT 'DE',
        undeliverable_note text,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT landlords_pkey PRIMARY KEY (id),
        CONSTRAINT landlords_kind_check CHECK (kind IN ('person', 'company')),
        CONSTRAINT landlords_name_check CHECK (btrim(name) <> '')
      )`);
    await q.query(
      `CREATE INDEX landlords_name_trgm_idx ON landlords USING gin (name gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX landlords_register_number_idx ON landlords (register_number)`);

    await q.query(`
      CREATE TABLE ownerships (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        landlord_id uuid NOT NULL,
        role text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ownerships_pkey PRIMARY KEY (id),
        CONSTRAINT ownerships_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id) ON DELETE CASCADE,
        CONSTRAINT ownerships_landlord_id_fkey FOREIGN KEY (landlord_id) REFERENCES landlords (id),
        CONSTRAINT ownerships_role_check CHECK (role IN ('owner', 'joint_owner', 'manager', 'head_tenant')),
        CONSTRAINT ownerships_period_check CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT ownerships_no_overlap EXCLUDE USING gist (
          property_id WITH =, landlord_id WITH =, role WITH =,
          daterange(valid_from, valid_to, '[]') WITH &&
        )
      )`);
    await q.query(`CREATE INDEX ownerships_property_id_idx ON ownerships (property_id)`);
    await q.query(`CREATE INDEX ownerships_landlord_id_idx ON ownerships (landlord_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ownerships`);
    await q.query(`DROP TABLE landlords`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE buildings`);
    await q.query(`DROP TABLE property_addresses`);
    await q.query(`DROP TABLE properties`);
    await q.query(`DROP TABLE districts`);
  }
}
