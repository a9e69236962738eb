import { Injectable } from '@nestjs/common';
import type { JobName } from './job-catalogue';

/** What a handler gets: the job's id and its payload of ids. */
export interface JobRun {
  jobId: string;
  payload: Record<string, unknown>;
  attempt: number;
}

export type JobHandler = (run: JobRun) => Promise<void>;

/**
 * Domain libs register the handlers of their jobs here; the worker's processors look them up by
 * job name. An event job may have several handlers (risk and enforcement both follow
 * `defect-not-remedied`): they run one after the other, and a failure retries the job, so every
 * handler must be idempotent (a unique key in the database).
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler[]>();

  register(job: JobName, handler: JobHandler): void {
    this.handlers.set(job, [...(this.handlers.get(job) ?? []), handler]);
  }

  get(job: string): JobHandler | undefined {
    const handlers = this.handlers.get(job as JobName);
    if (!handlers) return undefined;
    if (handlers.length === 1) return handlers[0];
    return async (run) => {
      for (const handler of handlers) await handler(run);
    };
  }
}
