import type { PhotoContentType } from './photo.entity';

/** What the first bytes of a file say it is: an accepted type, HEIC (refused), or anything else. */
export type SniffedPhotoType = PhotoContentType | 'image/heic' | null;

/** How many leading bytes `sniffPhotoType` needs. */
export const SNIFF_BYTES = 16;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** ISO BMFF brands of HEIF images coded with HEVC (an iPhone's `.heic`). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * The type of a photo from its magic bytes, whatever its name or declared type says. Only files
 * that pass this reach an image decoder, so the decoders of other formats (SVG, TIFF, GIF, …)
 * never see an upload.
 */
export function sniffPhotoType(head: Uint8Array): SniffedPhotoType {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return 'image/jpeg';
  if (head.length >= 8 && ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return 'image/webp';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(head, 8, 12)))
    return 'image/heic';
  return null;
}

/** The name sharp gives each accepted type, to check that the decoder agrees with the sniffing. */
export const SHARP_FORMAT: Record<PhotoContentType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const FILE_EXTENSION: Record<PhotoContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/**
 * The client's file name as something safe to store and show: the last path segment, without
 * control characters, at most 255 characters; null when nothing is left.
 */
export function cleanFilename(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean ? clean.slice(0, 255) : null;
}
