import { Inject, Injectable } from '@nestjs/common';
import { Outbox, type OutboxEntry } from '@hausakte/jobs';
import { APP_CONFIG, AppConfig } from '@hausakte/platform';
import { deadlineJobChanges, plannedDeadlineJobs } from './deadline-plan';
import {
  DeadlineJobRepository,
  type DeadlineJobRow,
  type DeadlineScope,
} from './deadline-job.repository';
import { DeadlineSchedule } from './deadline-schedule';

export function deadlineScheduleOf(config: AppConfig): DeadlineSchedule {
  return new DeadlineSchedule({
    remindDaysBefore: config.REMINDER_DAYS_BEFORE,
    reminderTime: config.REMINDER_TIME,
    digestTime: config.DIGEST_TIME,
    compression:
      config.DEADLINE_SECONDS_PER_DAY !== undefined && config.DEADLINE_CLOCK_ORIGIN !== undefined
        ? {
            origin: new Date(config.DEADLINE_CLOCK_ORIGIN),
            secondsPerDay: config.DEADLINE_SECONDS_PER_DAY,
          }
        : null,
  });
}

/**
 * Keeps the deadline jobs in step with the deadlines. Every command that sets, moves or ends a
 * deadline calls `sync` in its own transaction, so the jobs change exactly when the data does:
 * a moved deadline cancels its old reminders and creates new ones, a complied item or a
 * withdrawn or suspended order cancels them. Jobs due within the horizon are also written to the
 * outbox, to be queued at once; later ones the sweeper queues when their time comes near.
 */
@Injectable()
export class DeadlineScheduler {
  readonly schedule: DeadlineSchedule;

  constructor(
    private readonly jobs: DeadlineJobRepository,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.schedule = deadlineScheduleOf(config);
  }

  /**
   * Derives the jobs of the orders (and their items), items and hearings in scope; returns the
   * ids of the jobs it cancelled or moved.
   */
  async sync(
    scope: DeadlineScope,
    now = new Date(),
  ): Promise<{ cancelled: string[]; retimed: string[] }> {
    const sources = await this.jobs.sources(scope);
    if (sources.length === 0) return { cancelled: [], retimed: [] };
    const planned = sources.flatMap((source) => plannedDeadlineJobs(source, this.schedule));
    const stored = await this.jobs.stored(sources.map((source) => source.id));
    const changes = deadlineJobChanges(planned, stored, now);
    await this.jobs.cancel(changes.cancel);
    const inserted = await this.jobs.insert(changes.insert);
    const rescheduled = await this.jobs.reschedule([...changes.reactivate, ...changes.retime]);
    await this.queueSoon([...inserted, ...rescheduled], now);
    return { cancelled: changes.cancel, retimed: changes.retime.map((job) => job.id) };
  }

  /** Derives the jobs of every order and hearing of a case (closed or reopened). */
  async syncCase(caseId: string, now = new Date()): Promise<void> {
    await this.sync(await this.jobs.scopeOfCases([caseId]), now);
  }

  private async queueSoon(rows: DeadlineJobRow[], now: Date): Promise<void> {
    const horizon = now.getTime() + this.config.DEADLINE_HORIZON_MS;
    const entries: OutboxEntry[] = rows
      .filter((row) => row.fireAt.getTime() <= horizon)
      .map((row) => ({
        job: 'deadline-due',
        jobId: row.jobId,
        payload: { deadlineJobId: row.id },
        runAt: row.fireAt,
      }));
    for (const entry of entries) await this.outbox.add(entry);
  }
}
