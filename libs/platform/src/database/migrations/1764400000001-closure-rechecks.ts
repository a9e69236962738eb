import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The re-letting re-inspections of each closure (§ 9 WohnStG), linked to the completed check they
 * follow: one next check per completed check, held by a unique key. The first check of every
 * closure vacated so far (`closures.recheck_inspection_id`) is carried over.
 */
export class ClosureRechecks1764400000001 implements MigrationInterface {
  name = 'ClosureRechecks1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "closure_rechecks" ("inspection_id" uuid NOT NULL, "closure_id" uuid NOT NULL, "follows_inspection_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "closure_rechecks_follows_inspection_id_key" UNIQUE ("follows_inspection_id"), CONSTRAINT "closure_rechecks_pkey" PRIMARY KEY ("inspection_id"))`,
    );
    await q.query(
      `CREATE INDEX "closure_rechecks_closure_id_idx" ON "closure_rechecks" ("closure_id")`,
    );
    for (const [column, table] of [
      ['inspection_id', 'inspections'],
      ['closure_id', 'closures'],
      ['follows_inspection_id', 'inspections'],
    ]) {
      await q.query(
        `ALTER TABLE "closure_rechecks" ADD CONSTRAINT "closure_rechecks_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${table}"("id")`,
      );
    }
    await q.query(
      `INSERT INTO "closure_rechecks" ("inspection_id", "closure_id")
       SELECT "recheck_inspection_id", "id" FROM "closures" WHERE "recheck_inspection_id" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "closure_rechecks"`);
  }
}
