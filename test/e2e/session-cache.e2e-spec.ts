import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashToken, SESSION_LISTENER_NAME, SessionCache } from '@hausakte/auth';
import { startTestApi, TestApi, waitFor } from '@hausakte/testing';

/**
 * The api's session cache (ADR 0017) against real PostgreSQL: a checked session is answered
 * from memory, and a change made by anyone else (another api process, the cli, plain SQL)
 * reaches it through the triggers' notifications; while its listener is gone it answers nothing.
 */
describe('the session cache', () => {
  let api: TestApi;
  let db: DataSource;
  let cache: SessionCache;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    cache = api.app.get(SessionCache);
  });

  afterAll(async () => {
    await api?.close();
  });

  const me = (token: string) =>
    api.request<{ role: string; displayName: string }>('GET', '/api/v1/auth/me', { token });
  /** Answers the status once it is `status` (the change arrives by notification). */
  const until = (token: string, status: number) =>
    waitFor(async () => ((await me(token)).status === status ? status : undefined), 5_000);
  const listening = () => waitFor(() => Promise.resolve(cache.active ? true : undefined), 10_000);

  it('answers a checked session from memory', async () => {
    const user = await api.signIn('inspector');
    expect((await me(user.token)).status).toBe(200);
    await listening();
    expect((await me(user.token)).status).toBe(200);
    expect(cache.get(hashToken(user.token))).toMatchObject({ userId: user.id, role: 'inspector' });
  });

  it('forgets a session revoked in the database by someone else', async () => {
    const user = await api.signIn('inspector');
    await listening();
    await me(user.token);
    expect(cache.get(hashToken(user.token))).toBeDefined();
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1`, [
      hashToken(user.token),
    ]);
    await expect(until(user.token, 401)).resolves.toBe(401);
    expect(cache.get(hashToken(user.token))).toBeUndefined();
  });

  it('forgets a live session deleted, and a user deactivated or given another role', async () => {
    const [deleted, demoted, deactivated] = await Promise.all([
      api.signIn('inspector'),
      api.signIn('manager'),
      api.signIn('officer'),
    ]);
    await listening();
    for (const user of [deleted, demoted, deactivated]) await me(user.token);
    await db.query(`DELETE FROM sessions WHERE token_hash = $1`, [hashToken(deleted.token)]);
    await db.query(`UPDATE users SET role = 'inspector' WHERE id = $1`, [demoted.id]);
    await db.query(`UPDATE users SET active = false WHERE id = $1`, [deactivated.id]);
    await expect(until(deleted.token, 401)).resolves.toBe(401);
    await expect(until(deactivated.token, 401)).resolves.toBe(401);
    await waitFor(
      async () => ((await me(demoted.token)).body.role === 'inspector' ? true : undefined),
      5_000,
    );
  });

  it('forgets a sign-out of this process at once', async () => {
    const user = await api.signIn('officer');
    await listening();
    expect((await me(user.token)).status).toBe(200);
    expect(
      (await api.request('POST', '/api/v1/auth/logout', { token: user.token, body: {} })).status,
    ).toBe(204);
    // No waiting: the very next request is refused.
    expect((await me(user.token)).status).toBe(401);
  });

  it('asks the database while its listener is gone, and listens again', async () => {
    const user = await api.signIn('inspector');
    await listening();
    await me(user.token);
    expect(cache.get(hashToken(user.token))).toBeDefined();

    const [{ terminated }] = await db.query<Array<{ terminated: boolean }>>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [`${SESSION_LISTENER_NAME}-${process.pid}`],
    );
    expect(terminated).toBe(true);
    await waitFor(() => Promise.resolve(cache.active ? undefined : true), 5_000);
    // Not heard by anyone now; the next request must still see it.
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1`, [
      hashToken(user.token),
    ]);
    expect((await me(user.token)).status).toBe(401);

    await listening();
    const again = await api.signIn('inspector');
    expect((await me(again.token)).status).toBe(200);
    expect(cache.get(hashToken(again.token))).toMatchObject({ userId: again.id });
  });
});
