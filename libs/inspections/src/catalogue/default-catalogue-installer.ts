import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_DEFECT_CATALOGUE } from '../rules/default-catalogue';

/**
 * Puts the shipped catalogue entries into `catalogue_items` as version 1 of every code that is
 * not there yet. Entries admins changed or retired are left alone, and entries a later release
 * adds arrive on the next run. Runs after the migrations (CLI `migrate`, the test template).
 * Returns how many entries it added.
 */
export async function installDefaultCatalogue(db: DataSource | EntityManager): Promise<number> {
  const items = DEFAULT_DEFECT_CATALOGUE;
  const rows: Array<{ code: string }> = await db.query(
    `INSERT INTO catalogue_items
       (code, version, legal_ground, title_de, title_en, description_de, description_en, severity,
        period_unit, period_amount)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::text[], $8::text[], $9::text[], $10::int[])
            AS given (code, version, legal_ground, title_de, title_en, description_de,
                      description_en, severity, period_unit, period_amount)
     WHERE NOT EXISTS (SELECT 1 FROM catalogue_items existing WHERE existing.code = given.code)
     RETURNING code`,
    [
      items.map((item) => item.code),
      items.map(() => 1),
      items.map((item) => item.legalGround),
      items.map((item) => item.title.de),
      items.map((item) => item.title.en),
      items.map((item) => item.description.de),
      items.map((item) => item.description.en),
      items.map((item) => item.severity),
      items.map((item) => item.period?.unit ?? null),
      items.map((item) => item.period?.amount ?? null),
    ],
  );
  return rows.length;
}
