import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseOptions } from '@hausakte/platform';
import { databaseUrl, freePort, startTestApi, TestApi } from '@hausakte/testing';

const ROOT = join(__dirname, '../..');

/** Runs an entry point from source as its own process; resolves with its exit code and output. */
function run(entry: string, args: string[], env: Record<string, string>, stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: 'error', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin ?? '');
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each call boots the cli from source (ts-node, Nest, TypeORM): seconds on a quiet machine, but
// a loaded two-core CI box once needed more than 30 s for two of them. A guard against hangs,
// not a timing.
const CLI_TEST_TIMEOUT_MS = 90_000;

const cli = (args: string[], env: Record<string, string> = {}, stdin?: string) =>
  run('apps/cli/src/main.ts', args, env, stdin);

describe('command line and boot', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  const canSignIn = async (email: string, password: string) =>
    (await api.request('POST', '/api/v1/auth/login', { body: { email, password } })).status === 200;

  it(
    'creates the first admin with the password from standard input',
    async () => {
      const email = `first-admin-${Date.now()}@herne.example`;
      const result = await cli(
        ['user:create', '--email', email, '--role', 'admin', '--name', 'Erste Admin'],
        {},
        'ein-langes-passwort\n',
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Created admin ${email}`);
      expect(result.stdout).not.toContain('ein-langes-passwort');
      await expect(canSignIn(email, 'ein-langes-passwort')).resolves.toBe(true);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'takes the password from HAUSAKTE_USER_PASSWORD, and never from the command line',
    async () => {
      const email = `env-officer-${Date.now()}@herne.example`;
      const fromEnv = await cli(['user:create', '--email', email, '--role', 'officer'], {
        HAUSAKTE_USER_PASSWORD: 'aus-der-umgebung-1',
      });
      expect(fromEnv.code).toBe(0);
      await expect(canSignIn(email, 'aus-der-umgebung-1')).resolves.toBe(true);

      const onCommandLine = await cli([
        'user:create',
        '--email',
        `x-${email}`,
        '--role',
        'officer',
        '--password',
        'sichtbar-in-ps-1',
      ]);
      expect(onCommandLine.code).toBe(1);
      expect(onCommandLine.stderr).toMatch(/Unknown option '--password'/);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'refuses a short password and an unknown role',
    async () => {
      const short = await cli(
        ['user:create', '--email', `short-${Date.now()}@herne.example`, '--role', 'officer'],
        {},
        'kurz\n',
      );
      expect(short.code).toBe(1);
      expect(short.stderr).toMatch(/at least 12 characters/);
      const badAddress = await cli(
        ['user:create', '--email', 'kein-at-zeichen', '--role', 'officer'],
        {},
        'lang-genug-12345\n',
      );
      expect(badAddress.code).toBe(1);
      expect(badAddress.stderr).toMatch(/^email must be an e-mail address/);
      const role = await cli(
        ['user:create', '--email', `role-${Date.now()}@herne.example`, '--role', 'king'],
        {},
        'lang-genug-12345\n',
      );
      expect(role.code).toBe(1);
      expect(role.stderr).toMatch(/--role must be one of inspector, officer, manager, admin/);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'creates a missing database, migrates it, and is a no-op the second time',
    async () => {
      const name = `${process.env.HAUSAKTE_TEST_RUN}_cli_${Date.now().toString(36)}`;
      const url = databaseUrl(name, process.env.HAUSAKTE_TEST_BASE_DATABASE_URL || undefined);
      const first = await cli(['migrate'], { DATABASE_URL: url });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`Created database ${name}`);
      expect(first.stdout).toMatch(/Applied Foundation/);
      const second = await cli(['migrate'], { DATABASE_URL: url });
      expect(second.stdout).toContain('Database is up to date');
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM migrations`);
        expect(rows[0].n).toBe(
          (databaseOptions({ DATABASE_URL: url }).migrations as unknown[]).length,
        );
      } finally {
        await client.end();
      }
    },
    2 * CLI_TEST_TIMEOUT_MS,
  );

  it.each([
    ['apps/api/src/main.ts', { PORT: 'abc' }, /^Invalid configuration: PORT="abc"/],
    [
      'apps/worker/src/main.ts',
      { DATABASE_URL: 'mysql://x@localhost/db' },
      /^Invalid configuration: DATABASE_URL=/,
    ],
  ])(
    '%s stops at boot on a wrong value with one line naming it',
    async (entry, env, message) => {
      const result = await run(entry, [], { ...env, WORKER_PORT: String(await freePort()) });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
    },
    30_000,
  );
});
