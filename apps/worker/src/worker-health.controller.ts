import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SystemJobs } from '@hausakte/jobs';
import { APP_CONFIG, AppConfig, HealthService, ServiceHealth } from '@hausakte/platform';

type WorkerReadiness = ServiceHealth & {
  status: 'ok' | 'degraded' | 'down';
  heartbeat: { lastAt: string | null; stale: boolean };
  outbox: { pending: number | null };
};

/** The worker is ready only with both PostgreSQL and Redis: it can do nothing without either. */
@Controller('health')
export class WorkerHealthController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly health: HealthService,
    private readonly system: SystemJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<WorkerReadiness> {
    const components = await this.health.check();
    const up = components.database.status === 'up' && components.redis.status === 'up';
    if (!up) void reply.status(503).header('retry-after', '5');
    const [lastAt, pending] =
      components.database.status === 'up'
        ? await Promise.all([this.system.lastHeartbeat(), this.system.pendingOutbox()])
        : [null, null];
    // No beat for three intervals: the queues are not being worked, whatever the connections say.
    const staleAfter = 3 * this.config.HEARTBEAT_EVERY_MS;
    const stale =
      lastAt === null
        ? Date.now() - this.startedAt > staleAfter
        : Date.now() - lastAt.getTime() > staleAfter;
    return {
      status: !up ? 'down' : stale ? 'degraded' : 'ok',
      ...components,
      heartbeat: { lastAt: lastAt?.toISOString() ?? null, stale },
      outbox: { pending },
    };
  }
}
