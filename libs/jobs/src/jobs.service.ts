import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { assertValidJobId, JobName, JOBS, QueueName } from './job-catalogue';

export interface EnqueueOptions {
  jobId: string;
  payload?: Record<string, unknown>;
  delayMs?: number;
}

export interface EnqueueRequest extends EnqueueOptions {
  job: JobName;
}

/**
 * The one producer (STYLE 9): it owns the job-name → queue map and applies the job options.
 * Domain code never injects a queue; it writes to the outbox, and the relay calls this.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);
  private readonly queues: Record<QueueName, Queue>;
  private lastErrorLoggedAt = 0;

  constructor(@InjectQueue('system') system: Queue, @InjectQueue('domain') domain: Queue) {
    this.queues = { system, domain };
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error) => this.logConnectionError(error));
    }
  }

  /** While Redis is away ioredis retries every few seconds; one line per half minute is enough. */
  private logConnectionError(error: Error): void {
    if (Date.now() - this.lastErrorLoggedAt < 30_000) return;
    this.lastErrorLoggedAt = Date.now();
    this.logger.warn(
      `Redis unavailable for the queues (${error.message}); jobs wait in the outbox`,
    );
  }

  queueOf(job: JobName): Queue {
    return this.queues[JOBS[job].queue];
  }

  /** Adds a job; a job with the same id already in the queue makes this a no-op. */
  async enqueue(job: JobName, options: EnqueueOptions): Promise<void> {
    assertValidJobId(options.jobId);
    await this.queueOf(job).add(job, options.payload ?? {}, jobOptions(job, options));
  }

  /**
   * Adds many jobs with one round trip per queue (`addBulk`: BullMQ pipelines the same script
   * `add` runs, job by job), so, as with `enqueue`, a job whose id is already in the queue is a
   * no-op. Not atomic: if Redis fails midway some jobs may be in; adding them again under the
   * same ids adds nothing. Every id is checked before anything is sent, and nothing is sent
   * while a queue's connection is down: ioredis would hold the whole batch in its offline queue
   * and replay it later, one more batch each time the relay retries.
   */
  async enqueueMany(requests: readonly EnqueueRequest[]): Promise<void> {
    for (const request of requests) assertValidJobId(request.jobId);
    const byQueue = new Map<Queue, Parameters<Queue['addBulk']>[0]>();
    for (const request of requests) {
      const queue = this.queueOf(request.job);
      const bulk = byQueue.get(queue) ?? [];
      bulk.push({
        name: request.job,
        data: request.payload ?? {},
        opts: jobOptions(request.job, request),
      });
      byQueue.set(queue, bulk);
    }
    for (const queue of byQueue.keys()) {
      const client = await queue.backend.client;
      if (client.status !== 'ready')
        throw new Error(`Redis is not ready for the ${queue.name} queue (${client.status})`);
    }
    await Promise.all([...byQueue].map(([queue, bulk]) => queue.addBulk(bulk)));
  }

  /** Creates or updates a recurring job (never @Cron: one schedule however many replicas run). */
  async schedule(
    job: JobName,
    every: { everyMs: number } | { pattern: string; tz: string },
  ): Promise<void> {
    const repeat =
      'everyMs' in every ? { every: every.everyMs } : { pattern: every.pattern, tz: every.tz };
    await this.queueOf(job).upsertJobScheduler(job, repeat, {
      name: job,
      data: {},
      opts: JOBS[job].options,
    });
  }
}

/** The catalogue's options for the job, with its deterministic id and its delay. */
function jobOptions(job: JobName, options: EnqueueOptions): JobsOptions {
  return {
    ...JOBS[job].options,
    jobId: options.jobId,
    delay: Math.max(0, options.delayMs ?? 0),
  };
}
