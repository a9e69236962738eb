import { startTestApi, TestApi } from '@hausakte/testing';

describe('platform over HTTP', () => {
  let api: TestApi;
  let admin: Awaited<ReturnType<TestApi['signIn']>>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.signIn('admin');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is live and ready with database, PostGIS and Redis up', async () => {
    await expect(api.request('GET', '/health/live')).resolves.toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', postgis: expect.stringMatching(/^3\./) },
      redis: { status: 'up' },
    });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'https://hausakte.org/problems/malformed-json',
      status: 400,
      instance: '/api/v1/users',
      correlationId: expect.any(String),
    });
  });

  it('answers an unknown field with 422 naming it, and stores nothing', async () => {
    const email = `unknown-field-${Date.now()}@herne.example`;
    const response = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      body: { email, displayName: 'X', role: 'officer', password: 'lang-genug-123', colour: 'red' },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([{ field: 'colour', message: 'is not a known field' }]);
    const list = await api.request<{ items: Array<{ email: string }> }>(
      'GET',
      '/api/v1/users?limit=500',
      {
        token: admin.token,
      },
    );
    expect(list.body.items.map((u) => u.email)).not.toContain(email);
  });

  it('names every wrong field', async () => {
    const response = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      body: { email: 'not-an-address', displayName: '', role: 'king', password: 'short' },
    });
    expect(response.status).toBe(422);
    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password', 'role']);
  });

  it('answers a 6 MB body with 413 problem+json', async () => {
    const response = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      rawBody: JSON.stringify({ displayName: 'x'.repeat(6 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'https://hausakte.org/problems/body-too-large' });
  });

  it('answers an unknown API route with 404 problem+json', async () => {
    const response = await api.request('GET', '/api/v1/nothing-here', { token: admin.token });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers out-of-range paging with 422', async () => {
    const response = await api.request('GET', '/api/v1/users?limit=501&offset=-1', {
      token: admin.token,
    });
    expect(response.status).toBe(422);
    const fields = (response.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['limit', 'offset']);
  });

  it('answers values the database cannot take with 422, not 500', async () => {
    const nul = await api.request('GET', '/api/v1/audit?entityType=user%00x', {
      token: admin.token,
    });
    expect(nul.status).toBe(422);
    const far = await api.request('GET', '/api/v1/users?offset=100000000000000000000', {
      token: admin.token,
    });
    expect(far.status).toBe(422);
  });

  it('echoes a given correlation id and sends security headers', async () => {
    const response = await api.request('GET', '/health/live', {
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-12345678');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves the web app its runtime settings, with the map centred on the city', async () => {
    const response = await api.request<string>('GET', '/app-config.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const settings = JSON.parse(/^window\.__HAUSAKTE_CONFIG__ = (.*);\n$/.exec(response.body)![1]);
    expect(settings.mapCenter[0]).toBeCloseTo(7.215, 6);
    expect(settings.mapCenter[1]).toBeCloseTo(51.535, 6);
    expect(settings.tileUrl).toBeUndefined();
  });

  it('publishes the OpenAPI description', async () => {
    const response = await api.request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/docs-json',
    );
    expect(response.status).toBe(200);
    // Answers are described too, not only errors.
    const login = response.body.paths['/api/v1/auth/login'] as {
      post: { responses: Record<string, unknown> };
    };
    expect(Object.keys(login.post.responses)).toEqual(
      expect.arrayContaining(['200', '401', '422', '429']),
    );
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/audit',
      ]),
    );
  });
});

describe('a deployment with a basemap', () => {
  let api: TestApi;

  beforeAll(async () => {
    process.env.MAP_TILE_URL = 'https://{s}.tiles.example.org/{z}/{x}/{y}.png';
    api = await startTestApi();
  });

  afterAll(async () => {
    delete process.env.MAP_TILE_URL;
    await api?.close();
  });

  it('hands the tile URL to the web app and lets images come from that host only', async () => {
    const response = await api.request<string>('GET', '/app-config.js');
    expect(response.body).toContain('"tileUrl":"https://{s}.tiles.example.org/{z}/{x}/{y}.png"');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/\*\.tiles\.example\.org;/);
  });
});
