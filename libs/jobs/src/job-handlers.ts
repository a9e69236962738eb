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
 * Domain libs register the handler of each of their jobs here; the worker's processors look
 * them up by job name. Handlers must be idempotent (a unique key in the database).
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler>();

  register(job: JobName, handler: JobHandler): void {
    if (this.handlers.has(job)) throw new Error(`A handler for ${job} is already registered`);
    this.handlers.set(job, handler);
  }

  get(job: string): JobHandler | undefined {
    return this.handlers.get(job as JobName);
  }
}
