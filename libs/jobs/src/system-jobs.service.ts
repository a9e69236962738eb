import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, IdempotencyRepository, Transactional } from '@hausakte/platform';
import { HeartbeatRepository } from './heartbeat.repository';
import { JobHandlers, JobRun } from './job-handlers';
import { OutboxRepository } from './outbox.repository';
import { RetentionTask, RetentionTasks } from './retention-tasks';

const DAY_MS = 24 * 3600_000;

/** The jobs of the backbone itself: the heartbeat and the housekeeping of its own tables. */
@Injectable()
export class SystemJobs implements OnModuleInit {
  private readonly logger = new Logger(SystemJobs.name);

  constructor(
    private readonly retention: RetentionTasks,
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

  /** Each purge is its own transaction: one failing does not undo the others' work. */
  async houseKeep(now = new Date()): Promise<void> {
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const purges: Array<[string, RetentionTask]> = [
      [
        'idempotency keys',
        () =>
          this.idempotencyKeys.deleteOlderThan(
            ago(this.config.IDEMPOTENCY_RETENTION_DAYS * DAY_MS),
          ),
      ],
      ['relayed outbox rows', () => this.outbox.deleteRelayedBefore(ago(30 * DAY_MS))],
      ...this.retention.entries(),
    ];
    for (const [name, purge] of purges) {
      const removed = await this.inTransaction(() => purge(now));
      this.logger.log({ task: name, removed }, 'Retention purge done');
    }
  }

  @Transactional()
  private inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  lastHeartbeat(): Promise<Date | null> {
    return this.heartbeats.latest();
  }

  pendingOutbox(): Promise<number> {
    return this.outbox.countPending();
  }
}
