import exifr from 'exifr';

/** What the record keeps of a photo's EXIF: when and where it was taken. */
export interface PhotoExif {
  capturedAt: Date | null;
  /** WGS 84 degrees. */
  position: { lon: number; lat: number } | null;
}

/** EXIF writes local wall time without a zone; Hausakte's cameras are in Germany. */
export const EXIF_TIME_ZONE = 'Europe/Berlin';

const EXIF_TIME = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Milliseconds the zone's clocks are ahead of UTC at the instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of an EXIF time (`2025:11:03 14:25:07`). With an EXIF offset (`+01:00`, EXIF 2.31
 * OffsetTimeOriginal) that offset counts; without one the wall time is read in `timeZone`
 * (Europe/Berlin). A wall time the clocks skip in spring is read with the offset before the
 * change; one they pass twice in autumn as the first of the two. Null for no or a bogus time.
 */
export function exifTimeToInstant(
  text: unknown,
  offset?: unknown,
  timeZone = EXIF_TIME_ZONE,
): Date | null {
  if (typeof text !== 'string') return null;
  const match = EXIF_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  const valid =
    year >= 1900 &&
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) return null;

  const explicit = typeof offset === 'string' ? EXIF_OFFSET.exec(offset.trim()) : null;
  if (explicit) {
    const sign = explicit[1] === '-' ? -1 : 1;
    const ms = sign * (Number(explicit[2]) * 60 + Number(explicit[3])) * 60_000;
    return new Date(wall - ms);
  }
  // Read the wall time with the offset of the day before (clear of any change that day). If the
  // clocks show that offset at the result, it is right (in the autumn overlap: the first
  // reading); otherwise they changed in between, and the offset after the change is tried.
  const before = zoneOffsetMs(wall - 86_400_000, timeZone);
  const first = wall - before;
  const after = zoneOffsetMs(first, timeZone);
  if (after === before) return new Date(first);
  const retried = wall - after;
  // Neither fits only in the spring gap: keep the reading with the offset before the change.
  return new Date(zoneOffsetMs(retried, timeZone) === after ? retried : first);
}

/** Degrees as a WGS 84 position, or null if out of range. */
function position(lat: unknown, lon: unknown): PhotoExif['position'] {
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  return { lon, lat };
}

/**
 * Capture time and GPS position from a photo file's EXIF. Never refuses a photo: unreadable or
 * missing EXIF gives nulls. (exifr's `pick` would drop the GPS block unless all four GPS tags
 * were picked too, so whole blocks are read instead; dates stay raw text, since exifr would
 * read them in the server's own zone.)
 */
export async function readPhotoExif(file: string): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(file, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      interop: false,
      makerNote: false,
      userComment: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    return { capturedAt: null, position: null };
  }
  if (!tags) return { capturedAt: null, position: null };
  const capturedAt =
    exifTimeToInstant(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
    exifTimeToInstant(tags.CreateDate, tags.OffsetTimeDigitized);
  return { capturedAt, position: position(tags.latitude, tags.longitude) };
}
