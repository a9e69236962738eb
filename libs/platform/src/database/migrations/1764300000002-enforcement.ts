import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enforcement (#5): cases (one open per property, references from a sequence), the defects they
 * hold (each in at most one case), hearings and the defects they name, orders with numbered items
 * and the defects of each item, and the events that move enforcement deadlines.
 */
export class Enforcement1764300000002 implements MigrationInterface {
  name = 'Enforcement1764300000002';

  async up(q: QueryRunner): Promise<void> {
    // Aktenzeichen WA-<year>-<number>: numbers run on across years, never reused.
    await q.query(`CREATE SEQUENCE case_reference_seq`);
    await q.query(
      `CREATE TABLE "case_defects" ("defect_id" uuid NOT NULL, "case_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_defects_pkey" PRIMARY KEY ("defect_id"))`,
    );
    await q.query(`CREATE INDEX "case_defects_case_id_idx" ON "case_defects"("case_id")`);
    await q.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference" text NOT NULL, "property_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "officer_id" uuid NOT NULL, "notes" text, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" text, "reopen_reason" text, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cases_closed_check" CHECK ((status = 'open' AND closed_at IS NULL) OR (status = 'closed' AND closed_at IS NOT NULL AND close_reason IS NOT NULL)), CONSTRAINT "cases_status_check" CHECK (status IN ('open', 'closed')), CONSTRAINT "cases_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "cases_reference_key" ON "cases"("reference")`);
    await q.query(`CREATE INDEX "cases_property_id_idx" ON "cases"("property_id")`);
    await q.query(`CREATE INDEX "cases_officer_id_idx" ON "cases"("officer_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "cases_one_open_per_property_idx" ON "cases"("property_id") WHERE status = 'open'`,
    );
    await q.query(
      `CREATE TABLE "hearing_defects" ("hearing_id" uuid NOT NULL, "defect_id" uuid NOT NULL, CONSTRAINT "hearing_defects_pkey" PRIMARY KEY ("hearing_id", "defect_id"))`,
    );
    await q.query(`CREATE INDEX "hearing_defects_defect_id_idx" ON "hearing_defects"("defect_id")`);
    await q.query(
      `CREATE TABLE "enforcement_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "hearing_id" uuid, "order_id" uuid, "item_id" uuid, "kind" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "enforcement_events_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "enforcement_events_case_id_idx" ON "enforcement_events"("case_id")`,
    );
    await q.query(
      `CREATE INDEX "enforcement_events_order_id_idx" ON "enforcement_events"("order_id")`,
    );
    await q.query(
      `CREATE INDEX "enforcement_events_occurred_at_idx" ON "enforcement_events"("occurred_at")`,
    );
    await q.query(
      `CREATE TABLE "hearings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "reply_days" integer NOT NULL, "addressees" jsonb, "delivery" jsonb, "notified_on" date, "reply_due_on" date, "sent_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "close_note" text, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "hearings_sent_check" CHECK (status = 'draft' OR (addressees IS NOT NULL AND delivery IS NOT NULL AND notified_on IS NOT NULL AND reply_due_on IS NOT NULL)), CONSTRAINT "hearings_reply_days_check" CHECK (reply_days BETWEEN 1 AND 365), CONSTRAINT "hearings_status_check" CHECK (status IN ('draft', 'sent', 'closed')), CONSTRAINT "hearings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "hearings_case_id_idx" ON "hearings"("case_id")`);
    await q.query(
      `CREATE TABLE "order_item_defects" ("item_id" uuid NOT NULL, "defect_id" uuid NOT NULL, CONSTRAINT "order_item_defects_pkey" PRIMARY KEY ("item_id", "defect_id"))`,
    );
    await q.query(
      `CREATE INDEX "order_item_defects_defect_id_idx" ON "order_item_defects"("defect_id")`,
    );
    await q.query(
      `CREATE TABLE "order_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "number" integer NOT NULL, "requirement" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "period_unit" text NOT NULL, "period_amount" integer NOT NULL, "period_source" text NOT NULL, "period_override_reason" text, "threatened_fine_cents" integer, "due_on" date, "due_at" TIMESTAMP WITH TIME ZONE, "escalation_measure" text, "escalation_amount_cents" integer, "escalated_at" TIMESTAMP WITH TIME ZONE, "status_changed_at" TIMESTAMP WITH TIME ZONE, "status_reason" text, CONSTRAINT "order_items_order_id_number_key" UNIQUE ("order_id", "number"), CONSTRAINT "order_items_escalation_check" CHECK (escalation_measure IS NULL OR escalation_measure IN ('coercive_fine', 'substitute_performance')), CONSTRAINT "order_items_fine_check" CHECK (threatened_fine_cents IS NULL OR threatened_fine_cents > 0), CONSTRAINT "order_items_period_source_check" CHECK (period_source IN ('override', 'catalogue', 'severity_default') AND ((period_source = 'override') = (period_override_reason IS NOT NULL))), CONSTRAINT "order_items_period_check" CHECK (period_unit IN ('hours', 'days') AND period_amount >= 1), CONSTRAINT "order_items_number_check" CHECK (number >= 1), CONSTRAINT "order_items_status_check" CHECK (status IN ('open', 'complied', 'not_complied', 'escalated', 'closed', 'withdrawn')), CONSTRAINT "order_items_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "order_items_due_on_idx" ON "order_items"("due_on")`);
    await q.query(
      `CREATE TABLE "orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "hearing_id" uuid, "hearing_skipped_reason" text, "immediately_enforceable" boolean NOT NULL DEFAULT false, "immediate_enforcement_reasoning" text, "legal_remedy_instructions" text NOT NULL DEFAULT 'correct', "addressees" jsonb, "issued_at" TIMESTAMP WITH TIME ZONE, "delivery" jsonb, "notified_on" date, "notified_at" TIMESTAMP WITH TIME ZONE, "notification_rule" text, "challenge_ends_on" date, "suit_filed_on" date, "suit_outcome" text, "suit_decided_on" date, "withdrawn_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "orders_served_check" CHECK (status IN ('draft', 'issued') OR (status = 'withdrawn' AND notified_on IS NULL) OR (notified_on IS NOT NULL AND challenge_ends_on IS NOT NULL)), CONSTRAINT "orders_suit_outcome_check" CHECK (suit_outcome IS NULL OR suit_outcome IN ('dismissed', 'set_aside')), CONSTRAINT "orders_legal_remedy_instructions_check" CHECK (legal_remedy_instructions IN ('correct', 'missing', 'wrong')), CONSTRAINT "orders_immediate_enforcement_check" CHECK (NOT immediately_enforceable OR immediate_enforcement_reasoning IS NOT NULL), CONSTRAINT "orders_hearing_check" CHECK ((hearing_id IS NULL) <> (hearing_skipped_reason IS NULL)), CONSTRAINT "orders_status_check" CHECK (status IN ('draft', 'issued', 'served', 'challenged', 'closed', 'withdrawn', 'annulled')), CONSTRAINT "orders_kind_check" CHECK (kind IN ('repair', 'uninhabitability', 'occupancy', 'cooperation')), CONSTRAINT "orders_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "orders_case_id_idx" ON "orders"("case_id")`);
    await q.query(`CREATE INDEX "orders_hearing_id_idx" ON "orders"("hearing_id")`);
    await q.query(`CREATE INDEX "orders_challenge_ends_on_idx" ON "orders"("challenge_ends_on")`);
    await q.query(
      `ALTER TABLE "case_defects" ADD CONSTRAINT "case_defects_defect_id_fkey" FOREIGN KEY ("defect_id") REFERENCES "defects"("id")`,
    );
    await q.query(
      `ALTER TABLE "case_defects" ADD CONSTRAINT "case_defects_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id")`,
    );
    await q.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_property_id_fkey" FOREIGN KEY ("property_id") REFERENCES "properties"("id")`,
    );
    await q.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "users"("id")`,
    );
    await q.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id")`,
    );
    await q.query(
      `ALTER TABLE "hearing_defects" ADD CONSTRAINT "hearing_defects_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "hearing_defects" ADD CONSTRAINT "hearing_defects_defect_id_fkey" FOREIGN KEY ("defect_id") REFERENCES "defects"("id")`,
    );
    await q.query(
      `ALTER TABLE "enforcement_events" ADD CONSTRAINT "enforcement_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id")`,
    );
    await q.query(
      `ALTER TABLE "enforcement_events" ADD CONSTRAINT "enforcement_events_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id")`,
    );
    await q.query(
      `ALTER TABLE "enforcement_events" ADD CONSTRAINT "enforcement_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id")`,
    );
    await q.query(
      `ALTER TABLE "enforcement_events" ADD CONSTRAINT "enforcement_events_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "order_items"("id")`,
    );
    await q.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "hearings_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id")`,
    );
    await q.query(
      `ALTER TABLE "hearings" ADD CONSTRAINT "hearings_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id")`,
    );
    await q.query(
      `ALTER TABLE "order_item_defects" ADD CONSTRAINT "order_item_defects_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "order_items"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "order_item_defects" ADD CONSTRAINT "order_item_defects_defect_id_fkey" FOREIGN KEY ("defect_id") REFERENCES "defects"("id")`,
    );
    await q.query(
      `ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "orders_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id")`,
    );
    await q.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "orders_hearing_id_fkey" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id")`,
    );
    await q.query(
      `ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'enforcement_events',
      'order_item_defects',
      'order_items',
      'orders',
      'hearing_defects',
      'hearings',
      'case_defects',
      'cases',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP SEQUENCE case_reference_seq`);
  }
}
