import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '@hausakte/auth';
import { EnforcementModule } from '@hausakte/enforcement';
import { InspectionsModule, PhotosModule } from '@hausakte/inspections';
import { MapModule } from '@hausakte/map';
import { NotificationsModule } from '@hausakte/notifications';
import { PlatformModule } from '@hausakte/platform';
import { PropertiesModule } from '@hausakte/properties';

/**
 * The libs the seeder borrows from the app: the register's address and nearest-property lookups
 * (complaint matching), the photo pipeline, the risk read model, the enforcement services (cases,
 * hearings, orders, closures, with their letters), the inspection services (re-inspections) and
 * the inbox. The User entity comes with AuthModule (photos reference their uploader).
 */
@Module({
  imports: [
    PlatformModule,
    AuthModule,
    PropertiesModule,
    PhotosModule,
    MapModule,
    InspectionsModule,
    EnforcementModule,
    NotificationsModule,
  ],
})
class SeedAppModule {}

/**
 * Boots those libs against the seeded database. The config is read from the environment at
 * boot (as in every process of the app), so the seeder's database and photo directory are put
 * there for the boot and the previous values restored at once.
 */
export async function openSeedApp(overrides: {
  DATABASE_URL: string;
  PHOTO_STORAGE_DIR?: string;
  LETTER_STORAGE_DIR?: string;
  /** "false": the seeded notifications reach the inbox only (their e-mail status is `none`). */
  MAIL_ENABLED?: string;
}): Promise<INestApplicationContext> {
  const wanted: Record<string, string | undefined> = {
    ...overrides,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const saved = Object.fromEntries(Object.keys(wanted).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(wanted)) {
    if (value !== undefined) process.env[key] = value;
  }
  try {
    return await NestFactory.createApplicationContext(SeedAppModule, {
      logger: ['error', 'warn'],
    });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
