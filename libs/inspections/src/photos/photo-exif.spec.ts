import sharp from 'sharp';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exifTimeToInstant, readPhotoExif } from './photo-exif';

describe('exifTimeToInstant (EXIF times have no zone: Europe/Berlin unless the photo says)', () => {
  it.each([
    ['a winter afternoon (CET, +01:00)', '2025:01:15 14:25:07', '2025-01-15T13:25:07.000Z'],
    ['a summer afternoon (CEST, +02:00)', '2025:07:15 14:25:07', '2025-07-15T12:25:07.000Z'],
    ['the afternoon of the spring change', '2025:03:30 14:00:00', '2025-03-30T12:00:00.000Z'],
    ['the afternoon of the autumn change', '2025:10:26 14:00:00', '2025-10-26T13:00:00.000Z'],
    ['an hour the clocks skip in spring', '2025:03:30 02:30:00', '2025-03-30T01:30:00.000Z'],
    [
      'an hour the clocks pass twice in autumn: the first',
      '2025:10:26 02:30:00',
      '2025-10-26T00:30:00.000Z',
    ],
    ['ISO-like separators', '2025-11-03T14:25:07', '2025-11-03T13:25:07.000Z'],
  ])('reads %s', (_case, text, instant) => {
    expect(exifTimeToInstant(text)?.toISOString()).toBe(instant);
  });

  it('uses the offset the photo gives (EXIF 2.31 OffsetTimeOriginal)', () => {
    expect(exifTimeToInstant('2025:07:15 14:25:07', '-04:00')?.toISOString()).toBe(
      '2025-07-15T18:25:07.000Z',
    );
    expect(exifTimeToInstant('2025:07:15 14:25:07', 'garbage')?.toISOString()).toBe(
      '2025-07-15T12:25:07.000Z',
    );
  });

  it.each([
    ['blank camera clock', '0000:00:00 00:00:00'],
    ['no time', undefined],
    ['a number', 1_700_000_000],
    ['31 February', '2025:02:31 10:00:00'],
    ['25 o’clock', '2025:02:01 25:00:00'],
    ['text', 'yesterday'],
  ])('gives null for %s', (_case, text) => {
    expect(exifTimeToInstant(text)).toBeNull();
  });
});

describe('readPhotoExif', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hausakte-exif-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const jpeg = (exif?: Record<string, Record<string, string>>) => {
    const image = sharp({
      create: { width: 32, height: 24, channels: 3, background: '#808080' },
    }).jpeg();
    return (exif ? image.withExif(exif) : image).toBuffer();
  };

  it('reads capture time and GPS position (the GPS block survives: no `pick`)', async () => {
    const file = join(dir, 'with-exif.jpg');
    await writeFile(
      file,
      await jpeg({
        IFD2: { DateTimeOriginal: '2025:11:03 14:25:07' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '51/1 32/1 2520/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '7/1 13/1 1200/100',
        },
      }),
    );
    const exif = await readPhotoExif(file);
    expect(exif.capturedAt?.toISOString()).toBe('2025-11-03T13:25:07.000Z');
    expect(exif.position?.lat).toBeCloseTo(51.540333, 5);
    expect(exif.position?.lon).toBeCloseTo(7.22, 5);
  });

  it('reads southern and western positions with their signs', async () => {
    const file = join(dir, 'south-west.jpg');
    await writeFile(
      file,
      await jpeg({
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '33/1 52/1 0/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '70/1 30/1 0/1',
        },
      }),
    );
    const exif = await readPhotoExif(file);
    expect(exif.position?.lat).toBeCloseTo(-33.866667, 5);
    expect(exif.position?.lon).toBeCloseTo(-70.5, 5);
    expect(exif.capturedAt).toBeNull();
  });

  it('gives nulls for a photo without EXIF and for a file that is no image', async () => {
    const plain = join(dir, 'plain.jpg');
    await writeFile(plain, await jpeg());
    await expect(readPhotoExif(plain)).resolves.toEqual({ capturedAt: null, position: null });
    const junk = join(dir, 'junk.jpg');
    await writeFile(junk, '%PDF-1.7 not an image');
    await expect(readPhotoExif(junk)).resolves.toEqual({ capturedAt: null, position: null });
  });
});
