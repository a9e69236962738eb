import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandlers } from '@hausakte/jobs';
import { RequestContext } from '@hausakte/platform';

/**
 * Thin processors (STYLE 10): look up the handler the owning lib registered, run it as the
 * system in a fresh context, and let errors rethrow so BullMQ retries with the job's backoff.
 */
abstract class QueueProcessor extends WorkerHost {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly context: RequestContext,
  ) {
    super();
  }

  async process(job: Job<Record<string, unknown>>): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler registered for job ${job.name}`);
    if (!job.id) throw new UnrecoverableError(`Job ${job.name} has no id`);
    const run = { jobId: job.id, payload: job.data ?? {}, attempt: job.attemptsMade + 1 };
    await this.context.run(null, () => handler(run));
  }
}

/**
 * A job whose worker died is taken up again within about 20 s (BullMQ's defaults: 30 s lock, 30 s
 * stall check, up to a minute): a killed worker must not hold the sweep, the e-mail sender or a
 * reminder for long. The lock is renewed every 7.5 s while a job runs; a job taken up twice after
 * a stall does its work once, as every handler is idempotent.
 */
const STALL_RECOVERY = { lockDuration: 15_000, stalledInterval: 5_000 };

/**
 * Three at once: the deadline sweep must not wait behind a long run of the e-mail sender or the
 * housekeeping. Each system job tolerates a second run of itself overlapping.
 */
@Processor('system', { concurrency: 3, ...STALL_RECOVERY })
export class SystemQueueProcessor extends QueueProcessor {
  constructor(handlers: JobHandlers, context: RequestContext) {
    super(handlers, context);
  }
}

/**
 * Eight at once: the deadline handlers wait on the database far more than they use the CPU
 * (`npm run bench -- lateness`); the pool has ten connections.
 */
@Processor('domain', { concurrency: 8, ...STALL_RECOVERY })
export class DomainQueueProcessor extends QueueProcessor {
  constructor(handlers: JobHandlers, context: RequestContext) {
    super(handlers, context);
  }
}
