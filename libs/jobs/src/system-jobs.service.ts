import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, IdempotencyRepository, Transactional } from '@hausakte/platform';
import { HeartbeatRepository } from './heartbeat.repository';
import { JobHandlers, JobRun } from './job-handlers';
import { OutboxRepository } from './outbox.repository';

const DAY_MS = 24 * 3600_000;

/** The jobs of the backbone itself: the heartbeat and the housekeeping of its own tables. */
@Injectable()
export class SystemJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly heartbeats: HeartbeatRepository,
    private readonly outbox: OutboxRepository,
    private readonly idempotencyKeys: IdempotencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register('heartbeat', (run) => this.beat(run));
    this.handlers.register('housekeeping', () => this.houseKeep());
    this.handlers.register('outbox-probe', () => Promise.resolve());
  }

  @Transactional()
  async beat(run: JobRun): Promise<void> {
    await this.heartbeats.record(run.jobId);
    await this.heartbeats.deleteOlderThan(new Date(Date.now() - DAY_MS));
  }

  @Transactional()
  async houseKeep(): Promise<void> {
    const now = Date.now();
    await this.idempotencyKeys.deleteOlderThan(
      new Date(now - this.config.IDEMPOTENCY_RETENTION_DAYS * DAY_MS),
    );
    await this.outbox.deleteRelayedBefore(new Date(now - 30 * DAY_MS));
  }

  lastHeartbeat(): Promise<Date | null> {
    return this.heartbeats.latest();
  }

  pendingOutbox(): Promise<number> {
    return this.outbox.countPending();
  }
}
