import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline jobs (reminders, "passed", "final") as rows derived from the deadlines, and the
 * daily digests sent. Every deadline already on file gets its rows from the worker's
 * `deadline-resync` job, which runs when a worker starts.
 */
export class DeadlineJobs1764400000000 implements MigrationInterface {
  name = 'DeadlineJobs1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "deadline_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_type" text NOT NULL, "source_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "due_on" date NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "job_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "done_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "dequeued_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "deadline_jobs_source_kind_due_key" UNIQUE ("source_id", "kind", "due_on"), CONSTRAINT "deadline_jobs_status_check" CHECK (status IN ('pending', 'done', 'cancelled')), CONSTRAINT "deadline_jobs_source_type_check" CHECK (source_type IN ('order_item', 'hearing', 'order')), CONSTRAINT "deadline_jobs_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "deadline_jobs_case_id_idx" ON "deadline_jobs" ("case_id")`);
    await q.query(
      `CREATE INDEX "deadline_jobs_pending_fire_at_idx" ON "deadline_jobs" ("fire_at") WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX "deadline_jobs_cancelled_idx" ON "deadline_jobs" ("cancelled_at") WHERE status = 'cancelled' AND dequeued_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE "deadline_jobs" ADD CONSTRAINT "deadline_jobs_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "deadline_digests" ("day" date NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deadline_digests_pkey" PRIMARY KEY ("day"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deadline_digests"`);
    await q.query(`DROP TABLE "deadline_jobs"`);
  }
}
