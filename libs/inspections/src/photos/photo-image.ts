import sharp, { type SharpOptions } from 'sharp';

/** The browser's copy: at most this many pixels along the long edge. */
export const PREVIEW_LONG_EDGE = 1600;
export const PREVIEW_CONTENT_TYPE = 'image/jpeg';

export interface DecodedPhoto {
  /** sharp's name of the format the decoder recognised: `jpeg`, `png`, `webp`, … */
  format: string;
  /** As displayed, with the EXIF orientation applied. */
  width: number;
  height: number;
}

/** The photo's pixel data is broken or cut short; the message is the decoder's. */
export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
}

/**
 * Decodes the whole image (a truncated or corrupt one is refused: `failOn: 'error'`) and writes
 * the preview for the browser: turned upright by its EXIF orientation, at most
 * PREVIEW_LONG_EDGE pixels long, as JPEG on white, without any metadata (sharp writes none
 * unless asked, so neither EXIF, GPS nor the camera's serial reaches the browser).
 */
export async function decodeWithPreview(source: string, preview: string): Promise<DecodedPhoto> {
  const options: SharpOptions = { failOn: 'error' };
  try {
    const meta = await sharp(source, options).metadata();
    await sharp(source, options)
      .rotate()
      .resize({
        width: PREVIEW_LONG_EDGE,
        height: PREVIEW_LONG_EDGE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(preview);
    return {
      format: meta.format,
      width: meta.autoOrient?.width ?? meta.width,
      height: meta.autoOrient?.height ?? meta.height,
    };
  } catch (error) {
    throw new UnreadableImageError(error instanceof Error ? error.message : String(error));
  }
}
