import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the in-app inbox and the state of each one's e-mail. `dedup_key` is the
 * caller's natural key (one notification per item, kind and date): a second notify with it
 * writes nothing, so the inbox is exactly-once. The e-mail is sent by the worker's sweeper,
 * at least once, with a Message-ID derived from the id; the recipient's address is read from
 * `users` when it is sent and is never stored here. A pending e-mail always has its next
 * attempt time, any other never.
 */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        dedup_key text NOT NULL,
        recipient_id uuid NOT NULL,
        kind text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        link text,
        entity_type text,
        entity_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email_status text NOT NULL,
        email_attempts integer NOT NULL DEFAULT 0,
        email_next_attempt_at timestamptz,
        email_sent_at timestamptz,
        email_last_error text,
        CONSTRAINT notifications_pkey PRIMARY KEY (id),
        CONSTRAINT notifications_dedup_key_key UNIQUE (dedup_key),
        CONSTRAINT notifications_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES users (id),
        CONSTRAINT notifications_dedup_key_check CHECK (length(dedup_key) BETWEEN 1 AND 300),
        CONSTRAINT notifications_kind_check CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,99}$'),
        CONSTRAINT notifications_subject_check CHECK (btrim(subject) <> '' AND length(subject) <= 300 AND subject !~ '[\\r\\n]'),
        CONSTRAINT notifications_body_check CHECK (btrim(body) <> ''),
        CONSTRAINT notifications_link_check CHECK (link IS NULL OR link ~ '^/([^/\\\\]|$)'),
        CONSTRAINT notifications_entity_check CHECK ((entity_type IS NULL) = (entity_id IS NULL)),
        CONSTRAINT notifications_email_status_check CHECK (email_status IN ('pending', 'sent', 'failed', 'none')),
        CONSTRAINT notifications_email_attempts_check CHECK (email_attempts >= 0),
        CONSTRAINT notifications_email_next_attempt_check CHECK ((email_status = 'pending') = (email_next_attempt_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX notifications_email_pending_idx ON notifications (email_next_attempt_at) WHERE email_status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX notifications_entity_idx ON notifications (entity_type, entity_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
