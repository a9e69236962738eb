import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The letters a hearing or an order went out as: their ids, one per addressee in the order of the
 * frozen `addressees`. Written once when the hearing is sent or the order issued; the trigger
 * refuses any later change, so the record always points at the letters that went out.
 */
export class OrderLetters1764300000003 implements MigrationInterface {
  name = 'OrderLetters1764300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hearings ADD COLUMN letter_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE orders ADD COLUMN letter_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE FUNCTION letter_ids_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(OLD.letter_ids) > 0 AND NEW.letter_ids IS DISTINCT FROM OLD.letter_ids THEN
          RAISE EXCEPTION 'the letters of a sent hearing or an issued order are never replaced'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['hearings', 'orders']) {
      await q.query(`
        CREATE TRIGGER ${table}_letter_ids_frozen BEFORE UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION letter_ids_frozen()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['hearings', 'orders']) {
      await q.query(`DROP TRIGGER ${table}_letter_ids_frozen ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN letter_ids`);
    }
    await q.query(`DROP FUNCTION letter_ids_frozen()`);
  }
}
