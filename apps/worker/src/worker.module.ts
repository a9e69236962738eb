import { Module } from '@nestjs/common';
import { JobsModule } from '@hausakte/jobs';
import { PlatformModule } from '@hausakte/platform';
import { DomainQueueProcessor, SystemQueueProcessor } from './queue-processors';
import { WorkerHealthController } from './worker-health.controller';
import { WorkerLifecycle } from './worker-lifecycle';

@Module({
  imports: [PlatformModule, JobsModule],
  controllers: [WorkerHealthController],
  providers: [SystemQueueProcessor, DomainQueueProcessor, WorkerLifecycle],
})
export class WorkerModule {}
