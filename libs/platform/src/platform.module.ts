import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditRepository } from './audit/audit.repository';
import { AuditTrail } from './audit/audit-trail.service';
import { ConfigModule } from './config/config.module';
import { RequestContext } from './context/request-context';
import { DatabaseModule } from './database/database.module';
import { HealthService } from './health/health.service';
import { RedisProbe } from './health/redis-probe';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { LoggingModule, requestIdOf } from './logging/logging.module';

/** Everything every process needs: config, logs, the database, the transaction context, audit. */
@Global()
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    TypeOrmModule.forFeature([AuditEntry, IdempotencyKey]),
    ClsModule.forRoot({
      global: true,
      middleware: { mount: true, generateId: true, idGenerator: requestIdOf },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  ],
  providers: [
    RequestContext,
    AuditRepository,
    AuditTrail,
    IdempotencyRepository,
    IdempotencyInterceptor,
    RedisProbe,
    HealthService,
  ],
  exports: [
    ConfigModule,
    RequestContext,
    AuditTrail,
    IdempotencyRepository,
    IdempotencyInterceptor,
    RedisProbe,
    HealthService,
  ],
})
export class PlatformModule {}
