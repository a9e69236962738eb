import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photo evidence per defect. `defect_id` is the client's UUID of the defect and has no foreign
 * key: a photo may arrive before the completion command that creates its defect. Attached means
 * a `defects` row with that id exists; photos never attached are removed after 7 days.
 * A photo's bytes never change: the trigger refuses any update of what identifies them.
 */
export class Photos1764200000001 implements MigrationInterface {
  name = 'Photos1764200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE photos (
        id uuid NOT NULL,
        defect_id uuid NOT NULL,
        uploaded_by uuid NOT NULL,
        sha256 text NOT NULL,
        content_type text NOT NULL,
        byte_size integer NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        captured_at timestamptz,
        gps geometry(Point, 4326),
        original_path text NOT NULL,
        preview_path text NOT NULL,
        original_filename text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT photos_pkey PRIMARY KEY (id),
        CONSTRAINT photos_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES users (id),
        CONSTRAINT photos_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT photos_content_type_check CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        CONSTRAINT photos_byte_size_check CHECK (byte_size > 0),
        CONSTRAINT photos_dimensions_check CHECK (width > 0 AND height > 0)
      )`);
    await q.query(`CREATE INDEX photos_defect_id_idx ON photos (defect_id)`);
    await q.query(`CREATE INDEX photos_created_at_idx ON photos (created_at)`);
    await q.query(`
      CREATE FUNCTION photos_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.sha256, NEW.content_type, NEW.byte_size, NEW.original_path)
           IS DISTINCT FROM (OLD.id, OLD.sha256, OLD.content_type, OLD.byte_size, OLD.original_path) THEN
          RAISE EXCEPTION 'a photo''s bytes never change' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER photos_immutable BEFORE UPDATE ON photos
      FOR EACH ROW EXECUTE FUNCTION photos_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE photos`);
    await q.query(`DROP FUNCTION photos_immutable()`);
  }
}
