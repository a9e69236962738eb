import { cleanFilename, sniffPhotoType } from './photo-content';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

describe('sniffPhotoType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    ['PNG', bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['HEIC from an iPhone', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['HEIF (mif1)', bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0]), 'image/heic'],
  ])('knows %s by its first bytes', (_name, head, type) => {
    expect(sniffPhotoType(head)).toBe(type);
  });

  it.each([
    ['a PDF named .jpg', bytes('%PDF-1.7\n%âãÏÓ')],
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['a RIFF that is not WebP', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['an MP4', bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 0, 0])],
    ['nothing', Buffer.alloc(0)],
    ['two bytes of JPEG', bytes([0xff, 0xd8])],
  ])('refuses %s', (_name, head) => {
    expect(sniffPhotoType(head)).toBeNull();
  });
});

describe('cleanFilename', () => {
  it('keeps the last path segment without control characters', () => {
    expect(cleanFilename('C:\\Users\\pk\\IMG_2041.jpg')).toBe('IMG_2041.jpg');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('Bad\u0000\u001f 1.jpg')).toBe('Bad 1.jpg');
  });

  it('gives null for nothing and cuts long names to 255 characters', () => {
    expect(cleanFilename(undefined)).toBeNull();
    expect(cleanFilename('  ')).toBeNull();
    expect(cleanFilename('dir/')).toBeNull();
    expect(cleanFilename(`${'x'.repeat(300)}.jpg`)).toHaveLength(255);
  });
});
