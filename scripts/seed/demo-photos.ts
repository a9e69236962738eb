import sharp from 'sharp';
import type { Severity } from '@hausakte/inspections/rules';
import { exifBerlinTime } from './berlin-time';
import { Random } from './random';

const WIDTH = 320;
const HEIGHT = 240;

/** A base colour per severity, so that a glance tells the photos apart: red, amber, grey-green. */
const BASE: Record<Severity, [number, number, number]> = {
  C: [176, 64, 52],
  B: [196, 146, 64],
  A: [112, 134, 122],
};

/** Degrees as EXIF rationals: `deg/1 min/1 hundredths-of-seconds/100`. */
function rationalDms(value: number): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
  return `${degrees}/1 ${minutes}/1 ${seconds}/100`;
}

/**
 * A small text-free demo "photo" (JPEG, 320×240, a few KB): a gradient in the defect's severity
 * colour with diagonal stripes and a soft light patch, all drawn from a generator seeded by the
 * photo id, so the same id gives the same bytes. Its EXIF says when (Berlin wall-clock time, as a
 * phone writes it) and where it was taken, like a field photo.
 */
export async function demoPhotoJpeg(photo: {
  id: string;
  severity: Severity;
  capturedAt: Date;
  lon: number;
  lat: number;
}): Promise<Buffer> {
  const rng = new Random(`photo/${photo.id}`);
  const [r0, g0, b0] = BASE[photo.severity];
  const stripe = rng.int(12, 30);
  const slope = rng.pick([1, -1]);
  const shade = rng.int(14, 30);
  const cx = rng.between(0.2, 0.8) * WIDTH;
  const cy = rng.between(0.2, 0.8) * HEIGHT;
  const radius = rng.between(40, 90);
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const light = 0.65 + 0.35 * (x / WIDTH) - 0.15 * (y / HEIGHT);
      const band = Math.floor((x + slope * y) / stripe) % 2 === 0 ? shade : 0;
      const d = Math.hypot(x - cx, y - cy);
      const glow = d < radius ? 50 * (1 - d / radius) : 0;
      const i = (y * WIDTH + x) * 3;
      pixels[i] = Math.min(255, Math.max(0, r0 * light + band + glow));
      pixels[i + 1] = Math.min(255, Math.max(0, g0 * light + band + glow));
      pixels[i + 2] = Math.min(255, Math.max(0, b0 * light + band * 0.5 + glow));
    }
  }
  const taken = exifBerlinTime(photo.capturedAt);
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .withExif({
      IFD0: { Software: 'Hausakte demo seed', DateTime: taken },
      IFD2: { DateTimeOriginal: taken },
      IFD3: {
        GPSLatitudeRef: photo.lat >= 0 ? 'N' : 'S',
        GPSLatitude: rationalDms(photo.lat),
        GPSLongitudeRef: photo.lon >= 0 ? 'E' : 'W',
        GPSLongitude: rationalDms(photo.lon),
      },
    })
    .jpeg({ quality: 60 })
    .toBuffer();
}
