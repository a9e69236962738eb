import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@hausakte/platform';

describe('the migrated schema', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource({
      ...databaseOptions({ DATABASE_URL: process.env.DATABASE_URL! }),
      entities: [join(__dirname, '../../../*/src/**/*.entity.ts')],
    });
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('matches the entities exactly (migration:generate would emit nothing)', async () => {
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has PostGIS and pg_trgm', async () => {
    const rows: Array<{ extname: string }> = await db.query(
      `SELECT extname FROM pg_extension WHERE extname IN ('postgis', 'pg_trgm') ORDER BY extname`,
    );
    expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'postgis']);
  });

  it('keeps the audit trail append-only', async () => {
    await db.query(
      `INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('test.appended', 'test', 'x')`,
    );
    await expect(db.query(`UPDATE audit_log SET action = 'test.rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('refuses job ids BullMQ would reject, in the database too', async () => {
    await expect(
      db.query(`INSERT INTO outbox (job_name, job_id) VALUES ('outbox-probe', 'reminder:1')`),
    ).rejects.toThrow(/outbox_job_id_check/);
    await expect(
      db.query(`INSERT INTO outbox (job_name, job_id) VALUES ('outbox-probe', '42')`),
    ).rejects.toThrow(/outbox_job_id_check/);
  });
});
