import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

/**
 * The DataSource for the TypeORM CLI (`npm run migration:generate -- <Name>` and friends).
 * The app builds the same options through `DatabaseModule`, with entities registered per lib.
 */
export default new DataSource({
  ...databaseOptions(loadConfig(process.env), 'hausakte-cli'),
  entities: [join(__dirname, '../../../*/src/**/*.entity.{ts,js}')],
});
