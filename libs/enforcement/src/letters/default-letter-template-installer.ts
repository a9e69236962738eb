import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates';

/**
 * Puts the shipped letter templates into `letter_templates` as version 1 of every key that is
 * not there yet. Templates admins changed are left alone, and templates a later release adds
 * arrive on the next run. Runs after the migrations (CLI `migrate`, the test template).
 * Returns how many templates it added.
 */
export async function installDefaultLetterTemplates(
  db: DataSource | EntityManager,
): Promise<number> {
  const entries = Object.entries(DEFAULT_LETTER_TEMPLATES);
  const rows: Array<{ key: string }> = await db.query(
    `INSERT INTO letter_templates (key, version, content)
     SELECT given.key, 1, given.content
       FROM unnest($1::text[], $2::jsonb[]) AS given (key, content)
      WHERE NOT EXISTS (SELECT 1 FROM letter_templates existing WHERE existing.key = given.key)
     RETURNING key`,
    [entries.map(([key]) => key), entries.map(([, content]) => JSON.stringify(content))],
  );
  return rows.length;
}
