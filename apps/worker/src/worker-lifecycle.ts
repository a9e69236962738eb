import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { JobsService, OutboxRelay } from '@hausakte/jobs';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

/** How often the schedulers are written again at most: a flushed Redis gets them back. */
const RESCHEDULE_EVERY_MS = 60_000;

/** Starts the relay and the recurring jobs; on SIGTERM stops the relay after its current batch. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private rescheduler: NodeJS.Timeout | undefined;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.renewSchedules();
    // upsertJobScheduler is idempotent: writing the schedules again is cheap and restores them.
    // As often as the sweep runs (at most once a minute): after a flush the sweep comes back first.
    this.rescheduler = setInterval(
      () => {
        this.renewSchedules().catch((error: unknown) =>
          this.logger.warn({ err: (error as Error).message }, 'Could not renew the job schedulers'),
        );
      },
      Math.min(RESCHEDULE_EVERY_MS, Math.max(1000, this.config.SWEEP_EVERY_MS)),
    );
    // Deadlines on file before this release (or changed reminder settings) get their jobs now.
    await this.jobs
      .enqueue('deadline-resync', { jobId: 'deadline-resync-start' })
      .catch((error: unknown) =>
        this.logger.warn({ err: (error as Error).message }, 'Could not queue the deadline resync'),
      );
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.rescheduler);
    await this.relay.stop();
  }

  /** Writes the job schedulers (again); idempotent. */
  async renewSchedules(): Promise<void> {
    await this.jobs.schedule('heartbeat', { everyMs: this.config.HEARTBEAT_EVERY_MS });
    await this.jobs.schedule('housekeeping', { pattern: '30 3 * * *', tz: 'Europe/Berlin' });
    await this.jobs.schedule('risk-recompute-all', { pattern: '0 4 * * *', tz: 'Europe/Berlin' });
    await this.jobs.schedule('landlord-networks-rebuild', {
      pattern: '15 4 * * *',
      tz: 'Europe/Berlin',
    });
    await this.jobs.schedule('notification-mail', { everyMs: this.config.MAIL_POLL_MS });
    await this.jobs.schedule('sweep', { everyMs: this.config.SWEEP_EVERY_MS });
    await this.jobs.schedule('deadline-resync', { pattern: '45 3 * * *', tz: 'Europe/Berlin' });
  }
}
