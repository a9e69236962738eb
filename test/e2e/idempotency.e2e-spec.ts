import { startTestApi, TestApi } from '@hausakte/testing';

describe('Idempotency-Key on creates', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<TestApi['signIn']>>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.signIn('admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  const newUser = (tag: string) => ({
    email: `idem-${tag}@herne.example`,
    displayName: `Idempotent ${tag}`,
    role: 'inspector',
    password: 'lang-genug-12345',
  });

  const create = (body: unknown, key: string, token = admin.token) =>
    api.request<{ id: string }>('POST', '/api/v1/users', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });

  async function countUsers(email: string): Promise<number> {
    const list = await api.request<{ items: Array<{ email: string }> }>(
      'GET',
      '/api/v1/users?limit=500',
      {
        token: admin.token,
      },
    );
    return list.body.items.filter((u) => u.email === email).length;
  }

  it('replays the first answer for the same key and body', async () => {
    const tag = `replay-${Date.now()}`;
    const body = newUser(tag);
    const first = await create(body, `key-${tag}`);
    const again = await create(body, `key-${tag}`);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    await expect(countUsers(body.email)).resolves.toBe(1);
  });

  it('refuses the same key with another body (422 naming the header)', async () => {
    const tag = `mismatch-${Date.now()}`;
    await create(newUser(tag), `key-${tag}`);
    const other = await create(newUser(`${tag}-other`), `key-${tag}`);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    await expect(countUsers(`idem-${tag}-other@herne.example`)).resolves.toBe(0);
  });

  it('creates one record when the same key is sent several times at once', async () => {
    const tag = `race-${Date.now()}`;
    const body = newUser(tag);
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(body, `key-${tag}`)));
    const statuses = answers.map((a) => a.status);
    for (const status of statuses) expect([201, 409]).toContain(status);
    expect(statuses).toContain(201);
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    await expect(countUsers(body.email)).resolves.toBe(1);
    // Once the first has finished, a retry gets its answer.
    const retry = await create(body, `key-${tag}`);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe([...ids][0]);
  });

  it('keeps keys per user: another admin’s same key is another request', async () => {
    const second = await api.signIn('admin');
    const tag = `per-user-${Date.now()}`;
    const mine = await create(newUser(tag), `shared-${tag}`);
    const theirs = await create(newUser(`${tag}-b`), `shared-${tag}`, second.token);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('stores no key for a failed create, so a corrected retry goes through', async () => {
    const tag = `failed-${Date.now()}`;
    const bad = await create({ ...newUser(tag), password: 'short' }, `key-${tag}`);
    expect(bad.status).toBe(422);
    const good = await create(newUser(tag), `key-${tag}`);
    expect(good.status).toBe(201);
  });

  it('refuses a malformed key', async () => {
    const response = await create(newUser(`bad-key-${Date.now()}`), 'x'.repeat(201));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
  });
});
