import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A suit filed after the challenge period ended (§ 74 VwGO) is recorded for the file but does not
 * suspend the order nor undo its finality: `suit_late` marks it.
 */
export class OrderFixes1764300000005 implements MigrationInterface {
  name = 'OrderFixes1764300000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders ADD COLUMN suit_late boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE orders DROP COLUMN suit_late`);
  }
}
