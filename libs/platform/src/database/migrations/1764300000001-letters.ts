import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters: versioned letter templates (the wording, edited by admins as new versions) and the
 * letters issued from them, each with the data snapshot it was rendered from and its PDF's path
 * and SHA-256. What identifies a letter's file never changes: the trigger refuses it.
 */
export class Letters1764300000001 implements MigrationInterface {
  name = 'Letters1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE letter_templates (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version integer NOT NULL,
        content jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT letter_templates_pkey PRIMARY KEY (id),
        CONSTRAINT letter_templates_key_version_key UNIQUE (key, version),
        CONSTRAINT letter_templates_key_check CHECK (key IN ('hearing', 'repair_order', 'uninhabitability_order', 'occupancy_order', 'cooperation_order')),
        CONSTRAINT letter_templates_version_check CHECK (version >= 1),
        CONSTRAINT letter_templates_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
      )`);

    await q.query(`
      CREATE TABLE letters (
        id uuid NOT NULL,
        template_id uuid NOT NULL,
        kind text NOT NULL,
        reference text NOT NULL,
        data jsonb NOT NULL,
        pdf_path text NOT NULL,
        sha256 text NOT NULL,
        byte_size integer NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT letters_pkey PRIMARY KEY (id),
        CONSTRAINT letters_template_id_fkey FOREIGN KEY (template_id) REFERENCES letter_templates (id),
        CONSTRAINT letters_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT letters_kind_check CHECK (kind IN ('hearing', 'order')),
        CONSTRAINT letters_reference_check CHECK (btrim(reference) <> ''),
        CONSTRAINT letters_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT letters_byte_size_check CHECK (byte_size > 0)
      )`);
    await q.query(`CREATE INDEX letters_template_id_idx ON letters (template_id)`);
    await q.query(`CREATE INDEX letters_reference_idx ON letters (reference)`);
    await q.query(`
      CREATE FUNCTION letters_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.template_id, NEW.kind, NEW.pdf_path, NEW.sha256, NEW.byte_size, NEW.created_at)
           IS DISTINCT FROM (OLD.id, OLD.template_id, OLD.kind, OLD.pdf_path, OLD.sha256, OLD.byte_size, OLD.created_at) THEN
          RAISE EXCEPTION 'a letter is never regenerated' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER letters_immutable BEFORE UPDATE ON letters
      FOR EACH ROW EXECUTE FUNCTION letters_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE letters`);
    await q.query(`DROP FUNCTION letters_immutable()`);
    await q.query(`DROP TABLE letter_templates`);
  }
}
