import { getDataSourceToken } from '@nestjs/typeorm';
import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '@hausakte/testing';
import {
  catalogue,
  createProperty,
  findings,
  planInspection,
} from '../support/inspection-fixtures';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A small JPEG, different for each seed. */
const jpeg = (seed: number) =>
  sharp({
    create: {
      width: 96,
      height: 64,
      channels: 3,
      background: { r: (seed * 70) % 256, g: (seed * 130) % 256, b: (seed * 200) % 256 },
    },
  })
    .jpeg()
    .toBuffer();

/**
 * The "must show": an inspection completed with 10 defects and 3 photos, sent twice with
 * the same keys (the photos uploaded twice with their ids, the command sent twice with its
 * Idempotency-Key), exists once, with 10 defects and 3 photos whose hashes match the files.
 */
describe('an inspection with photos, sent twice', () => {
  let api: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await api?.close();
  });

  it('exists once: 10 defects and 3 photos with the files’ hashes', async () => {
    const officer = await api.signIn('officer');
    const inspector = await api.signIn('inspector');
    const property = await createProperty(api, officer.token, { street: 'Beweisstraße' });
    const planned = await planInspection(api, officer.token, {
      propertyId: property.id,
      inspectorIds: [inspector.id],
    });
    const body = {
      outcome: 'done',
      findings: findings(await catalogue(api, officer.token), 10, property.units[0].id),
    };
    const photos = await Promise.all(
      [0, 1, 2].map(async (index) => ({
        photoId: randomUUID(),
        defectId: body.findings[index * 3].id as string,
        bytes: await jpeg(index + 1),
      })),
    );
    const upload = (photo: (typeof photos)[number]) =>
      new Promise<void>((resolve, reject) => {
        new tus.Upload(photo.bytes, {
          endpoint: `${api.baseUrl}/api/v1/uploads/photos`,
          headers: { authorization: `Bearer ${inspector.token}` },
          metadata: { photoId: photo.photoId, defectId: photo.defectId, filename: 'befund.jpg' },
          retryDelays: [],
          onSuccess: () => resolve(),
          onError: reject,
        }).start();
      });
    const key = `complete-${randomUUID()}`;
    const completeOnce = () =>
      api.request<{ findings: Array<{ id: string; photoCount: number }> }>(
        'POST',
        `/api/v1/inspections/${planned.id}/complete`,
        { token: inspector.token, body, headers: { 'idempotency-key': key } },
      );

    // The field app's order: photos first (they may arrive before their defects), then the
    // command; then, after a lost answer, everything again.
    for (let attempt = 0; attempt < 2; attempt++) {
      await Promise.all(photos.map(upload));
      const done = await completeOnce();
      expect(done.status).toBe(200);
      expect(done.body.findings).toHaveLength(10);
    }

    const defects: Array<{ n: number }> = await db.query(
      `SELECT count(*)::int AS n FROM defects WHERE inspection_id = $1`,
      [planned.id],
    );
    expect(defects[0].n).toBe(10);
    const stored: Array<{ id: string; defect_id: string; sha256: string; original_path: string }> =
      await db.query(
        `SELECT p.id, p.defect_id, p.sha256, p.original_path
           FROM photos p JOIN defects d ON d.id = p.defect_id
          WHERE d.inspection_id = $1 ORDER BY p.id`,
        [planned.id],
      );
    expect(stored).toHaveLength(3);
    const storageDir = process.env.PHOTO_STORAGE_DIR!;
    for (const photo of photos) {
      const row = stored.find((candidate) => candidate.id === photo.photoId)!;
      expect(row.defect_id).toBe(photo.defectId);
      expect(row.sha256).toBe(sha256(photo.bytes));
      const file = await readFile(join(storageDir, row.original_path));
      expect(sha256(file)).toBe(row.sha256);
    }

    const detail = await api.request<{ findings: Array<{ id: string; photoCount: number }> }>(
      'GET',
      `/api/v1/inspections/${planned.id}`,
      { token: officer.token },
    );
    const counted = detail.body.findings.filter((finding) => finding.photoCount > 0);
    expect(counted.map((finding) => finding.id).sort()).toEqual(
      photos.map((photo) => photo.defectId).sort(),
    );
  });
});
