import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@hausakte/auth';
import { HealthService, ServiceHealth } from '@hausakte/platform';

type Readiness = ServiceHealth & { status: 'ok' | 'degraded' | 'down' };

/**
 * The api is ready when PostgreSQL is. Redis is reported but only degrades it: commands are
 * written to the outbox and reach the queue when Redis is back.
 */
@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({ summary: 'The process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Database (with PostGIS) and Redis; 503 without the database' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const components = await this.health.check();
    const databaseUp = components.database.status === 'up';
    if (!databaseUp) void reply.status(503).header('retry-after', '5');
    const status = !databaseUp ? 'down' : components.redis.status === 'up' ? 'ok' : 'degraded';
    return { status, ...components };
  }
}
