import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { JobsService, OutboxRelay } from '@hausakte/jobs';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

/** How often the schedulers are written again: a flushed or restarted Redis gets them back. */
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
    this.rescheduler = setInterval(() => {
      this.renewSchedules().catch((error: unknown) =>
        this.logger.warn({ err: (error as Error).message }, 'Could not renew the job schedulers'),
      );
    }, RESCHEDULE_EVERY_MS);
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
    await this.jobs.schedule('notification-mail', { everyMs: this.config.MAIL_POLL_MS });
  }
}
