import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closure register (#5): closures from a declaration of uninhabitability (§ 9 WohnStG) with
 * their dated steps `declared → vacated → sealed → released`, the units they cover (none: the
 * whole building) and the re-letting re-inspection planned last.
 */
export class Closures1764300000004 implements MigrationInterface {
  name = 'Closures1764300000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "closures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "property_id" uuid NOT NULL, "order_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'declared', "declared_on" date NOT NULL, "immediate_danger" boolean NOT NULL DEFAULT false, "move_out_by" date, "replacement_housing_offered_on" date, "replacement_housing_by" text, "occupants_notified_on" date, "households_notified" integer, "vacated_on" date, "sealed_on" date, "released_on" date, "release_reason" text, "recheck_inspection_id" uuid, "created_by" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "closures_occupants_notified_check" CHECK ((occupants_notified_on IS NULL) = (households_notified IS NULL) AND (households_notified IS NULL OR households_notified >= 0)), ` +
        `CONSTRAINT "closures_replacement_housing_check" CHECK ((replacement_housing_offered_on IS NULL) = (replacement_housing_by IS NULL) AND (replacement_housing_by IS NULL OR replacement_housing_by IN ('landlord', 'city'))), ` +
        `CONSTRAINT "closures_move_out_check" CHECK (move_out_by IS NULL OR immediate_danger OR replacement_housing_offered_on IS NOT NULL), ` +
        `CONSTRAINT "closures_steps_check" CHECK ((status = 'declared' AND vacated_on IS NULL AND sealed_on IS NULL AND released_on IS NULL) OR (status = 'vacated' AND vacated_on IS NOT NULL AND sealed_on IS NULL AND released_on IS NULL) OR (status = 'sealed' AND vacated_on IS NOT NULL AND sealed_on IS NOT NULL AND released_on IS NULL) OR (status = 'released' AND vacated_on IS NOT NULL AND sealed_on IS NOT NULL AND released_on IS NOT NULL AND release_reason IS NOT NULL)), ` +
        `CONSTRAINT "closures_status_check" CHECK (status IN ('declared', 'vacated', 'sealed', 'released')), ` +
        `CONSTRAINT "closures_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "closures_case_id_idx" ON "closures"("case_id")`);
    await q.query(`CREATE INDEX "closures_property_id_idx" ON "closures"("property_id")`);
    await q.query(`CREATE INDEX "closures_order_id_idx" ON "closures"("order_id")`);
    await q.query(`CREATE INDEX "closures_status_idx" ON "closures"("status")`);
    await q.query(
      `CREATE TABLE "closure_units" ("closure_id" uuid NOT NULL, "unit_id" uuid NOT NULL, CONSTRAINT "closure_units_pkey" PRIMARY KEY ("closure_id", "unit_id"))`,
    );
    await q.query(`CREATE INDEX "closure_units_unit_id_idx" ON "closure_units"("unit_id")`);
    for (const [column, table] of [
      ['case_id', 'cases'],
      ['property_id', 'properties'],
      ['order_id', 'orders'],
      ['recheck_inspection_id', 'inspections'],
      ['created_by', 'users'],
    ]) {
      await q.query(
        `ALTER TABLE "closures" ADD CONSTRAINT "closures_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${table}"("id")`,
      );
    }
    await q.query(
      `ALTER TABLE "closure_units" ADD CONSTRAINT "closure_units_closure_id_fkey" FOREIGN KEY ("closure_id") REFERENCES "closures"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "closure_units" ADD CONSTRAINT "closure_units_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "closure_units"`);
    await q.query(`DROP TABLE "closures"`);
  }
}
