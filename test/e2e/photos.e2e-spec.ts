import { getDataSourceToken } from '@nestjs/typeorm';
import exifr from 'exifr';
import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { lockDefectsForPhotos, PhotoRetention } from '@hausakte/inspections';
import { RequestContext } from '@hausakte/platform';
import { startTestApi, TestApi, TestResponse } from '@hausakte/testing';

type SignedIn = Awaited<ReturnType<TestApi['signIn']>>;
type Problem = {
  type: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
};
type Photo = {
  id: string;
  defectId: string;
  attached: boolean;
  uploadedBy: string;
  contentType: string;
  byteSize: number;
  width: number;
  height: number;
  sha256: string;
  capturedAt: string | null;
  location: { type: 'Point'; coordinates: [number, number] } | null;
  originalFilename: string | null;
};
type AuditEntry = { action: string; actorId: string | null; before: unknown; after: unknown };

/** Small enough that a generated image can exceed it; large enough for the EXIF photo. */
const MAX_BYTES = 3_000_000;
const UPLOADS = '/api/v1/uploads/photos';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A plain little JPEG; each call gives other bytes. */
const smallJpeg = () =>
  sharp({
    create: {
      width: 64,
      height: 48,
      channels: 3,
      background: {
        r: Math.floor(Math.random() * 256),
        g: Math.floor(Math.random() * 256),
        b: Math.floor(Math.random() * 256),
      },
    },
  })
    .jpeg()
    .toBuffer();

describe('photo evidence (tus uploads, previews, originals, retention)', () => {
  let api: TestApi;
  let db: DataSource;
  let storage: string;
  let inspector: SignedIn;
  let otherInspector: SignedIn;
  let officer: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  /** A 2400×1800 photo (~2 MB) taken in Herne: EXIF capture time and GPS. */
  let exifPhoto: Buffer;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    storage = await mkdtemp(join(tmpdir(), 'hausakte-photos-e2e-'));
    process.env.PHOTO_STORAGE_DIR = storage;
    process.env.PHOTO_MAX_BYTES = String(MAX_BYTES);
    api = await startTestApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    [inspector, otherInspector, officer, manager, admin] = await Promise.all([
      api.signIn('inspector'),
      api.signIn('inspector'),
      api.signIn('officer'),
      api.signIn('manager'),
      api.signIn('admin'),
    ]);
    exifPhoto = await sharp({
      create: {
        width: 2400,
        height: 1800,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg({ quality: 85 })
      .withExif({
        IFD0: { Make: 'Hausakte Testkamera', Artist: 'Ines Prüfer' },
        IFD2: { DateTimeOriginal: '2025:11:03 14:25:07' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 32/1 2520/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '7/1 13/1 1200/100',
        },
      })
      .toBuffer();
  });

  afterAll(async () => {
    await api?.close();
    process.env = savedEnv;
    await rm(storage, { recursive: true, force: true });
  });

  // ---- tus over raw HTTP ----------------------------------------------------------------------

  const metadataHeader = (metadata: Record<string, string>) =>
    Object.entries(metadata)
      .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
      .join(',');

  const begin = (
    token: string,
    length: number,
    metadata: Record<string, string>,
  ): Promise<TestResponse<Problem>> =>
    api.request<Problem>('POST', UPLOADS, {
      token,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(length),
        'upload-metadata': metadataHeader(metadata),
      },
    });

  const send = (token: string, location: string, offset: number, bytes: Buffer) =>
    api.request<Problem>('PATCH', location, {
      token,
      rawBody: bytes,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
    });

  const head = (token: string, location: string) =>
    api.request<Problem>('HEAD', location, { token, headers: { 'tus-resumable': '1.0.0' } });

  /** Creation, then all bytes in one PATCH; the PATCH's answer. */
  const upload = async (
    token: string,
    bytes: Buffer,
    metadata: Record<string, string>,
  ): Promise<TestResponse<Problem>> => {
    const created = await begin(token, bytes.length, metadata);
    if (created.status !== 201) return created;
    return send(token, created.headers.get('location')!, 0, bytes);
  };

  /** The same with tus-js-client, as the field app does it. Resolves with the upload's URL. */
  const clientUpload = (
    token: string,
    bytes: Buffer,
    metadata: Record<string, string>,
    options: Partial<tus.UploadOptions> = {},
  ): Promise<string> =>
    new Promise((resolve, reject) => {
      const transfer: tus.Upload = new tus.Upload(bytes, {
        endpoint: `${api.baseUrl}${UPLOADS}`,
        headers: { authorization: `Bearer ${token}` },
        metadata,
        retryDelays: [],
        onSuccess: () => resolve(transfer.url!),
        onError: reject,
        ...options,
      });
      transfer.start();
    });

  // ---- what is stored ---------------------------------------------------------------------------

  const rowsOf = async (photoId: string): Promise<number> => {
    const [{ count }]: Array<{ count: number }> = await db.query(
      `SELECT count(*)::int AS count FROM photos WHERE id = $1`,
      [photoId],
    );
    return count;
  };

  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : Promise.resolve([join(dir, entry.name)]),
      ),
    );
    return nested.flat();
  };

  /** The stored files of a photo: originals and previews are named by its id. */
  const filesOf = async (photoId: string) => ({
    originals: (await walk(join(storage, 'originals'))).filter((f) => f.includes(photoId)),
    previews: (await walk(join(storage, 'previews'))).filter((f) => f.includes(photoId)),
  });

  /** tus uploads still on disk for a photo (their info files name it). */
  const uploadsOf = async (photoId: string): Promise<string[]> => {
    const infos = (await walk(join(storage, 'uploads'))).filter((f) => f.endsWith('.json'));
    const found: string[] = [];
    for (const info of infos) {
      const parsed = JSON.parse(await readFile(info, 'utf8').catch(() => '{}')) as {
        metadata?: { photoId?: string };
      };
      if (parsed.metadata?.photoId === photoId) found.push(info);
    }
    return found;
  };

  const expectNothingStored = async (photoId: string) => {
    expect(await rowsOf(photoId)).toBe(0);
    expect(await filesOf(photoId)).toEqual({ originals: [], previews: [] });
    expect(await uploadsOf(photoId)).toEqual([]);
  };

  /**
   * Records the defect the way the completion command will: a `defects` row with the client's id
   * (in `manager`'s transaction when given).
   */
  const attach = async (defectId: string, manager: Pick<EntityManager, 'query'> = db) => {
    const [{ id: propertyId }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO properties (location) VALUES (ST_SetSRID(ST_MakePoint(7.22, 51.54), 4326)) RETURNING id`,
    );
    const [{ id: inspectionId }]: Array<{ id: string }> = await manager.query(
      `INSERT INTO inspections (property_id, kind, scheduled_at, planned_by)
       VALUES ($1, 'initial', now(), $2) RETURNING id`,
      [propertyId, inspector.id],
    );
    await manager.query(
      `INSERT INTO defects (id, property_id, inspection_id, catalogue_item_id, severity, description, created_by)
       SELECT $1, $2, $3, c.id, c.severity, 'Schimmel im Bad', $4 FROM catalogue_items c LIMIT 1`,
      [defectId, propertyId, inspectionId, inspector.id],
    );
  };

  const auditOf = async (photoId: string): Promise<AuditEntry[]> =>
    (
      await api.request<{ items: AuditEntry[] }>(
        'GET',
        `/api/v1/audit?entityType=photo&entityId=${photoId}`,
        { token: admin.token },
      )
    ).body.items;

  const getPhoto = (token: string, photoId: string) =>
    api.request<Photo & Problem>('GET', `/api/v1/photos/${photoId}`, { token });

  const bytesOf = async (token: string, path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  // ---- the cases --------------------------------------------------------------------------------

  it('takes a JPEG with tus-js-client: hash, EXIF capture time (Europe/Berlin) and GPS in the record', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    await clientUpload(inspector.token, exifPhoto, {
      photoId,
      defectId,
      filename: 'IMG_2041.jpg',
    });

    const read = await getPhoto(inspector.token, photoId);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: photoId,
      defectId,
      attached: false,
      uploadedBy: inspector.id,
      contentType: 'image/jpeg',
      byteSize: exifPhoto.length,
      width: 2400,
      height: 1800,
      sha256: sha256(exifPhoto),
      // 14:25:07 in Herne in November is CET (+01:00)
      capturedAt: '2025-11-03T13:25:07.000Z',
      originalFilename: 'IMG_2041.jpg',
    });
    expect(read.body.location?.coordinates[0]).toBeCloseTo(7.22, 5);
    expect(read.body.location?.coordinates[1]).toBeCloseTo(51.540333, 5);

    const files = await filesOf(photoId);
    expect([files.originals.length, files.previews.length]).toEqual([1, 1]);
    expect(sha256(await readFile(files.originals[0]))).toBe(sha256(exifPhoto));
    expect(await uploadsOf(photoId)).toEqual([]);

    expect(await auditOf(photoId)).toEqual([
      expect.objectContaining({
        action: 'photo.uploaded',
        actorId: inspector.id,
        after: expect.objectContaining({ defectId, sha256: sha256(exifPhoto), hasPosition: true }),
      }),
    ]);
    expect(JSON.stringify(await auditOf(photoId))).not.toContain('IMG_2041');
  });

  it('serves a smaller preview without EXIF to every reader, the original only to inspector and officer (audited)', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    expect((await upload(inspector.token, exifPhoto, { photoId, defectId })).status).toBe(204);
    await attach(defectId);

    const preview = await bytesOf(manager.token, `/api/v1/photos/${photoId}/preview`);
    expect(preview.response.status).toBe(200);
    expect(preview.response.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.response.headers.get('cache-control')).toBe(
      'private, max-age=31536000, immutable',
    );
    const etag = preview.response.headers.get('etag');
    expect(etag).toBe(`"${sha256(exifPhoto)}"`);
    expect(preview.bytes.length).toBeLessThan(exifPhoto.length);
    await expect(exifr.parse(preview.bytes)).resolves.toBeUndefined();
    const previewMeta = await sharp(preview.bytes).metadata();
    expect([previewMeta.width, previewMeta.height, previewMeta.exif]).toEqual([
      1600,
      1200,
      undefined,
    ]);

    const again = await api.request('GET', `/api/v1/photos/${photoId}/preview`, {
      token: manager.token,
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);

    for (const reader of [inspector, officer]) {
      const original = await bytesOf(reader.token, `/api/v1/photos/${photoId}/original`);
      expect(original.response.status).toBe(200);
      expect(original.response.headers.get('content-type')).toBe('image/jpeg');
      expect(original.response.headers.get('content-disposition')).toBe(
        `attachment; filename="${photoId}.jpg"`,
      );
      expect(sha256(original.bytes)).toBe(sha256(exifPhoto));
      expect((await exifr.parse(original.bytes)).Make).toBe('Hausakte Testkamera');
    }
    const refused = await api.request<Problem>('GET', `/api/v1/photos/${photoId}/original`, {
      token: manager.token,
    });
    expect(refused.status).toBe(403);

    const reads = (await auditOf(photoId)).filter((e) => e.action === 'photo.original_read');
    expect(reads.map((e) => e.actorId).sort()).toEqual([inspector.id, officer.id].sort());
    expect(reads.every((e) => e.before === null && e.after === null)).toBe(true);
  });

  it('gives capture time, position and file name only to roles that may see originals', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    await clientUpload(inspector.token, exifPhoto, { photoId, defectId, filename: 'IMG_2041.jpg' });
    await attach(defectId);
    const list = (token: string) =>
      api.request<{ items: Photo[]; total: number }>('GET', `/api/v1/defects/${defectId}/photos`, {
        token,
      });

    const withoutExif = { capturedAt: null, location: null, originalFilename: null };
    const asManager = await getPhoto(manager.token, photoId);
    expect(asManager.status).toBe(200);
    expect(asManager.body).toMatchObject({
      id: photoId,
      sha256: sha256(exifPhoto),
      ...withoutExif,
    });
    expect((await list(manager.token)).body).toMatchObject({
      total: 1,
      items: [{ id: photoId, attached: true, ...withoutExif }],
    });

    for (const reader of [inspector, officer]) {
      for (const photo of [
        (await getPhoto(reader.token, photoId)).body,
        (await list(reader.token)).body.items[0],
      ]) {
        expect(photo).toMatchObject({
          id: photoId,
          capturedAt: '2025-11-03T13:25:07.000Z',
          originalFilename: 'IMG_2041.jpg',
        });
        expect(photo.location?.coordinates[1]).toBeCloseTo(51.540333, 5);
      }
    }
  });

  it('shows a photo whose defect does not exist yet only to its uploader, then to all readers', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    expect((await upload(inspector.token, await smallJpeg(), { photoId, defectId })).status).toBe(
      204,
    );

    for (const other of [otherInspector, officer, manager]) {
      expect((await getPhoto(other.token, photoId)).status).toBe(404);
      const preview = await api.request('GET', `/api/v1/photos/${photoId}/preview`, {
        token: other.token,
      });
      expect(preview.status).toBe(404);
    }
    const own = await api.request<{ items: Photo[]; total: number }>(
      'GET',
      `/api/v1/defects/${defectId}/photos`,
      { token: inspector.token },
    );
    expect(own.body).toMatchObject({ total: 1, items: [{ id: photoId, attached: false }] });
    const others = await api.request<{ items: Photo[]; total: number }>(
      'GET',
      `/api/v1/defects/${defectId}/photos`,
      { token: officer.token },
    );
    expect(others.body).toEqual({ items: [], total: 0 });

    await attach(defectId);
    expect((await getPhoto(manager.token, photoId)).body).toMatchObject({ attached: true });
    const listed = await api.request<{ items: Photo[]; total: number }>(
      'GET',
      `/api/v1/defects/${defectId}/photos`,
      { token: manager.token },
    );
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: photoId, attached: true }] });
  });

  it('refuses a PDF named .jpg (415) and stores nothing', async () => {
    const photoId = randomUUID();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
    const response = await upload(inspector.token, pdf, {
      photoId,
      defectId: randomUUID(),
      filename: 'Mangel.jpg',
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toMatch(/unsupported-photo-type$/);
    await expectNothingStored(photoId);
  });

  it('refuses HEIC clearly (this server cannot decode it) and stores nothing', async () => {
    const photoId = randomUUID();
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(64, 1),
    ]);
    const response = await upload(inspector.token, heic, { photoId, defectId: randomUUID() });
    expect(response.status).toBe(415);
    expect(response.body.detail).toMatch(/HEIC/);
    await expectNothingStored(photoId);
  });

  it('refuses a truncated JPEG (422) and stores nothing', async () => {
    const photoId = randomUUID();
    const truncated = exifPhoto.subarray(0, Math.floor(exifPhoto.length / 2));
    const response = await upload(inspector.token, truncated, { photoId, defectId: randomUUID() });
    expect(response.status).toBe(422);
    expect(response.body.type).toMatch(/unreadable-photo$/);
    await expectNothingStored(photoId);
  });

  it('refuses a photo over PHOTO_MAX_BYTES (413) before any byte is stored', async () => {
    const photoId = randomUUID();
    const big = await sharp({
      create: {
        width: 1400,
        height: 1000,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const response = await begin(inspector.token, big.length, {
      photoId,
      defectId: randomUUID(),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await expect(
      clientUpload(inspector.token, big, { photoId, defectId: randomUUID() }),
    ).rejects.toThrow(/413/);
    await expectNothingStored(photoId);
  });

  it('names missing or malformed metadata (422) and keeps uploads to their uploader', async () => {
    const missing = await begin(inspector.token, 10, { defectId: 'not-a-uuid' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors?.map((e) => e.field).sort()).toEqual(['defectId', 'photoId']);

    const photoId = randomUUID();
    const bytes = await smallJpeg();
    const created = await begin(inspector.token, bytes.length, { photoId, defectId: randomUUID() });
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/v1\/uploads\/photos\/[0-9a-f]+$/);
    expect((await head(officer.token, location)).status).toBe(404);
    expect((await send(officer.token, location, 0, bytes)).status).toBe(404);
    expect((await head(inspector.token, location)).headers.get('upload-offset')).toBe('0');
    const terminated = await api.request('DELETE', location, {
      token: inspector.token,
      headers: { 'tus-resumable': '1.0.0' },
    });
    expect(terminated.status).toBe(204);
    await expectNothingStored(photoId);
  });

  it('ends an upload cut in half and resumed with the file’s SHA-256 (tus-js-client and raw PATCH)', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    const half = Math.ceil(exifPhoto.length / 2);
    // First half, then the connection is given up.
    const firstUrl = await new Promise<string>((resolve, reject) => {
      const transfer: tus.Upload = new tus.Upload(exifPhoto, {
        endpoint: `${api.baseUrl}${UPLOADS}`,
        headers: { authorization: `Bearer ${inspector.token}` },
        metadata: { photoId, defectId },
        chunkSize: half,
        retryDelays: [],
        onChunkComplete: () => {
          void transfer.abort().then(() => resolve(transfer.url!));
        },
        onError: reject,
      });
      transfer.start();
    });
    expect(
      (await head(inspector.token, firstUrl.replace(api.baseUrl, ''))).headers.get('upload-offset'),
    ).toBe(String(half));
    expect(await rowsOf(photoId)).toBe(0);
    // Resumed later from where the server says it stopped.
    await clientUpload(inspector.token, exifPhoto, { photoId, defectId }, { uploadUrl: firstUrl });
    expect((await getPhoto(inspector.token, photoId)).body.sha256).toBe(sha256(exifPhoto));

    const rawId = randomUUID();
    const bytes = await smallJpeg();
    const created = await begin(inspector.token, bytes.length, { photoId: rawId, defectId });
    const location = created.headers.get('location')!;
    const cut = Math.floor(bytes.length / 2);
    expect((await send(inspector.token, location, 0, bytes.subarray(0, cut))).status).toBe(204);
    const offset = Number((await head(inspector.token, location)).headers.get('upload-offset'));
    expect(offset).toBe(cut);
    const stale = await send(inspector.token, location, 0, bytes);
    expect(stale.status).toBe(409);
    expect((await send(inspector.token, location, offset, bytes.subarray(offset))).status).toBe(
      204,
    );
    expect((await getPhoto(inspector.token, rawId)).body.sha256).toBe(sha256(bytes));
    expect(await uploadsOf(rawId)).toEqual([]);
  });

  it('keeps what arrived when the connection breaks off mid-PATCH (no 5xx), then resumes', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    const created = await begin(inspector.token, exifPhoto.length, { photoId, defectId });
    const location = created.headers.get('location')!;
    const half = Math.floor(exifPhoto.length / 2);
    await new Promise<void>((resolve) => {
      const { port } = new URL(api.baseUrl);
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'PATCH',
        path: location,
        headers: {
          authorization: `Bearer ${inspector.token}`,
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          'content-length': String(exifPhoto.length),
        },
      });
      request.on('error', () => resolve());
      request.write(exifPhoto.subarray(0, half), () => {
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 200);
      });
    });
    // The server notices the broken connection and releases the upload.
    let offset = -1;
    for (let attempt = 0; attempt < 50 && offset < 0; attempt++) {
      const state = await head(inspector.token, location);
      if (state.status === 200) offset = Number(state.headers.get('upload-offset'));
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(half);
    expect((await send(inspector.token, location, offset, exifPhoto.subarray(offset))).status).toBe(
      204,
    );
    expect((await getPhoto(inspector.token, photoId)).body.sha256).toBe(sha256(exifPhoto));
  });

  it('stores a photo sent twice, or twice at once, only once', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    const bytes = await smallJpeg();
    expect((await upload(inspector.token, bytes, { photoId, defectId })).status).toBe(204);
    expect((await upload(inspector.token, bytes, { photoId, defectId })).status).toBe(204);
    // tus creation-with-upload: the bytes in the POST itself
    const inCreation = await api.request('POST', UPLOADS, {
      token: officer.token,
      rawBody: bytes,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': metadataHeader({ photoId, defectId }),
        'content-type': 'application/offset+octet-stream',
      },
    });
    expect([inCreation.status, inCreation.headers.get('upload-offset')]).toEqual([
      201,
      String(bytes.length),
    ]);
    expect(await rowsOf(photoId)).toBe(1);
    expect(await filesOf(photoId)).toMatchObject({
      originals: [expect.any(String)],
      previews: [expect.any(String)],
    });
    expect(await uploadsOf(photoId)).toEqual([]);

    const racedId = randomUUID();
    const raced = await smallJpeg();
    const answers = await Promise.all(
      [1, 2, 3].map(() => upload(inspector.token, raced, { photoId: racedId, defectId })),
    );
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204]);
    expect(await rowsOf(racedId)).toBe(1);
    expect(await filesOf(racedId)).toMatchObject({
      originals: [expect.any(String)],
      previews: [expect.any(String)],
    });
    expect(await uploadsOf(racedId)).toEqual([]);
    expect((await auditOf(racedId)).map((e) => e.action)).toEqual(['photo.uploaded']);
  });

  it('refuses other bytes under a photo id already taken (409): a photo never changes', async () => {
    const photoId = randomUUID();
    const defectId = randomUUID();
    const first = await smallJpeg();
    expect((await upload(inspector.token, first, { photoId, defectId })).status).toBe(204);

    const other = await upload(inspector.token, await smallJpeg(), { photoId, defectId });
    expect(other.status).toBe(409);
    expect(other.body.type).toMatch(/photo-conflict$/);
    const elsewhere = await upload(inspector.token, first, { photoId, defectId: randomUUID() });
    expect(elsewhere.status).toBe(409);

    expect((await getPhoto(inspector.token, photoId)).body.sha256).toBe(sha256(first));
    expect((await filesOf(photoId)).originals).toHaveLength(1);
    expect(await uploadsOf(photoId)).toEqual([]);
    await expect(
      db.query(`UPDATE photos SET sha256 = repeat('0', 64) WHERE id = $1`, [photoId]),
    ).rejects.toThrow(/bytes never change/);
  });

  it('removes photos never attached after 7 days with their files (audited), and stale uploads', async () => {
    const retention = api.app.get(PhotoRetention);
    const context = api.app.get(RequestContext);
    const [lonely, kept, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    const keptDefect = randomUUID();
    for (const [photoId, defectId] of [
      [lonely, randomUUID()],
      [kept, keptDefect],
      [fresh, randomUUID()],
    ]) {
      expect((await upload(inspector.token, await smallJpeg(), { photoId, defectId })).status).toBe(
        204,
      );
    }
    await attach(keptDefect);
    await db.query(
      `UPDATE photos SET created_at = now() - interval '8 days' WHERE id = ANY($1::uuid[])`,
      [[lonely, kept]],
    );

    const removed = await context.run(null, () => retention.purgeUnattached(new Date()));
    expect(removed).toBeGreaterThanOrEqual(1);
    await expectNothingStored(lonely);
    expect(await rowsOf(kept)).toBe(1);
    expect(await rowsOf(fresh)).toBe(1);
    expect((await filesOf(kept)).originals).toHaveLength(1);
    expect((await auditOf(lonely)).map((e) => e.action).sort()).toEqual([
      'photo.removed_unattached',
      'photo.uploaded',
    ]);

    // An upload begun and never finished expires after PHOTO_UPLOAD_EXPIRY_HOURS.
    const staleId = randomUUID();
    const created = await begin(inspector.token, 1000, {
      photoId: staleId,
      defectId: randomUUID(),
    });
    const location = created.headers.get('location')!;
    const [info] = await uploadsOf(staleId);
    const parsed = JSON.parse(await readFile(info, 'utf8')) as { creation_date: string };
    parsed.creation_date = new Date(Date.now() - 4 * 24 * 3600_000).toISOString();
    await writeFile(info, JSON.stringify(parsed));
    expect(await retention.purgeStaleUploads()).toBeGreaterThanOrEqual(1);
    expect(await uploadsOf(staleId)).toEqual([]);
    expect((await head(inspector.token, location)).status).toBe(404);
  });
  it('never removes a photo whose defect a completion is recording right now', async () => {
    const retention = api.app.get(PhotoRetention);
    const context = api.app.get(RequestContext);
    const [racing, lonely] = [randomUUID(), randomUUID()];
    const racingDefect = randomUUID();
    for (const [photoId, defectId] of [
      [racing, racingDefect],
      [lonely, randomUUID()],
    ]) {
      expect((await upload(inspector.token, await smallJpeg(), { photoId, defectId })).status).toBe(
        204,
      );
    }
    await db.query(
      `UPDATE photos SET created_at = now() - interval '8 days' WHERE id = ANY($1::uuid[])`,
      [[racing, lonely]],
    );

    // The completion command: lock the defects' photos, insert the defects, commit later.
    const completion = db.createQueryRunner();
    const waiting = db.createQueryRunner();
    try {
      await completion.startTransaction();
      await lockDefectsForPhotos(completion.manager, [racingDefect]);
      await attach(racingDefect, completion.manager);

      // The purge runs meanwhile: it must neither wait for the completion nor remove its photo.
      await context.run(null, () => retention.purgeUnattached(new Date()));
      expect(await rowsOf(racing)).toBe(1);
      expect((await filesOf(racing)).originals).toHaveLength(1);
      await expectNothingStored(lonely);

      // A second completion with the same defect waits for the first.
      await waiting.startTransaction();
      let locked = false;
      const second = lockDefectsForPhotos(waiting.manager, [randomUUID(), racingDefect]).then(
        () => (locked = true),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(locked).toBe(false);
      await completion.commitTransaction();
      await second;
      expect(locked).toBe(true);
      await waiting.rollbackTransaction();
    } finally {
      if (completion.isTransactionActive) await completion.rollbackTransaction();
      if (waiting.isTransactionActive) await waiting.rollbackTransaction();
      await completion.release();
      await waiting.release();
    }

    expect((await getPhoto(manager.token, racing)).body).toMatchObject({ attached: true });
    await context.run(null, () => retention.purgeUnattached(new Date()));
    expect(await rowsOf(racing)).toBe(1);
  });

  it('purges in bounded batches, each its own transaction, and gets past photos it must skip', async () => {
    const retention = api.app.get(PhotoRetention);
    const context = api.app.get(RequestContext);
    const busyDefect = randomUUID();
    const busy = [randomUUID(), randomUUID(), randomUUID()];
    const lonely = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const photoId of busy) {
      const defectId = busyDefect;
      expect((await upload(inspector.token, await smallJpeg(), { photoId, defectId })).status).toBe(
        204,
      );
    }
    for (const photoId of lonely) {
      const defectId = randomUUID();
      expect((await upload(inspector.token, await smallJpeg(), { photoId, defectId })).status).toBe(
        204,
      );
    }
    // The busy ones are the oldest: a purge that does not move past them never ends.
    await db.query(
      `UPDATE photos SET created_at = now() - interval '10 days' WHERE id = ANY($1::uuid[])`,
      [busy],
    );
    await db.query(
      `UPDATE photos SET created_at = now() - interval '9 days' WHERE id = ANY($1::uuid[])`,
      [lonely],
    );

    const completion = db.createQueryRunner();
    try {
      await completion.startTransaction();
      await lockDefectsForPhotos(completion.manager, [busyDefect]);
      const removed = await context.run(null, () => retention.purgeUnattached(new Date(), 2));
      expect(removed).toBeGreaterThanOrEqual(lonely.length);
    } finally {
      await completion.rollbackTransaction();
      await completion.release();
    }
    for (const photoId of busy) expect(await rowsOf(photoId)).toBe(1);
    for (const photoId of lonely) await expectNothingStored(photoId);

    // now() is the transaction's start: one occurred_at per transaction.
    const perTransaction: Array<{ count: number }> = await db.query(
      `SELECT count(*)::int AS count FROM audit_log
        WHERE action = 'photo.removed_unattached' AND entity_id = ANY($1::text[])
        GROUP BY occurred_at`,
      [lonely],
    );
    expect(perTransaction.length).toBeGreaterThanOrEqual(3);
    expect(perTransaction.every(({ count }) => count <= 2)).toBe(true);

    // Left for the next night, when nothing holds them.
    await context.run(null, () => retention.purgeUnattached(new Date(), 2));
    for (const photoId of busy) await expectNothingStored(photoId);
  });
});
