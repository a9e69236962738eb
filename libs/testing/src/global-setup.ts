import 'reflect-metadata';
// Jest does not apply moduleNameMapper to global setup: resolve the @hausakte/* aliases here.
import 'tsconfig-paths/register';
import type { Config } from '@jest/types';
import { DataSource } from 'typeorm';
import { installDefaultLetterTemplates } from '@hausakte/enforcement';
import { installDefaultCatalogue } from '@hausakte/inspections';
import { databaseOptions } from '@hausakte/platform';
import {
  databaseUrl,
  dropStaleTestDatabases,
  removeStaleTestFiles,
  TEST_DB_PREFIX,
  withAdminClient,
} from './test-databases';

/**
 * Once per test tier: a migrated template database, then one database per Jest worker cloned
 * from it (CREATE DATABASE … TEMPLATE is a file copy: fast). Names carry this process's pid so a
 * later run can tell which databases a killed run left behind. The database in DATABASE_URL is
 * never touched.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const runId = `${TEST_DB_PREFIX}${process.pid}_${Date.now().toString(36)}`;
  const template = `${runId}_tpl`;
  await withAdminClient(async (client) => {
    await dropStaleTestDatabases(client);
    await removeStaleTestFiles();
    const postgis = await client.query(
      `SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`,
    );
    if (!postgis.rowCount) {
      throw new Error(
        'PostGIS is not installed on the test PostgreSQL server: run scripts/services first',
      );
    }
    await client.query(`CREATE DATABASE "${template}"`);
  });

  const dataSource = new DataSource({
    ...databaseOptions({ DATABASE_URL: databaseUrl(template) }),
    entities: [],
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await installDefaultCatalogue(dataSource);
    await installDefaultLetterTemplates(dataSource);
  } finally {
    await dataSource.destroy();
  }

  const workers = Math.max(1, globalConfig.maxWorkers);
  await withAdminClient(async (client) => {
    for (let worker = 1; worker <= workers; worker++) {
      await client.query(`CREATE DATABASE "${runId}_w${worker}" TEMPLATE "${template}"`);
    }
  });

  process.env.HAUSAKTE_TEST_RUN = runId;
  process.env.HAUSAKTE_TEST_BASE_DATABASE_URL = process.env.DATABASE_URL ?? '';
}
