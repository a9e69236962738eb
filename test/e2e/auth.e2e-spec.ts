import { SESSION_COOKIE } from '@hausakte/auth';
import { startTestApi, TestApi } from '@hausakte/testing';

type Problem = {
  type: string;
  status: number;
  errors?: Array<{ field: string }>;
  current?: { version: number };
};

describe('sign-in, sessions and users', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<TestApi['signIn']>>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.signIn('admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  const login = (email: string, password: string) =>
    api.request<{ token: string; user: { role: string } }>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });

  it('signs in with an httpOnly SameSite cookie for the browser and a bearer token for clients', async () => {
    const officer = await api.createUser({ role: 'officer' });
    const response = await login(officer.email.toUpperCase(), officer.password);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ role: 'officer', email: officer.email });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${SESSION_COOKIE}=${response.body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);

    const byCookie = await api.request('GET', '/api/v1/auth/me', {
      headers: { cookie: `${SESSION_COOKIE}=${response.body.token}` },
    });
    expect(byCookie.body).toEqual({
      id: officer.id,
      email: officer.email,
      displayName: officer.displayName,
      role: 'officer',
    });
    const byBearer = await api.request('GET', '/api/v1/auth/me', { token: response.body.token });
    expect(byBearer.status).toBe(200);
  });

  it('refuses a wrong password or an unknown address with the same 401', async () => {
    const inspector = await api.createUser({ role: 'inspector' });
    const wrong = await login(inspector.email, 'not the password');
    const unknown = await login(`nobody-${Date.now()}@herne.example`, 'whatever-password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect({ ...wrong.body, correlationId: undefined }).toEqual({
      ...unknown.body,
      correlationId: undefined,
    });
  });

  it('answers without a session with 401 and a bad token with 401', async () => {
    expect((await api.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await api.request('GET', '/api/v1/auth/me', { token: 'forged' })).status).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    const manager = await api.signIn('manager');
    const out = await api.request('POST', '/api/v1/auth/logout', { token: manager.token });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await api.request('GET', '/api/v1/auth/me', { token: manager.token })).status).toBe(
      401,
    );
  });

  it('throttles failed sign-ins: 25 wrong passwords in a row end in 429', async () => {
    const target = await api.createUser({ role: 'officer' });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let attempt = 0; attempt < 25; attempt++) {
      last = await login(target.email, `wrong-${attempt}`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(20).fill(429));
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({ status: 429, type: expect.stringContaining('too-many') });
    // While throttled, even the right password is refused.
    expect((await login(target.email, target.password)).status).toBe(429);
    // Another account from the same client is not locked by this one.
    const other = await api.createUser({ role: 'officer' });
    expect((await login(other.email, other.password)).status).toBe(200);
  });

  it('counts parallel wrong passwords one by one: a burst does not slip past the limit', async () => {
    const target = await api.createUser({ role: 'officer' });
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(target.email, `wrong-${i}`)),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('ends a deactivated user’s live session at once', async () => {
    const inspector = await api.signIn('inspector');
    expect((await api.request('GET', '/api/v1/auth/me', { token: inspector.token })).status).toBe(
      200,
    );

    const current = await api.request<{ version: number }>('GET', `/api/v1/users/${inspector.id}`, {
      token: admin.token,
    });
    expect(current.headers.get('etag')).toBe(`"${current.body.version}"`);
    const deactivated = await api.request<{ active: boolean; version: number }>(
      'PATCH',
      `/api/v1/users/${inspector.id}`,
      {
        token: admin.token,
        body: { active: false },
        headers: { 'if-match': `"${current.body.version}"` },
      },
    );
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, version: current.body.version + 1 });

    expect((await api.request('GET', '/api/v1/auth/me', { token: inspector.token })).status).toBe(
      401,
    );
    expect((await login(inspector.email, inspector.password)).status).toBe(401);
  });

  it('refuses a stale If-Match with 412 and the current record, and a missing one with 428', async () => {
    const user = await api.createUser({ role: 'officer' });
    const first = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin.token,
      body: { displayName: 'Erste Änderung' },
      headers: { 'if-match': '"1"' },
    });
    expect(first.status).toBe(200);
    const stale = await api.request<Problem>('PATCH', `/api/v1/users/${user.id}`, {
      token: admin.token,
      body: { displayName: 'Zweite Änderung' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ displayName: 'Erste Änderung', version: 2 });
    expect(JSON.stringify(stale.body)).not.toContain('passwordHash');
    const missing = await api.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin.token,
      body: { displayName: 'Ohne Version' },
    });
    expect(missing.status).toBe(428);
  });

  it('refuses to clear a required field with null (422, not a database error)', async () => {
    const user = await api.createUser({ role: 'officer' });
    const response = await api.request<Problem>('PATCH', `/api/v1/users/${user.id}`, {
      token: admin.token,
      body: { displayName: null, role: null },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors?.map((e) => e.field).sort()).toEqual(['displayName', 'role']);
  });

  it('keeps at least one active admin', async () => {
    const users = await api.request<{
      items: Array<{ id: string; role: string; active: boolean; version: number }>;
    }>('GET', '/api/v1/users?limit=500', { token: admin.token });
    // Demote every other admin first, so that `admin` is the last one.
    for (const other of users.body.items.filter(
      (u) => u.role === 'admin' && u.active && u.id !== admin.id,
    )) {
      await api.request('PATCH', `/api/v1/users/${other.id}`, {
        token: admin.token,
        body: { active: false },
        headers: { 'if-match': `"${other.version}"` },
      });
    }
    const self = await api.request<{ version: number }>('GET', `/api/v1/users/${admin.id}`, {
      token: admin.token,
    });
    const response = await api.request('PATCH', `/api/v1/users/${admin.id}`, {
      token: admin.token,
      body: { role: 'officer' },
      headers: { 'if-match': `"${self.body.version}"` },
    });
    expect(response.status).toBe(409);
    expect(
      (await api.request('GET', '/api/v1/auth/me', { token: admin.token })).body,
    ).toMatchObject({ role: 'admin' });
  });

  it('refuses a second account with the same address (any spelling) naming the field', async () => {
    const user = await api.createUser({ role: 'manager' });
    const response = await api.request<Problem>('POST', '/api/v1/users', {
      token: admin.token,
      body: {
        email: user.email.toUpperCase(),
        displayName: 'Doppelt',
        role: 'manager',
        password: 'lang-genug-12345',
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'email', message: 'is already in use' }]);
  });

  it('records who changed what in the audit trail, without password hashes, under the request’s id', async () => {
    const created = await api.request<{ id: string }>('POST', '/api/v1/users', {
      token: admin.token,
      body: {
        email: `audited-${Date.now()}@herne.example`,
        displayName: 'Audit Probe',
        role: 'inspector',
        password: 'lang-genug-12345',
      },
      headers: { 'x-request-id': 'audit-trace-0001' },
    });
    expect(created.status).toBe(201);
    const trail = await api.request<{ items: Array<Record<string, unknown>>; total: number }>(
      'GET',
      `/api/v1/audit?entityType=user&entityId=${created.body.id}`,
      { token: admin.token },
    );
    expect(trail.body.total).toBe(1);
    expect(trail.body.items[0]).toMatchObject({
      action: 'user.created',
      actorId: admin.id,
      correlationId: 'audit-trace-0001',
      before: null,
      after: { displayName: 'Audit Probe', role: 'inspector', active: true },
    });
    expect(JSON.stringify(trail.body)).not.toMatch(/password|argon2/i);
  });
});
