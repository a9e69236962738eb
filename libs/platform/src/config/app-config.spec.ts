import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/hausakte');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.CITY_BOUNDS).toEqual({ minLon: 7.13, minLat: 51.5, maxLon: 7.3, maxLat: 51.57 });
    expect(config.SESSION_COOKIE_SECURE).toBe(false);
  });

  it('sends the session cookie over HTTPS only in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).SESSION_COOKIE_SECURE).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' }).SESSION_COOKIE_SECURE,
    ).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).SESSION_COOKIE_SECURE).toBe(false);
  });

  it('sends notification e-mail to a local sink unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(config.MAIL_FROM).toBe('Hausakte <hausakte@localhost>');
    expect(config.MAIL_ENABLED).toBe(true);
    expect(config.MAIL_POLL_MS).toBe(2000);
    expect(config.MAIL_MAX_ATTEMPTS).toBe(10);
    expect(config.NOTIFICATION_RETENTION_DAYS).toBe(365);
    expect(loadConfig({ MAIL_FROM: 'wohnungsaufsicht@herne.de' }).MAIL_FROM).toBe(
      'wohnungsaufsicht@herne.de',
    );
  });

  it('never repeats a URL’s password in its refusal', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:geheim-123@mail.herne.de' })).toThrow(
      'SMTP_URL="http://mailer:***@mail.herne.de" must be a URL',
    );
  });

  it('reads values from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      CITY_BOUNDS: '5.8,50.3,9.5,52.6',
      TRUST_PROXY: 'yes',
    });
    expect(config.PORT).toBe(8080);
    expect(config.CITY_BOUNDS.maxLat).toBe(52.6);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it('refuses photo directories inside the web root: its files are served without sign-in', () => {
    const web = { WEB_DIST_DIR: '/srv/hausakte/web' };
    expect(() => loadConfig({ ...web, PHOTO_STORAGE_DIR: '/srv/hausakte/web/photos' })).toThrow(
      /PHOTO_STORAGE_DIR="\/srv\/hausakte\/web\/photos" must lie outside WEB_DIST_DIR/,
    );
    expect(() => loadConfig({ ...web, PHOTO_UPLOAD_DIR: '/srv/hausakte/web/uploads' })).toThrow(
      /PHOTO_UPLOAD_DIR="\/srv\/hausakte\/web\/uploads" must lie outside WEB_DIST_DIR/,
    );
    expect(() => loadConfig({ ...web, PHOTO_UPLOAD_DIR: '/srv/hausakte/web' })).toThrow(
      ConfigError,
    );
    expect(
      loadConfig({
        ...web,
        PHOTO_STORAGE_DIR: '/srv/hausakte/photos',
        PHOTO_UPLOAD_DIR: '/srv/hausakte/web-uploads',
      }).PHOTO_UPLOAD_DIR,
    ).toBe('/srv/hausakte/web-uploads');
  });

  it.each([
    ['PORT', 'abc', /PORT="abc"/],
    ['PORT', '70000', /PORT="70000" must be between 1 and 65535/],
    [
      'DATABASE_URL',
      'mysql://x@y/z',
      /DATABASE_URL="mysql:\/\/x@y\/z" must be a URL starting with postgres:/,
    ],
    ['REDIS_URL', 'not a url', /REDIS_URL=/],
    ['CITY_BOUNDS', '7.3,51.5,7.1,51.6', /CITY_BOUNDS=.* min < max/],
    ['CITY_BOUNDS', '7,51', /CITY_BOUNDS=/],
    ['BULLMQ_PREFIX', 'a:b', /BULLMQ_PREFIX="a:b"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
    ['SESSION_COOKIE_SECURE', 'maybe', /SESSION_COOKIE_SECURE="maybe" must be true or false/],
    ['IDEMPOTENCY_RETENTION_DAYS', '3', /IDEMPOTENCY_RETENTION_DAYS="3" must be at least 7/],
    [
      'MAP_TILE_URL',
      'tiles.example.org/{z}/{x}/{y}.png',
      /MAP_TILE_URL=.* must be an http\(s\) tile URL/,
    ],
    [
      'SMTP_URL',
      'http://mail.example',
      /SMTP_URL=.* must be a URL starting with smtp:\/\/ or smtps:\/\//,
    ],
    ['MAIL_FROM', 'Hausakte', /MAIL_FROM="Hausakte" must be an address or "Name <address>"/],
    ['MAIL_POLL_MS', '0', /MAIL_POLL_MS="0" must be at least 50/],
    ['PUBLIC_URL', 'hausakte.herne.de', /PUBLIC_URL=/],
    ['REMINDER_DAYS_BEFORE', '7,zwei', /REMINDER_DAYS_BEFORE="7,zwei" must be whole days/],
    ['REMINDER_DAYS_BEFORE', '0', /REMINDER_DAYS_BEFORE="0" must be whole days from 1/],
    ['REMINDER_TIME', '7 Uhr', /REMINDER_TIME="7 Uhr" must be a time of day/],
    ['DIGEST_TIME', '24:00', /DIGEST_TIME="24:00" must be a time of day/],
    ['SWEEP_EVERY_MS', '10', /SWEEP_EVERY_MS="10" must be at least 100/],
    ['DEADLINE_SECONDS_PER_DAY', '2', /set together or not at all/],
    ['DEADLINE_CLOCK_ORIGIN', '2026-11-24', /DEADLINE_CLOCK_ORIGIN="2026-11-24" must be an ISO/],
  ])('refuses %s=%s with one line naming it', (key, value, message) => {
    const attempt = () => loadConfig({ [key]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('refuses a sweep slower than the horizon, and a compressed calendar in production', () => {
    expect(() => loadConfig({ SWEEP_EVERY_MS: '3600000' })).toThrow(
      /SWEEP_EVERY_MS=3600000 must be shorter than DEADLINE_HORIZON_MS=3600000/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DEADLINE_SECONDS_PER_DAY: '1',
        DEADLINE_CLOCK_ORIGIN: '2026-11-24T10:00:00Z',
      }),
    ).toThrow(/must not be set in production/);
  });

  it('reads the deadline settings: reminder days sorted, times, a compressed calendar as a pair', () => {
    const config = loadConfig({
      REMINDER_DAYS_BEFORE: '1, 14,7,7',
      REMINDER_TIME: '06:45',
      DEADLINE_SECONDS_PER_DAY: '0.5',
      DEADLINE_CLOCK_ORIGIN: '2026-11-24T10:00:00+01:00',
    });
    expect(config.REMINDER_DAYS_BEFORE).toEqual([14, 7, 1]);
    expect(config.REMINDER_TIME).toBe('06:45');
    expect(config.DIGEST_TIME).toBe('07:00');
    expect(config.DEADLINE_SECONDS_PER_DAY).toBe(0.5);
    expect(loadConfig({}).DEADLINE_SECONDS_PER_DAY).toBeUndefined();
  });
});
