import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@hausakte/platform';
import {
  duringFault,
  PrivatePostgres,
  startPrivatePostgres,
  startTestApi,
  TestApi,
} from '@hausakte/testing';

describe('the api while its database is down', () => {
  let postgres: PrivatePostgres;
  let api: TestApi;
  let savedDatabaseUrl: string | undefined;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const url = postgres.adminUrl.replace(/\/postgres$/, '/hausakte');
    const admin = new DataSource({
      ...databaseOptions({ DATABASE_URL: postgres.adminUrl }),
      entities: [],
    });
    await admin.initialize();
    await admin.query(`CREATE DATABASE hausakte`);
    await admin.destroy();
    const app = new DataSource({ ...databaseOptions({ DATABASE_URL: url }), entities: [] });
    await app.initialize();
    await app.runMigrations();
    await app.destroy();

    savedDatabaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    api = await startTestApi();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    process.env.DATABASE_URL = savedDatabaseUrl;
    await postgres?.remove();
  });

  it('answers 503 with Retry-After while the database is gone, and recovers when it is back', async () => {
    const officer = await api.signIn('officer');

    await duringFault(async () => {
      await postgres.crash();
      const me = await api.request('GET', '/api/v1/auth/me', { token: officer.token });
      expect(me.status).toBe(503);
      expect(me.headers.get('retry-after')).toBe('5');
      expect(me.headers.get('content-type')).toMatch(/problem\+json/);
      expect(me.body).toMatchObject({ type: 'https://hausakte.org/problems/service-unavailable' });

      const ready = await api.request('GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'down', database: { status: 'down' } });
      expect((await api.request('GET', '/health/live')).status).toBe(200);

      await postgres.start();
      // The pool drops its broken connections; give it a few tries.
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await api.request('GET', '/api/v1/auth/me', { token: officer.token })).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
    });

    // Outside the fault window again: no 5xx from here on.
    expect((await api.request('GET', '/health/ready')).body).toMatchObject({ status: 'ok' });
  }, 60_000);
});
