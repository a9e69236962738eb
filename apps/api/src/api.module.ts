import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, AuthModule } from '@hausakte/auth';
import { OutboxModule } from '@hausakte/jobs';
import { LandlordsModule } from '@hausakte/landlords';
import { PlatformModule } from '@hausakte/platform';
import { PropertiesModule } from '@hausakte/properties';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './health/health.controller';
import { LandlordsController } from './landlords/landlords.controller';
import { OwnershipsController } from './landlords/ownerships.controller';
import { PropertiesController } from './properties/properties.controller';
import { UsersController } from './users/users.controller';
import { WebConfigController } from './web/web-config.controller';

@Module({
  imports: [PlatformModule, AuthModule, OutboxModule, PropertiesModule, LandlordsModule],
  controllers: [
    HealthController,
    AuthController,
    UsersController,
    AuditController,
    PropertiesController,
    LandlordsController,
    OwnershipsController,
    WebConfigController,
  ],
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class ApiModule {}
