import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { JobsService, OutboxRelay } from '@hausakte/jobs';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';

/** Starts the relay and the recurring jobs; on SIGTERM stops the relay after its current batch. */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('heartbeat', { everyMs: this.config.HEARTBEAT_EVERY_MS });
    await this.jobs.schedule('housekeeping', { pattern: '30 3 * * *', tz: 'Europe/Berlin' });
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
