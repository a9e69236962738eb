import { Injectable } from '@nestjs/common';
import type { JobName } from './job-catalogue';

/** A job that should be in the queue: queued again under its id if Redis lost it. */
export interface SweptJob {
  job: JobName;
  jobId: string;
  payload: Record<string, string | number | boolean | null>;
  runAt: Date;
}

export interface WithdrawnJobs {
  jobs: Array<{ job: JobName; jobId: string }>;
  /** Called once the jobs are out of the queue: the rule marks them so. */
  confirm(): Promise<void>;
}

/**
 * A lib's part of the sweep (ARCHITECTURE.md, Jobs: the sweeper re-derives every job that should
 * exist from the database). `due` lists the jobs that must be queued by now; `withdrawn` the jobs
 * whose work was cancelled and that should leave the queue (their handlers would do nothing).
 */
export interface SweepRule {
  due(now: Date): Promise<SweptJob[]>;
  withdrawn?(): Promise<WithdrawnJobs>;
}

/** The rules the `sweep` job runs, registered by the libs that own the jobs. */
@Injectable()
export class SweepRules {
  private readonly rules = new Map<string, SweepRule>();

  register(name: string, rule: SweepRule): void {
    if (this.rules.has(name)) throw new Error(`Sweep rule ${name} is already registered`);
    this.rules.set(name, rule);
  }

  entries(): Array<[string, SweepRule]> {
    return [...this.rules.entries()];
  }
}
