import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_RISK_WEIGHTS } from '@hausakte/map';
import { startTestApi, TestApi } from '@hausakte/testing';
import { createWorkerApp } from '@hausakte/worker';
import { catalogue, createProperty, planInspection } from '../support/inspection-fixtures';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Risk {
  score: number;
  weightsVersion: number;
  factors: Array<{ factor: string; count: number; weight: number; points: number }>;
}

describe('the risk score follows the outbox', () => {
  let api: TestApi;
  let worker: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    process.env.OUTBOX_POLL_MS = '100';
    worker = await createWorkerApp();
    await worker.init();
    db = api.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const storedScore = async (propertyId: string): Promise<number | undefined> => {
    const rows: Array<{ score: number }> = await db.query(
      `SELECT score FROM property_risk WHERE property_id = $1`,
      [propertyId],
    );
    return rows[0]?.score;
  };

  it('recomputes a property’s score from the events of a recorded inspection, explained', async () => {
    const officer = await api.signIn('officer');
    const inspector = await api.signIn('inspector');
    const entries = await catalogue(api, officer.token);
    const property = await createProperty(api, officer.token, { street: 'Risikoweg' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const severe = entries.find((entry) => entry.severity === 'C')!;
    const minor = entries.find((entry) => entry.severity === 'A')!;
    const done = await api.request('POST', `/api/v1/inspections/${planned.id}/complete`, {
      token: inspector.token,
      body: {
        outcome: 'done',
        findings: [
          { id: randomUUID(), catalogueItemId: severe.id, description: 'Gasgeruch' },
          { id: randomUUID(), catalogueItemId: minor.id, description: 'Hahn tropft' },
        ],
      },
    });
    expect(done.status).toBe(200);

    const expected = DEFAULT_RISK_WEIGHTS.openDefectsC + DEFAULT_RISK_WEIGHTS.openDefectsA;
    await waitFor(
      async () => ((await storedScore(property.id)) === expected ? true : undefined),
      15_000,
    );
    const risk = await api.request<Risk>('GET', `/api/v1/properties/${property.id}/risk`, {
      token: (await api.signIn('manager')).token,
    });
    expect(risk.status).toBe(200);
    expect(risk.body.score).toBe(expected);
    expect(risk.body.factors.map((f) => [f.factor, f.count, f.points])).toEqual([
      ['openDefectsC', 1, DEFAULT_RISK_WEIGHTS.openDefectsC],
      ['openDefectsA', 1, DEFAULT_RISK_WEIGHTS.openDefectsA],
    ]);
  });

  it('takes new weights from admins, as a new version, and recomputes every score with them', async () => {
    const admin = await api.signIn('admin');
    const current = await api.request<{ version: number; weights: Record<string, number> }>(
      'GET',
      '/api/v1/risk-weights',
      { token: admin.token },
    );
    const put = (body: unknown, ifMatch?: string) =>
      api.request<{ version: number; errors?: Array<{ field: string }> }>(
        'PUT',
        '/api/v1/risk-weights',
        { token: admin.token, body, headers: ifMatch ? { 'if-match': ifMatch } : {} },
      );
    expect((await put(current.body.weights)).status).toBe(428);
    const invalid = await put(
      { ...current.body.weights, openDefectsC: -1 },
      `"${current.body.version}"`,
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors?.map((e) => e.field)).toEqual(['weights.openDefectsC']);

    const officer = await api.signIn('officer');
    const property = await createProperty(api, officer.token, { street: 'Gewichtsweg' });
    await api.request('GET', `/api/v1/properties/${property.id}/risk`, { token: officer.token });
    // A property without findings and inspections scores 0 under any weights; give it a complaint.
    const complaint = await api.request<{ propertyId: string }>('POST', '/api/v1/complaints', {
      token: officer.token,
      body: {
        source: 'tenant',
        legalGround: 's5_5',
        text: 'Schimmel im Schlafzimmer',
        address: { street: 'Gewichtsweg', houseNumber: '1', postcode: '44623' },
      },
    });
    expect(complaint.body.propertyId).toBe(property.id);
    // The complaint's own event scores it under the current weights first …
    const before = current.body.weights.complaintsLast12Months;
    await waitFor(
      async () => ((await storedScore(property.id)) === before ? true : undefined),
      15_000,
    );
    const weights = { ...current.body.weights, complaintsLast12Months: 7 };
    const changed = await put(weights, `"${current.body.version}"`);
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(current.body.version + 1);
    expect((await put(weights, `"${current.body.version}"`)).status).toBe(412);

    // … and only the recompute after the new weights can make it 7.
    await waitFor(async () => ((await storedScore(property.id)) === 7 ? true : undefined), 15_000);
    const risk = await api.request<Risk & { weights: Record<string, number> }>(
      'GET',
      `/api/v1/properties/${property.id}/risk`,
      { token: officer.token },
    );
    expect(risk.body).toMatchObject({ weightsVersion: changed.body.version, weights });
  });
});
