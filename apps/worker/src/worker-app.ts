import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { assertNoEviction } from '@hausakte/jobs';
import { loadConfig, ProblemFilter } from '@hausakte/platform';
import { WorkerModule } from './worker.module';

/** The worker: queue processors, the outbox relay, the job schedulers, and /health on WORKER_PORT. */
export async function createWorkerApp(): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env);
  await assertNoEviction(config.REDIS_URL);
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemFilter());
  return app;
}
