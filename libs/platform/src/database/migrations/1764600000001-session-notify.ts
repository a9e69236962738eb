import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells the api's session cache (libs/auth, SessionCache, ADR 0017) what to forget, at commit,
 * on channel `hausakte_auth`: `session:<id>` when a session is revoked, its expiry or owner
 * changes, or a live one is deleted; `user:<id>` when a user's active flag, role, name or e-mail
 * changes, or the user is deleted. Deleting sessions that have ended already (the retention
 * job) notifies nothing: no cache holds them.
 */
export class SessionNotify1764600000001 implements MigrationInterface {
  name = 'SessionNotify1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION auth_notify_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM pg_notify('hausakte_auth', 'session:' || OLD.id);
          RETURN OLD;
        END IF;
        PERFORM pg_notify('hausakte_auth', 'session:' || NEW.id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER sessions_notify_auth_update AFTER UPDATE ON sessions FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at
              OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
              OR OLD.user_id IS DISTINCT FROM NEW.user_id
              OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
        EXECUTE FUNCTION auth_notify_session()`);
    await q.query(`
      CREATE TRIGGER sessions_notify_auth_delete AFTER DELETE ON sessions FOR EACH ROW
        WHEN (OLD.revoked_at IS NULL AND OLD.expires_at > now())
        EXECUTE FUNCTION auth_notify_session()`);
    await q.query(`
      CREATE FUNCTION auth_notify_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hausakte_auth', 'user:' || OLD.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_notify_auth_update AFTER UPDATE ON users FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role
              OR OLD.email IS DISTINCT FROM NEW.email
              OR OLD.display_name IS DISTINCT FROM NEW.display_name)
        EXECUTE FUNCTION auth_notify_user()`);
    await q.query(`
      CREATE TRIGGER users_notify_auth_delete AFTER DELETE ON users FOR EACH ROW
        EXECUTE FUNCTION auth_notify_user()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER users_notify_auth_delete ON users`);
    await q.query(`DROP TRIGGER users_notify_auth_update ON users`);
    await q.query(`DROP FUNCTION auth_notify_user()`);
    await q.query(`DROP TRIGGER sessions_notify_auth_delete ON sessions`);
    await q.query(`DROP TRIGGER sessions_notify_auth_update ON sessions`);
    await q.query(`DROP FUNCTION auth_notify_session()`);
  }
}
