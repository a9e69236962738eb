import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Threats (Androhung) and fixings (Festsetzung) as rows: an item can be escalated again only with
 * a new served threat, never above the amount threatened, and every fixing stays on file. The
 * order's own fine threat of a served order becomes its first threat row; the old escalation
 * columns of `order_items` become fixings (substitute performance, which had no threat of its
 * own, gets an unserved separate threat carrying its estimate) and are dropped.
 */
export class Threats1764300000006 implements MigrationInterface {
  name = 'Threats1764300000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "order_item_threats" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "measure" text NOT NULL, "amount_cents" integer, "cost_estimate_cents" integer, "threatened_in" text NOT NULL, "threatened_on" date NOT NULL, "period_days" integer, "due_on" date, "served_on" date, "used_by_fixing_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "order_item_threats_measure_check" CHECK (measure IN ('coercive_fine', 'substitute_performance')), CONSTRAINT "order_item_threats_amount_check" CHECK (((measure = 'coercive_fine') = (amount_cents IS NOT NULL)) AND ((measure = 'substitute_performance') = (cost_estimate_cents IS NOT NULL)) AND (amount_cents IS NULL OR amount_cents > 0) AND (cost_estimate_cents IS NULL OR cost_estimate_cents > 0)), CONSTRAINT "order_item_threats_origin_check" CHECK (threatened_in IN ('order', 'separate') AND (threatened_in = 'order' OR period_days IS NOT NULL) AND (period_days IS NULL OR period_days >= 1)), CONSTRAINT "order_item_threats_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "order_item_threats_item_id_idx" ON "order_item_threats" ("item_id")`,
    );
    await q.query(
      `CREATE TABLE "order_item_fixings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "threat_id" uuid NOT NULL, "measure" text NOT NULL, "amount_cents" integer NOT NULL, "fixed_on" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "order_item_fixings_threat_id_key" UNIQUE ("threat_id"), CONSTRAINT "order_item_fixings_measure_check" CHECK (measure IN ('coercive_fine', 'substitute_performance')), CONSTRAINT "order_item_fixings_amount_check" CHECK (amount_cents > 0), CONSTRAINT "order_item_fixings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "order_item_fixings_item_id_idx" ON "order_item_fixings" ("item_id")`,
    );
    await q.query(
      `ALTER TABLE "order_item_threats" ADD CONSTRAINT "order_item_threats_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "order_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "order_item_threats" ADD CONSTRAINT "order_item_threats_used_by_fixing_id_fkey" FOREIGN KEY ("used_by_fixing_id") REFERENCES "order_item_fixings"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "order_item_fixings" ADD CONSTRAINT "order_item_fixings_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "order_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "order_item_fixings" ADD CONSTRAINT "order_item_fixings_threat_id_fkey" FOREIGN KEY ("threat_id") REFERENCES "order_item_threats"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "order_item_fixings" ADD CONSTRAINT "order_item_fixings_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    // The order's own fine threat of every order served so far (served formally: enforced since).
    await q.query(
      `INSERT INTO order_item_threats (item_id, measure, amount_cents, threatened_in, threatened_on, served_on)
       SELECT i.id, 'coercive_fine', i.threatened_fine_cents, 'order',
              COALESCE((o.issued_at AT TIME ZONE 'Europe/Berlin')::date, o.notified_on), o.notified_on
         FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE i.threatened_fine_cents IS NOT NULL AND o.notified_on IS NOT NULL`,
    );
    // Substitute performance escalated before it needed its own threat: an unserved threat on file.
    await q.query(
      `INSERT INTO order_item_threats (item_id, measure, cost_estimate_cents, threatened_in, threatened_on, period_days)
       SELECT i.id, 'substitute_performance', i.escalation_amount_cents, 'separate',
              COALESCE((i.escalated_at AT TIME ZONE 'Europe/Berlin')::date, CURRENT_DATE), 1
         FROM order_items i
        WHERE i.escalation_measure = 'substitute_performance' AND i.escalation_amount_cents IS NOT NULL`,
    );
    await q.query(
      `INSERT INTO order_item_fixings (item_id, threat_id, measure, amount_cents, fixed_on, created_by, created_at)
       SELECT i.id, t.id, i.escalation_measure, i.escalation_amount_cents,
              COALESCE((i.escalated_at AT TIME ZONE 'Europe/Berlin')::date, CURRENT_DATE),
              o.created_by, COALESCE(i.escalated_at, now())
         FROM order_items i
         JOIN orders o ON o.id = i.order_id
         JOIN order_item_threats t ON t.item_id = i.id AND t.measure = i.escalation_measure
        WHERE i.escalation_measure IS NOT NULL AND i.escalation_amount_cents IS NOT NULL`,
    );
    await q.query(
      `UPDATE order_item_threats t SET used_by_fixing_id = f.id
         FROM order_item_fixings f WHERE f.threat_id = t.id`,
    );
    await q.query(`ALTER TABLE order_items DROP CONSTRAINT "order_items_escalation_check"`);
    await q.query(
      `ALTER TABLE order_items DROP COLUMN escalation_measure, DROP COLUMN escalation_amount_cents, DROP COLUMN escalated_at`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE order_items ADD COLUMN escalation_measure text, ADD COLUMN escalation_amount_cents integer, ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(
      `ALTER TABLE order_items ADD CONSTRAINT "order_items_escalation_check" CHECK (escalation_measure IS NULL OR escalation_measure IN ('coercive_fine', 'substitute_performance'))`,
    );
    // The latest fixing of each item is what the old columns held.
    await q.query(
      `UPDATE order_items i SET escalation_measure = f.measure,
              escalation_amount_cents = f.amount_cents, escalated_at = f.created_at
         FROM (SELECT DISTINCT ON (item_id) item_id, measure, amount_cents, created_at
                 FROM order_item_fixings ORDER BY item_id, created_at DESC) f
        WHERE f.item_id = i.id`,
    );
    await q.query(
      `ALTER TABLE "order_item_threats" DROP CONSTRAINT "order_item_threats_used_by_fixing_id_fkey"`,
    );
    await q.query(`DROP TABLE "order_item_fixings"`);
    await q.query(`DROP TABLE "order_item_threats"`);
  }
}
