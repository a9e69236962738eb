import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { CreateUserDto, ROLES, Role, UsersService } from '@hausakte/auth';
import { installDefaultLetterTemplates } from '@hausakte/enforcement';
import { installDefaultCatalogue } from '@hausakte/inspections';
import {
  ConfigError,
  fieldErrorsFrom,
  databaseOptions,
  ensureDatabase,
  loadConfig,
  RequestContext,
  ValidationProblem,
} from '@hausakte/platform';
import { CliModule } from './cli.module';
import { readPassword } from './read-password';

const USAGE = `Usage:
  hausakte migrate                                     create the database if needed and run migrations
  hausakte user:create --email E --role R [--name N]   create a user (password from HAUSAKTE_USER_PASSWORD or stdin)
  hausakte demo-users                                  one user per role, only into an empty database`;

/** Demo accounts, shown in the README. Created only when there are no users at all. */
export const DEMO_USERS: Array<{
  email: string;
  displayName: string;
  role: Role;
  password: string;
}> = [
  {
    email: 'inspektor@herne.example',
    displayName: 'Ines Krüger',
    role: 'inspector',
    password: 'demo-inspektor-2026',
  },
  {
    email: 'sachbearbeitung@herne.example',
    displayName: 'Olaf Yıldız',
    role: 'officer',
    password: 'demo-sachbearbeitung-2026',
  },
  {
    email: 'leitung@herne.example',
    displayName: 'Maren Schäfer',
    role: 'manager',
    password: 'demo-leitung-2026',
  },
  {
    email: 'admin@herne.example',
    displayName: 'Adam Wójcik',
    role: 'admin',
    password: 'demo-admin-2026',
  },
];

async function migrate(): Promise<void> {
  const config = loadConfig(process.env);
  if (await ensureDatabase(config.DATABASE_URL))
    console.log(`Created database ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
  const dataSource = new DataSource({
    ...databaseOptions(config, 'hausakte-migrate'),
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length
        ? `Applied ${applied.map((m) => m.name).join(', ')}`
        : 'Database is up to date',
    );
    const added = await installDefaultCatalogue(dataSource);
    if (added > 0) console.log(`Added ${added} entries of the shipped defect catalogue`);
    const templates = await installDefaultLetterTemplates(dataSource);
    if (templates > 0) console.log(`Added ${templates} shipped letter templates`);
  } finally {
    await dataSource.destroy();
  }
}

async function withUsers(fn: (users: UsersService) => Promise<void>): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    await app.get(RequestContext).run(null, () => fn(app.get(UsersService)));
  } finally {
    await app.close();
  }
}

async function createUser(args: string[]): Promise<void> {
  const options = {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
  } as const;
  let values: { email?: string; role?: string; name?: string };
  try {
    values = parseArgs({ args, options }).values;
  } catch (error) {
    // An unknown option (say --password, which shell history would keep) is a usage error.
    throw new UsageError((error as Error).message);
  }
  const { email, role, name } = values;
  if (!email || !role) throw new UsageError('user:create needs --email and --role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const password = await readPassword();
  // The same rules as POST /api/v1/users: a trimmed, valid address, a name, a long password.
  const input = plainToInstance(CreateUserDto, {
    email,
    displayName: name ?? email,
    role,
    password,
  });
  const problems = fieldErrorsFrom(await validate(input, { stopAtFirstError: true }));
  if (problems.length) {
    throw new UsageError(
      problems
        .map((p) => `${p.field === 'displayName' ? 'name' : p.field} ${p.message}`)
        .join('; '),
    );
  }
  await withUsers(async (users) => {
    const user = await users.create(input);
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
  });
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

async function createDemoUsers(): Promise<void> {
  await withUsers(async (users) => {
    const { total } = await users.list(1, 0);
    if (total > 0) {
      console.log(`Users exist already (${total}); demo users not created`);
      return;
    }
    for (const demo of DEMO_USERS) await users.create(demo);
    console.log(
      `Created demo users: ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ')}`,
    );
  });
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return migrate();
    case 'user:create':
      return createUser(rest);
    case 'demo-users':
      return createDemoUsers();
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof ValidationProblem)
    console.error(error.fieldErrors.map((e) => `${e.field} ${e.message}`).join('; '));
  else console.error(error);
  process.exit(1);
});
