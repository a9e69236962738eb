import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { chmod, copyFile, link, mkdir, open, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

/** Where one photo's two files go, relative to the storage directory. */
export interface PhotoFileNames {
  original: string;
  preview: string;
}

/**
 * The photo files in PHOTO_STORAGE_DIR (outside the web root): `originals/` and `previews/`,
 * fanned out by the photo id's first two characters. Each upload attempt gets its own names,
 * so a concurrent repeat that loses the race removes only its own files. Originals are made
 * read-only: their bytes never change.
 */
@Injectable()
export class PhotoStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.PHOTO_STORAGE_DIR;
  }

  newNames(photoId: string, extension: string): PhotoFileNames {
    const attempt = randomBytes(6).toString('hex');
    const fan = photoId.slice(0, 2);
    return {
      original: join('originals', fan, `${photoId}-${attempt}.${extension}`),
      preview: join('previews', fan, `${photoId}-${attempt}.jpg`),
    };
  }

  /** The absolute path of a stored file; refuses anything that would leave the storage directory. */
  path(relativePath: string): string {
    const absolute = resolve(this.root, relativePath);
    const inside = relative(this.root, absolute);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`Photo path ${relativePath} leaves the storage directory`);
    }
    return absolute;
  }

  /** Creates the folder of a file about to be written and returns the file's absolute path. */
  async prepare(relativePath: string): Promise<string> {
    const target = this.path(relativePath);
    await mkdir(dirname(target), { recursive: true });
    return target;
  }

  /** Keeps the uploaded file as the original: a hard link (no copy) where the file system allows. */
  async keepOriginal(source: string, relativePath: string): Promise<void> {
    const target = await this.prepare(relativePath);
    try {
      await link(source, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
      await copyFile(source, target);
    }
    await chmod(target, 0o444);
  }

  /** Removes files; one already gone is not an error. */
  async remove(...relativePaths: string[]): Promise<void> {
    for (const relativePath of relativePaths) {
      try {
        await unlink(this.path(relativePath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  async open(relativePath: string): Promise<{ stream: ReadStream; size: number }> {
    const path = this.path(relativePath);
    const { size } = await stat(path);
    return { stream: createReadStream(path), size };
  }
}

/** SHA-256 of a file, lower-case hex. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** The first `count` bytes of a file (fewer if it is shorter). */
export async function headOf(file: string, count: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
