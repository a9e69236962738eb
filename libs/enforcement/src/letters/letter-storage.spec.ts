import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@hausakte/platform';
import { LetterStorage, sha256Hex } from './letter-storage';

describe('letter storage', () => {
  let root: string;
  let storage: LetterStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'hausakte-letters-unit-'));
    storage = new LetterStorage(loadConfig({ LETTER_STORAGE_DIR: root }));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes a file once, read-only, under the year', async () => {
    const path = storage.pathFor('0b6f3a52-0000-4000-8000-000000000001', 2026);
    expect(path).toBe(join('2026', '0b6f3a52-0000-4000-8000-000000000001.pdf'));
    await storage.write(path, Buffer.from('%PDF-1.3 eins'));
    expect((await stat(join(root, path))).mode & 0o777).toBe(0o444);
    await expect(storage.write(path, Buffer.from('%PDF-1.3 zwei'))).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(join(root, path), 'latin1')).toBe('%PDF-1.3 eins');
    expect(sha256Hex(await storage.read(path))).toBe(sha256Hex(Buffer.from('%PDF-1.3 eins')));
  });

  it('refuses paths that leave the storage directory', () => {
    expect(() => storage.absolute('../elsewhere.pdf')).toThrow(/leaves the storage directory/);
  });

  it('is refused inside the web root, like photos', () => {
    expect(() =>
      loadConfig({ WEB_DIST_DIR: '/srv/hausakte/web', LETTER_STORAGE_DIR: '/srv/hausakte/web/l' }),
    ).toThrow(/LETTER_STORAGE_DIR="\/srv\/hausakte\/web\/l" must lie outside WEB_DIST_DIR/);
    expect(loadConfig({}).LETTER_STORAGE_DIR).toBe(join(process.cwd(), 'var/letters'));
  });
});
