import { Module } from '@nestjs/common';
import { AuthModule } from '@hausakte/auth';
import { JobsModule } from '@hausakte/jobs';
import { PhotosModule } from '@hausakte/inspections';
import { MapJobsModule } from '@hausakte/map';
import { PlatformModule } from '@hausakte/platform';
import { DomainQueueProcessor, SystemQueueProcessor } from './queue-processors';
import { RetentionWiring } from './retention-wiring';
import { WorkerHealthController } from './worker-health.controller';
import { WorkerLifecycle } from './worker-lifecycle';

@Module({
  imports: [PlatformModule, JobsModule, AuthModule, PhotosModule, MapJobsModule],
  controllers: [WorkerHealthController],
  providers: [SystemQueueProcessor, DomainQueueProcessor, WorkerLifecycle, RetentionWiring],
})
export class WorkerModule {}
