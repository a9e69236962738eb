import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  duringFault,
  PrivateRedis,
  startPrivateRedis,
  startTestApi,
  TestApi,
} from '@hausakte/testing';
import { catalogue, createProperty, planInspection } from '../support/inspection-fixtures';

describe('the api while Redis is down', () => {
  let redis: PrivateRedis;
  let api: TestApi;
  let savedRedisUrl: string | undefined;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    savedRedisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = redis.url;
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
    await redis?.stop();
    process.env.REDIS_URL = savedRedisUrl;
  });

  it('reports ready, then degraded when its Redis stops, and keeps signing in and creating', async () => {
    const admin = await api.signIn('admin');
    expect((await api.request('GET', '/health/ready')).body).toMatchObject({
      status: 'ok',
      redis: { status: 'up' },
    });

    await duringFault(async () => {
      await redis.stop();
      const ready = await api.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'degraded',
        database: { status: 'up' },
        redis: { status: 'down' },
      });

      const officer = await api.signIn('officer');
      expect((await api.request('GET', '/api/v1/auth/me', { token: officer.token })).status).toBe(
        200,
      );
      const created = await api.request('POST', '/api/v1/users', {
        token: admin.token,
        body: {
          email: `while-down-${Date.now()}@herne.example`,
          displayName: 'Ohne Redis',
          role: 'inspector',
          password: 'lang-genug-12345',
        },
      });
      expect(created.status).toBe(201);

      // A domain command whose events go through the outbox: recorded now, relayed later.
      const inspector = await api.signIn('inspector');
      const property = await createProperty(api, officer.token, { street: 'Ohne-Redis-Weg' });
      const planned = await planInspection(api, officer.token, {
        propertyId: property.id,
        inspectorIds: [inspector.id],
      });
      const [entry] = await catalogue(api, officer.token);
      const done = await api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
        token: inspector.token,
        body: {
          outcome: 'done',
          findings: [{ id: randomUUID(), catalogueItemId: entry.id, description: 'Im Keller' }],
        },
      });
      expect(done.status).toBe(200);
      const db = api.app.get<DataSource>(getDataSourceToken());
      const pending: unknown[] = await db.query(
        `SELECT 1 FROM outbox WHERE job_id = $1 AND relayed_at IS NULL`,
        [`inspection-completed-${planned.id}`],
      );
      expect(pending).toHaveLength(1);
    });
  }, 30_000);
});
