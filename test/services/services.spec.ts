// scripts/services: the decision (with forced probes, `--plan`) and one real run.
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts', 'services');

type Probes = {
  SERVICES_PROBE_PG?: 'up' | 'down';
  SERVICES_PROBE_POSTGIS?: 'yes' | 'no';
  SERVICES_PROBE_PG_MAJOR?: string;
  SERVICES_PROBE_PG_INSTALLED?: 'yes' | 'no';
  SERVICES_PROBE_REDIS?: 'up' | 'down';
  SERVICES_PROBE_REDIS_INSTALLED?: 'yes' | 'no';
  SERVICES_PROBE_DOCKER?: 'yes' | 'no';
  SERVICES_PROBE_ROOT_DEBIAN?: 'yes' | 'no';
};

/** The environment of this process without any SERVICES_PROBE_* that may leak in. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('SERVICES_PROBE_')) delete env[key];
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const result = spawnSync('bash', [script, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return result;
}

/** `scripts/services --plan` with every probe forced (no real probe runs). */
function plan(probes: Probes, extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hausakte',
    REDIS_URL: 'redis://127.0.0.1:6379',
    SERVICES_PROBE_PG_MAJOR: '15',
    SERVICES_PROBE_PG_INSTALLED: 'yes',
    SERVICES_PROBE_REDIS_INSTALLED: 'yes',
    ...probes,
    ...extra,
  };
  return run(['--plan'], env);
}

const allUp: Probes = {
  SERVICES_PROBE_PG: 'up',
  SERVICES_PROBE_POSTGIS: 'yes',
  SERVICES_PROBE_REDIS: 'up',
  SERVICES_PROBE_DOCKER: 'no',
  SERVICES_PROBE_ROOT_DEBIAN: 'yes',
};

describe('scripts/services --plan', () => {
  it('does nothing when PostgreSQL, PostGIS and Redis are all there', () => {
    const r = plan(allUp);
    expect(r.stdout).toBe('nothing\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('does nothing when all is up even if Docker runs too', () => {
    const r = plan({ ...allUp, SERVICES_PROBE_DOCKER: 'yes' });
    expect(r.stdout).toBe('nothing\n');
    expect(r.status).toBe(0);
  });

  it.each([
    ['15', 'install: postgresql-15-postgis-3\n'],
    ['16', 'install: postgresql-16-postgis-3\n'],
  ])(
    'installs the PostGIS package of the running major (%s) when postgis is missing, on root Debian without Docker',
    (major, expected) => {
      const r = plan({
        ...allUp,
        SERVICES_PROBE_POSTGIS: 'no',
        SERVICES_PROBE_PG_MAJOR: major,
      });
      expect(r.stdout).toBe(expected);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
  );

  it('prefers Docker over apt when an engine runs', () => {
    const r = plan({ ...allUp, SERVICES_PROBE_POSTGIS: 'no', SERVICES_PROBE_DOCKER: 'yes' });
    expect(r.stdout).toBe('docker\n');
    expect(r.status).toBe(0);
  });

  it('uses Docker when everything is down and an engine runs, even without root', () => {
    const r = plan({
      SERVICES_PROBE_PG: 'down',
      SERVICES_PROBE_POSTGIS: 'no',
      SERVICES_PROBE_REDIS: 'down',
      SERVICES_PROBE_DOCKER: 'yes',
      SERVICES_PROBE_ROOT_DEBIAN: 'no',
    });
    expect(r.stdout).toBe('docker\n');
    expect(r.status).toBe(0);
  });

  it('is unsupported without Docker and without root Debian, naming what to install, exit 1', () => {
    const r = plan({
      ...allUp,
      SERVICES_PROBE_POSTGIS: 'no',
      SERVICES_PROBE_REDIS: 'down',
      SERVICES_PROBE_REDIS_INSTALLED: 'no',
      SERVICES_PROBE_ROOT_DEBIAN: 'no',
    });
    expect(r.stdout).toBe('unsupported\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'services: unsupported: PostgreSQL 15 at 127.0.0.1:5432 has no postgis extension available; ' +
        'Redis does not answer PING at 127.0.0.1:6379. Install PostgreSQL 15 with PostGIS 3 and Redis 7 ' +
        '(Debian/Ubuntu, as root: apt-get install -y postgresql-15-postgis-3 redis-server; ' +
        'or run scripts/services as root, which does that), or start a Docker engine and run ' +
        'scripts/services again (it then runs docker compose -f docker/compose.yml up -d --wait).\n',
    );
  });

  it('starts the installed redis-server when only Redis is down, on root Debian', () => {
    const r = plan({ ...allUp, SERVICES_PROBE_REDIS: 'down' });
    expect(r.stdout).toBe('install: (none)\nstart: redis-server\n');
    expect(r.status).toBe(0);
  });

  it('installs and starts redis-server when only Redis is down and it is not installed', () => {
    const r = plan({
      ...allUp,
      SERVICES_PROBE_REDIS: 'down',
      SERVICES_PROBE_REDIS_INSTALLED: 'no',
    });
    expect(r.stdout).toBe('install: redis-server\nstart: redis-server\n');
    expect(r.status).toBe(0);
  });

  it('installs PostgreSQL, PostGIS and Redis on a bare root Debian machine', () => {
    const r = plan({
      SERVICES_PROBE_PG: 'down',
      SERVICES_PROBE_POSTGIS: 'no',
      SERVICES_PROBE_PG_INSTALLED: 'no',
      SERVICES_PROBE_PG_MAJOR: '17',
      SERVICES_PROBE_REDIS: 'down',
      SERVICES_PROBE_REDIS_INSTALLED: 'no',
      SERVICES_PROBE_DOCKER: 'no',
      SERVICES_PROBE_ROOT_DEBIAN: 'yes',
    });
    expect(r.stdout).toBe(
      'install: postgresql postgresql-17-postgis-3 redis-server\n' +
        'start: postgresql-17/main\n' +
        'start: redis-server\n',
    );
    expect(r.status).toBe(0);
  });

  it('starts a stopped local cluster that already has PostGIS, installing nothing', () => {
    const r = plan({ ...allUp, SERVICES_PROBE_PG: 'down', SERVICES_PROBE_POSTGIS: 'yes' });
    expect(r.stdout).toBe('install: (none)\nstart: postgresql-15/main\n');
    expect(r.status).toBe(0);
  });

  it('does not try to fix a PostgreSQL on another host, and keeps its password out of the message', () => {
    const r = plan(
      { ...allUp, SERVICES_PROBE_POSTGIS: 'no', SERVICES_PROBE_DOCKER: 'yes' },
      { DATABASE_URL: 'postgres://app:s3cret@db.example.org:6543/hausakte' },
    );
    expect(r.stdout).toBe('unsupported\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PostgreSQL 15 at db.example.org:6543 has no postgis extension');
    expect(r.stderr).toContain('(db.example.org)');
    expect(r.stderr).toContain('postgresql-15-postgis-3');
    expect(r.stderr).not.toContain('s3cret');
  });

  it('rejects an invalid probe value with exit 2', () => {
    const r = plan({ ...allUp, SERVICES_PROBE_PG: 'maybe' as 'up' });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('services: SERVICES_PROBE_PG=maybe is not valid (expected up|down)\n');
    expect(r.status).toBe(2);
  });

  it('rejects an unknown argument with exit 2', () => {
    const r = run(['--nope'], baseEnv());
    expect(r.stderr).toBe('usage: scripts/services [--plan]\n');
    expect(r.status).toBe(2);
  });
});

describe('scripts/services on this machine (real probes)', () => {
  // .ci/run has run scripts/services before the tests, so the services must be ready now.
  it('plans nothing', () => {
    const r = run(['--plan'], baseEnv());
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('nothing\n');
    expect(r.status).toBe(0);
  });

  it('has nothing to do and exits 0', () => {
    const r = run([], baseEnv());
    expect(r.stdout).toMatch(
      /^services: nothing to do: PostgreSQL \d+ at \S+ has postgis available, Redis at \S+ answers\n$/,
    );
    expect(r.status).toBe(0);
  });
});
