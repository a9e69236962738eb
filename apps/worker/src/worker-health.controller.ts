import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SystemJobs } from '@hausakte/jobs';
import { HealthService, ServiceHealth } from '@hausakte/platform';

type WorkerReadiness = ServiceHealth & {
  status: 'ok' | 'down';
  heartbeat: { lastAt: string | null };
  outbox: { pending: number | null };
};

/** The worker is ready only with both PostgreSQL and Redis: it can do nothing without either. */
@Controller('health')
export class WorkerHealthController {
  constructor(
    private readonly health: HealthService,
    private readonly system: SystemJobs,
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
    return {
      status: up ? 'ok' : 'down',
      ...components,
      heartbeat: { lastAt: lastAt?.toISOString() ?? null },
      outbox: { pending },
    };
  }
}
