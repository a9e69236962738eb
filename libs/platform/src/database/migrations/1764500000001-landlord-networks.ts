import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Landlord networks (libs/landlords, network-rules.ts): the normalised keys that link landlords
 * (postal address, register number, director), the links derived from them with their reasons,
 * the officers' manual splits, and the derived network membership the map filters by.
 *
 * The three normalising functions are the SQL twins of `addressKey`, `registerKey` and
 * `personKey` in network-rules.ts; test/e2e/landlord-networks.e2e-spec.ts holds them equal.
 * Keys, links and members are derived data: `LandlordNetworksService.rebuildAllLinks()` writes
 * them again from `landlords`, `ownerships` and the splits.
 */
export class LandlordNetworks1764500000001 implements MigrationInterface {
  name = 'LandlordNetworks1764500000001';

  async up(q: QueryRunner): Promise<void> {
    // German letters spelled out, then everything but letters and digits dropped.
    await q.query(
      `CREATE FUNCTION "landlord_fold_text"(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT regexp_replace(
                  replace(replace(replace(replace(lower(value), 'ß', 'ss'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'),
                  '[^a-z0-9]+', '', 'g')
       $$`,
    );
    // "Bahnhofstraße 12 A, 44623" = "Bahnhofstr. 12a, 44623": street|number|postcode.
    await q.query(
      `CREATE FUNCTION "landlord_address_key"(street text, house_number text, postcode text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE
           WHEN coalesce("landlord_fold_text"(street), '') = '' OR coalesce("landlord_fold_text"(house_number), '') = ''
             OR coalesce(regexp_replace(postcode, '\\s+', '', 'g'), '') = '' THEN NULL
           ELSE replace("landlord_fold_text"(street), 'strasse', 'str') || '|' || "landlord_fold_text"(house_number)
                || '|' || upper(regexp_replace(postcode, '\\s+', '', 'g'))
         END
       $$`,
    );
    // "HRB 12345" = "hr b 12345" = "HRB-12345"; a number without a digit is no number.
    await q.query(
      `CREATE FUNCTION "landlord_register_key"(register_number text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN "landlord_fold_text"(register_number) ~ '[0-9]'
                     THEN upper("landlord_fold_text"(register_number)) END
       $$`,
    );
    // "Dr. Max Muster" = "Muster, Max" = "max  muster": words folded, titles dropped, sorted.
    await q.query(
      `CREATE FUNCTION "landlord_person_key"(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT nullif(array_to_string(ARRAY(
                  SELECT w FROM regexp_split_to_table(
                    replace(replace(replace(replace(lower(name), 'ß', 'ss'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'),
                    '[^a-z0-9]+') AS w
                  WHERE w <> '' AND w NOT IN ('dr', 'prof', 'dipl', 'ing', 'med', 'jur', 'rer', 'nat')
                  ORDER BY w), ' '), '')
       $$`,
    );

    await q.query(
      `CREATE TABLE "landlord_network_keys" ("landlord_id" uuid NOT NULL, "kind" text NOT NULL, "key" text NOT NULL, "label" text NOT NULL, CONSTRAINT "landlord_network_keys_kind_check" CHECK (kind IN ('address', 'register', 'director')), CONSTRAINT "landlord_network_keys_pkey" PRIMARY KEY ("landlord_id", "kind", "key"))`,
    );
    await q.query(
      `CREATE INDEX "landlord_network_keys_kind_key_idx" ON "landlord_network_keys" ("kind", "key")`,
    );

    await q.query(
      `CREATE TABLE "landlord_links" ("landlord_a_id" uuid NOT NULL, "landlord_b_id" uuid NOT NULL, "kind" text NOT NULL, "source" text NOT NULL, "key" text NOT NULL, "detail" text NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "landlord_links_kind_check" CHECK (kind IN ('address', 'register', 'director', 'managed_by')), CONSTRAINT "landlord_links_source_check" CHECK (source IN ('address', 'register', 'director', 'ownership')), CONSTRAINT "landlord_links_pair_check" CHECK (landlord_a_id <> landlord_b_id AND (kind = 'managed_by' OR landlord_a_id < landlord_b_id)), CONSTRAINT "landlord_links_pkey" PRIMARY KEY ("landlord_a_id", "landlord_b_id", "source", "key"))`,
    );
    await q.query(
      `CREATE INDEX "landlord_links_landlord_b_id_idx" ON "landlord_links" ("landlord_b_id")`,
    );
    await q.query(
      `CREATE INDEX "landlord_links_source_key_idx" ON "landlord_links" ("source", "key")`,
    );

    await q.query(
      `CREATE TABLE "landlord_network_splits" ("landlord_a_id" uuid NOT NULL, "landlord_b_id" uuid NOT NULL, "reason" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "landlord_network_splits_pair_check" CHECK (landlord_a_id < landlord_b_id), CONSTRAINT "landlord_network_splits_reason_check" CHECK (btrim(reason) <> ''), CONSTRAINT "landlord_network_splits_pkey" PRIMARY KEY ("landlord_a_id", "landlord_b_id"))`,
    );
    await q.query(
      `CREATE INDEX "landlord_network_splits_landlord_b_id_idx" ON "landlord_network_splits" ("landlord_b_id")`,
    );

    await q.query(
      `CREATE TABLE "landlord_network_members" ("landlord_id" uuid NOT NULL, "network_id" uuid NOT NULL, CONSTRAINT "landlord_network_members_pkey" PRIMARY KEY ("landlord_id"))`,
    );
    await q.query(
      `CREATE INDEX "landlord_network_members_network_id_idx" ON "landlord_network_members" ("network_id")`,
    );

    for (const [table, column] of [
      ['landlord_network_keys', 'landlord_id'],
      ['landlord_links', 'landlord_a_id'],
      ['landlord_links', 'landlord_b_id'],
      ['landlord_network_splits', 'landlord_a_id'],
      ['landlord_network_splits', 'landlord_b_id'],
      ['landlord_network_members', 'landlord_id'],
    ]) {
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "landlords"("id") ON DELETE CASCADE`,
      );
    }
    await q.query(
      `ALTER TABLE "landlord_network_splits" ADD CONSTRAINT "landlord_network_splits_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "landlord_network_members"`);
    await q.query(`DROP TABLE "landlord_network_splits"`);
    await q.query(`DROP TABLE "landlord_links"`);
    await q.query(`DROP TABLE "landlord_network_keys"`);
    await q.query(`DROP FUNCTION "landlord_person_key"(text)`);
    await q.query(`DROP FUNCTION "landlord_register_key"(text)`);
    await q.query(`DROP FUNCTION "landlord_address_key"(text, text, text)`);
    await q.query(`DROP FUNCTION "landlord_fold_text"(text)`);
  }
}
