import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/** The connection settings shared by the app, the CLI and the tests. Migrations only, never synchronize. */
export function databaseOptions(
  config: Pick<AppConfig, 'DATABASE_URL'>,
  applicationName = 'hausakte',
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    applicationName,
    extra: {
      max: 10,
      // Address search matches whole words at 0.4 similarity: a swapped letter ("Bahnhfostr")
      // scores about 0.47 against its street, the default of 0.6 would miss it.
      options: '-c pg_trgm.word_similarity_threshold=0.4',
    },
  };
}
