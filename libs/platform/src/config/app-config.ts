import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';

/** Raised when the environment cannot be turned into a valid configuration. Its message is one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

const positiveInt = (fallback: number, min = 1) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A directory, made absolute against the working directory at boot. */
const directory = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) => resolve(value));

const url = (protocols: string[], fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const bounds = z
  .string()
  .default('7.13,51.50,7.30,51.57')
  .transform((value, ctx): Bounds => {
    const parts = value.split(',').map((p) => Number(p.trim()));
    const [minLon, minLat, maxLon, maxLat] = parts;
    const valid =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      minLon >= -180 &&
      maxLon <= 180 &&
      minLat >= -90 &&
      maxLat <= 90 &&
      minLon < maxLon &&
      minLat < maxLat;
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be minLon,minLat,maxLon,maxLat in degrees with min < max',
      });
      return z.NEVER;
    }
    return { minLon, minLat, maxLon, maxLat };
  });

const timeOfDay = (fallback: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time of day, HH:MM or HH:MM:SS')
    .default(fallback);

/** Whole days before a deadline, e.g. `7,1`; `0` (the day itself) is always reminded. */
const daysBefore = z
  .string()
  .default('7,1')
  .transform((value, ctx): number[] => {
    const days = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map(Number);
    if (!days.every((day) => Number.isInteger(day) && day >= 1 && day <= 90)) {
      ctx.addIssue({ code: 'custom', message: 'must be whole days from 1 to 90, e.g. 7,1' });
      return z.NEVER;
    }
    return [...new Set(days)].sort((a, b) => b - a);
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: port(3000),
  WORKER_PORT: port(3001),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/hausakte'),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
  BULLMQ_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "-" and "_"')
    .default('hausakte'),
  CITY_BOUNDS: bounds,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: bool(false),
  SESSION_TTL_HOURS: positiveInt(12),
  /** How long the api keeps a checked session in memory (ADR 0017); 0 asks the database every time. */
  SESSION_CACHE_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(300, 'must be at most 300')
    .default(60),
  SESSION_COOKIE_SECURE: bool(false),
  SIGN_IN_MAX_FAILURES: positiveInt(5),
  SIGN_IN_MAX_FAILURES_PER_IP: positiveInt(50),
  SIGN_IN_WINDOW_MINUTES: positiveInt(15),
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024, 1024),
  IDEMPOTENCY_RETENTION_DAYS: positiveInt(7, 7),
  WEB_DIST_DIR: z.string().default('dist/web'),
  OUTBOX_POLL_MS: positiveInt(500, 10),
  HEARTBEAT_EVERY_MS: positiveInt(60_000, 1000),
  /** Basemap tiles for the web app's maps; without one the maps draw on a plain background. */
  MAP_TILE_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/,
      'must be an http(s) tile URL template with {z}, {x} and {y}',
    )
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(500).optional(),
  /** Photo evidence: originals and previews, outside the web root. Back it up with the database. */
  PHOTO_STORAGE_DIR: directory('var/photos'),
  /**
   * tus uploads in progress; default `<PHOTO_STORAGE_DIR>/uploads` (same file system: no copy).
   * Refused inside WEB_DIST_DIR, like PHOTO_STORAGE_DIR.
   */
  PHOTO_UPLOAD_DIR: z
    .string()
    .transform((value) => resolve(value))
    .optional(),
  /** Largest photo accepted, in bytes (default 20 MiB); a larger upload gets 413. */
  PHOTO_MAX_BYTES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1024, 'must be at least 1024')
    .max(1024 * 1024 * 1024, 'must be at most 1 GiB')
    .default(20 * 1024 * 1024),
  /** An upload not finished this many hours after it began is refused and removed. */
  PHOTO_UPLOAD_EXPIRY_HOURS: positiveInt(72),
  /** Issued letters (PDF, read-only), outside the web root. Back it up with the database. */
  LETTER_STORAGE_DIR: directory('var/letters'),
  /** Where the worker sends notification e-mails (the demo runs a sink on the default). */
  SMTP_URL: url(['smtp:', 'smtps:'], 'smtp://127.0.0.1:1025'),
  /** Sender of notification e-mails, `Name <address>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .max(200)
    .regex(
      /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
      'must be an address or "Name <address>"',
    )
    .default('Hausakte <hausakte@localhost>'),
  /** Off: notifications reach the in-app inbox only (their e-mail status is `none`). */
  MAIL_ENABLED: bool(true),
  /** How often the worker looks for e-mails to send. */
  MAIL_POLL_MS: positiveInt(2000, 50),
  /** Sending attempts per e-mail before it is marked failed (backoff doubles up to 10 min). */
  MAIL_MAX_ATTEMPTS: positiveInt(10),
  /** Where users open Hausakte: links in e-mails start with it. */
  PUBLIC_URL: url(['http:', 'https:'], 'http://localhost:3000'),
  /** Read notifications are removed this many days after they were created. */
  NOTIFICATION_RETENTION_DAYS: positiveInt(365),
  /** Weeks between the re-inspections that watch a vacated or sealed closure (§ 9 WohnStG). */
  CLOSURE_RECHECK_WEEKS: positiveInt(8),
  /** Days before an item's or hearing's deadline that its officer is reminded (and on the day). */
  REMINDER_DAYS_BEFORE: daysBefore,
  /** Berlin time of day of the reminders. */
  REMINDER_TIME: timeOfDay('07:00'),
  /** Berlin time of day of the officers' daily digest of the week's deadlines. */
  DIGEST_TIME: timeOfDay('07:00'),
  /** How often the worker's sweeper re-derives the deadline jobs that should be queued. */
  SWEEP_EVERY_MS: positiveInt(60_000, 100),
  /** Deadline jobs due within this time are queued in Redis; later ones wait in PostgreSQL. */
  DEADLINE_HORIZON_MS: positiveInt(3_600_000, 1000),
  /**
   * Fault tests and drills only: a compressed calendar in which a day lasts this many seconds,
   * counted from DEADLINE_CLOCK_ORIGIN, so deadlines come seconds from now. Unset in production.
   */
  DEADLINE_SECONDS_PER_DAY: z.coerce
    .number({ error: 'must be a number' })
    .positive('must be more than 0')
    .optional(),
  DEADLINE_CLOCK_ORIGIN: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time with its zone' })
    .optional(),
});

export type AppConfig = z.output<typeof schema>;

/**
 * Reads the configuration from environment variables. Every variable has a working default;
 * a value that is present but wrong stops the app with one line naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const result = schema.safeParse(present);
  if (result.success) {
    // Photos, uploads still in progress and letters are served only through their
    // permission-checked routes, never as static files.
    const webRoot = resolve(result.data.WEB_DIST_DIR);
    for (const key of ['PHOTO_STORAGE_DIR', 'PHOTO_UPLOAD_DIR', 'LETTER_STORAGE_DIR'] as const) {
      const dir = result.data[key];
      if (dir !== undefined && isInside(dir, webRoot)) {
        throw new ConfigError(
          `Invalid configuration: ${key}=${JSON.stringify(env[key] ?? '')} must lie outside WEB_DIST_DIR (${webRoot})`,
        );
      }
    }
    if (
      (result.data.DEADLINE_SECONDS_PER_DAY === undefined) !==
      (result.data.DEADLINE_CLOCK_ORIGIN === undefined)
    ) {
      throw new ConfigError(
        'Invalid configuration: DEADLINE_SECONDS_PER_DAY and DEADLINE_CLOCK_ORIGIN are set together or not at all',
      );
    }
    if (
      result.data.DEADLINE_SECONDS_PER_DAY !== undefined &&
      result.data.NODE_ENV === 'production'
    ) {
      throw new ConfigError(
        'Invalid configuration: DEADLINE_SECONDS_PER_DAY compresses the calendar for tests and must not be set in production',
      );
    }
    if (result.data.SWEEP_EVERY_MS >= result.data.DEADLINE_HORIZON_MS) {
      throw new ConfigError(
        `Invalid configuration: SWEEP_EVERY_MS=${result.data.SWEEP_EVERY_MS} must be shorter than DEADLINE_HORIZON_MS=${result.data.DEADLINE_HORIZON_MS}, or jobs due beyond the horizon run late`,
      );
    }
    // Secure by default where it matters: production sends the session cookie over HTTPS only.
    const secureUnset = env.SESSION_COOKIE_SECURE === undefined || env.SESSION_COOKIE_SECURE === '';
    if (secureUnset && result.data.NODE_ENV === 'production')
      result.data.SESSION_COOKIE_SECURE = true;
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    // A URL's password (DATABASE_URL, SMTP_URL) never reaches the log.
    const shown = JSON.stringify(env[key])?.replace(/(\/\/[^/:@\s]*:)[^@/\s]*@/, '$1***@');
    return `${key}=${shown} ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** True when `path` is `dir` or lies below it. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
