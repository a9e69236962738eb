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
 * Three at once: the deadline sweep must not wait behind a long run of the e-mail sender or the
 * housekeeping. Each system job tolerates a second run of itself overlapping.
 */
@Processor('system', { concurrency: 3 })
export class SystemQueueProcessor extends QueueProcessor {
  constructor(handlers: JobHandlers, context: RequestContext) {
    super(handlers, context);
  }
}

@Processor('domain', { concurrency: 4 })
export class DomainQueueProcessor extends QueueProcessor {
  constructor(handlers: JobHandlers, context: RequestContext) {
    super(handlers, context);
  }
}
