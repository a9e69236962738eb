import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers, SweepRules, type SweptJob, type WithdrawnJobs } from '@hausakte/jobs';
import { APP_CONFIG, AppConfig, berlinDateOf } from '@hausakte/platform';
import { DeadlineFactsRepository } from './deadline-facts.repository';
import { DeadlineJobRunner } from './deadline-job-runner';
import { DeadlineJobRepository, type DeadlineJobRow } from './deadline-job.repository';
import { DeadlineScheduler } from './deadline-scheduler';

/** Rows read per page; a sweep reads every due row, up to SWEEP_LIMIT, oldest first. */
const SWEEP_BATCH = 5000;
const SWEEP_LIMIT = 100_000;

/**
 * Hands enforcement's jobs to the worker: the handlers of `deadline-due`, `deadline-digest`,
 * `deadline-resync` and (next to the risk's) `defect-not-remedied`, and the sweep rule that
 * re-derives from PostgreSQL which of them must be queued.
 */
@Injectable()
export class DeadlineJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly sweepRules: SweepRules,
    private readonly runner: DeadlineJobRunner,
    private readonly jobs: DeadlineJobRepository,
    private readonly facts: DeadlineFactsRepository,
    private readonly scheduler: DeadlineScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers.register('deadline-due', async (run) => {
      await this.runner.run(requiredString(run.payload, 'deadlineJobId', run.jobId));
    });
    this.handlers.register('deadline-digest', async (run) => {
      await this.runner.sendDigest(requiredString(run.payload, 'day', run.jobId));
    });
    this.handlers.register('deadline-resync', async () => {
      await this.runner.resyncAll();
    });
    this.handlers.register('defect-not-remedied', async (run) => {
      await this.runner.proposeNextStep(
        requiredString(run.payload, 'defectId', run.jobId),
        requiredString(run.payload, 'inspectionId', run.jobId),
      );
    });
    this.sweepRules.register('deadlines', {
      due: (now) => this.due(now),
      withdrawn: () => this.withdrawn(),
    });
  }

  /** Every pending deadline job due within the horizon, and today's digest until it is sent. */
  async due(now: Date): Promise<SweptJob[]> {
    const until = new Date(now.getTime() + this.config.DEADLINE_HORIZON_MS);
    const swept: SweptJob[] = [];
    // Page by keyset: rows still queued (or failing) at the head never hide the ones behind.
    for (let after: DeadlineJobRow | null = null; swept.length < SWEEP_LIMIT;) {
      const rows = await this.jobs.dueBy(until, SWEEP_BATCH, after);
      swept.push(
        ...rows.map((row) => ({
          job: 'deadline-due' as const,
          jobId: row.jobId,
          payload: { deadlineJobId: row.id },
          runAt: row.fireAt,
        })),
      );
      if (rows.length < SWEEP_BATCH) break;
      after = rows[rows.length - 1];
    }
    const today = berlinDateOf(this.scheduler.schedule.toCalendar(now));
    const digestAt = this.scheduler.schedule.digestAt(today);
    if (digestAt <= until && !(await this.facts.digestSent(today))) {
      swept.push({
        job: 'deadline-digest',
        jobId: `deadline-digest-${today}`,
        payload: { day: today },
        runAt: digestAt,
      });
    }
    return swept;
  }

  async withdrawn(): Promise<WithdrawnJobs> {
    const rows = await this.jobs.cancelledInQueue(SWEEP_BATCH);
    return {
      jobs: rows.map((row) => ({ job: 'deadline-due', jobId: row.jobId })),
      confirm: () => this.jobs.markDequeued(rows.map((row) => row.id)),
    };
  }
}

function requiredString(payload: Record<string, unknown>, key: string, jobId: string): string {
  const value = payload[key];
  if (typeof value !== 'string') throw new Error(`${jobId}: no ${key} in the payload`);
  return value;
}
