import { Module } from '@nestjs/common';
import { AuthModule } from '@hausakte/auth';
import { EnforcementJobsModule } from '@hausakte/enforcement';
import { JobsModule } from '@hausakte/jobs';
import { PhotosModule } from '@hausakte/inspections';
import { LandlordJobsModule } from '@hausakte/landlords';
import { MapJobsModule } from '@hausakte/map';
import { NotificationsModule } from '@hausakte/notifications';
import { PlatformModule } from '@hausakte/platform';
import { NotificationWiring } from './notification-wiring';
import { DomainQueueProcessor, SystemQueueProcessor } from './queue-processors';
import { RetentionWiring } from './retention-wiring';
import { WorkerHealthController } from './worker-health.controller';
import { WorkerLifecycle } from './worker-lifecycle';

@Module({
  imports: [
    PlatformModule,
    JobsModule,
    AuthModule,
    PhotosModule,
    MapJobsModule,
    NotificationsModule,
    EnforcementJobsModule,
    LandlordJobsModule,
  ],
  controllers: [WorkerHealthController],
  providers: [
    SystemQueueProcessor,
    DomainQueueProcessor,
    WorkerLifecycle,
    RetentionWiring,
    NotificationWiring,
  ],
})
export class WorkerModule {}
