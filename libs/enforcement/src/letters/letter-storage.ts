import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

/** SHA-256 of bytes, lower-case hex. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The letter files in LETTER_STORAGE_DIR (outside the web root): `<yyyy>/<letter id>.pdf`,
 * written once (never over an existing file) and made read-only.
 */
@Injectable()
export class LetterStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.LETTER_STORAGE_DIR;
  }

  /** Where a letter's file goes, relative to the storage directory. */
  pathFor(letterId: string, year: number): string {
    return join(String(year), `${letterId}.pdf`);
  }

  /** The absolute path of a stored file; refuses anything that would leave the storage directory. */
  absolute(relativePath: string): string {
    const absolute = resolve(this.root, relativePath);
    const inside = relative(this.root, absolute);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`Letter path ${relativePath} leaves the storage directory`);
    }
    return absolute;
  }

  /** Writes a new file, fails if one is there already, and makes it read-only. */
  async write(relativePath: string, bytes: Buffer): Promise<void> {
    const target = this.absolute(relativePath);
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(target, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(target).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await chmod(target, 0o444);
  }

  read(relativePath: string): Promise<Buffer> {
    return readFile(this.absolute(relativePath));
  }

  /** Removes a file; one already gone is not an error. */
  async remove(relativePath: string): Promise<void> {
    try {
      await unlink(this.absolute(relativePath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
