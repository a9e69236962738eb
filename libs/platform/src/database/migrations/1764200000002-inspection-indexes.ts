import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reads inspections do most (the revisit of a visit, days across the city,
 * the newest complaints), the command hash that tells a retried completion from another one,
 * and no index on the catalogue's legal ground (dozens of rows: never used).
 */
export class InspectionIndexes1764200000002 implements MigrationInterface {
  name = 'InspectionIndexes1764200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX inspections_follows_inspection_id_idx ON inspections (follows_inspection_id)`,
    );
    await q.query(`CREATE INDEX inspections_scheduled_at_idx ON inspections (scheduled_at)`);
    await q.query(`CREATE INDEX complaints_received_at_idx ON complaints (received_at)`);
    await q.query(`DROP INDEX catalogue_items_legal_ground_idx`);
    await q.query(`ALTER TABLE inspections ADD COLUMN completion_hash text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inspections DROP COLUMN completion_hash`);
    await q.query(
      `CREATE INDEX catalogue_items_legal_ground_idx ON catalogue_items (legal_ground)`,
    );
    await q.query(`DROP INDEX complaints_received_at_idx`);
    await q.query(`DROP INDEX inspections_scheduled_at_idx`);
    await q.query(`DROP INDEX inspections_follows_inspection_id_idx`);
  }
}
