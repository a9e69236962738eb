import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';
import { Heartbeat } from './heartbeat.entity';
import { HeartbeatRepository } from './heartbeat.repository';
import { JobHandlers } from './job-handlers';
import { QUEUES } from './job-catalogue';
import { JobsService } from './jobs.service';
import { OutboxModule } from './outbox.module';
import { OutboxRelay } from './outbox-relay.service';
import { redisOptions } from './redis-connection';
import { RetentionTasks } from './retention-tasks';
import { SweepRules } from './sweep-rules';
import { Sweeper } from './sweeper.service';
import { SystemJobs } from './system-jobs.service';

/** The queue side: BullMQ connection and queues, the producer, the relay and the handler registry. */
@Module({
  imports: [
    OutboxModule,
    TypeOrmModule.forFeature([Heartbeat]),
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.REDIS_URL),
        prefix: config.BULLMQ_PREFIX,
      }),
    }),
    ...QUEUES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [
    JobsService,
    OutboxRelay,
    JobHandlers,
    HeartbeatRepository,
    SystemJobs,
    RetentionTasks,
    SweepRules,
    Sweeper,
  ],
  exports: [
    JobsService,
    OutboxRelay,
    JobHandlers,
    SystemJobs,
    RetentionTasks,
    SweepRules,
    Sweeper,
    OutboxModule,
    BullModule,
  ],
})
export class JobsModule {}
