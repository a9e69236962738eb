import exifr from 'exifr';
import sharp from 'sharp';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWithPreview, PREVIEW_LONG_EDGE, UnreadableImageError } from './photo-image';

describe('decodeWithPreview', () => {
  let dir: string;
  let photo: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hausakte-preview-'));
    photo = await sharp({
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
        IFD0: { Make: 'Hausakte Testkamera' },
        IFD2: { DateTimeOriginal: '2025:11:03 14:25:07' },
      })
      .toBuffer();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a smaller JPEG of at most the long edge, without any EXIF', async () => {
    const source = join(dir, 'photo.jpg');
    const preview = join(dir, 'preview.jpg');
    await writeFile(source, photo);
    await expect(decodeWithPreview(source, preview)).resolves.toEqual({
      format: 'jpeg',
      width: 2400,
      height: 1800,
    });
    const written = await readFile(preview);
    expect((await stat(preview)).size).toBeLessThan(photo.length);
    const meta = await sharp(written).metadata();
    expect([meta.format, Math.max(meta.width, meta.height)]).toEqual(['jpeg', PREVIEW_LONG_EDGE]);
    expect(meta.exif).toBeUndefined();
    await expect(exifr.parse(written)).resolves.toBeUndefined();
  });

  it('turns the preview upright by the EXIF orientation and reports upright dimensions', async () => {
    const source = join(dir, 'rotated.jpg');
    const preview = join(dir, 'rotated-preview.jpg');
    const sideways = await sharp({
      create: { width: 400, height: 200, channels: 3, background: '#808080' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await writeFile(source, sideways);
    await expect(decodeWithPreview(source, preview)).resolves.toEqual({
      format: 'jpeg',
      width: 200,
      height: 400,
    });
    const meta = await sharp(preview).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([200, 400, undefined]);
  });

  it('refuses a JPEG cut short', async () => {
    const source = join(dir, 'truncated.jpg');
    await writeFile(source, photo.subarray(0, Math.floor(photo.length / 2)));
    await expect(decodeWithPreview(source, join(dir, 'truncated-preview.jpg'))).rejects.toThrow(
      UnreadableImageError,
    );
  });
});
