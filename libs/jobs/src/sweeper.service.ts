import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { JobsService } from './jobs.service';
import { SweepRules } from './sweep-rules';

/** Jobs per `addBulk` round trip, as the relay sends them. */
const ENQUEUE_BATCH = 500;

export interface SweepResult {
  queued: number;
  withdrawn: number;
}

/**
 * The `sweep` job: asks every registered rule which jobs should be queued and queues them under
 * their deterministic ids (a job still queued makes that a no-op), and takes withdrawn jobs out.
 * After a Redis flush this is how every deadline job comes back.
 */
@Injectable()
export class Sweeper implements OnModuleInit {
  private readonly logger = new Logger(Sweeper.name);

  constructor(
    private readonly rules: SweepRules,
    private readonly jobs: JobsService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register('sweep', async () => {
      await this.sweep();
    });
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    const result: SweepResult = { queued: 0, withdrawn: 0 };
    for (const [name, rule] of this.rules.entries()) {
      const due = await rule.due(now);
      for (let start = 0; start < due.length; start += ENQUEUE_BATCH) {
        await this.jobs.enqueueMany(
          due.slice(start, start + ENQUEUE_BATCH).map((job) => ({
            job: job.job,
            jobId: job.jobId,
            payload: job.payload,
            delayMs: job.runAt.getTime() - Date.now(),
          })),
        );
      }
      result.queued += due.length;
      if (rule.withdrawn) {
        const withdrawn = await rule.withdrawn();
        // A job running right now is locked and stays; its handler finds the row cancelled.
        for (const job of withdrawn.jobs) await this.jobs.queueOf(job.job).remove(job.jobId);
        await withdrawn.confirm();
        result.withdrawn += withdrawn.jobs.length;
      }
      if (due.length > 0) this.logger.debug({ rule: name, queued: due.length }, 'Swept');
    }
    return result;
  }
}
