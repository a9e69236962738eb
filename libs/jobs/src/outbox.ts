import { Injectable } from '@nestjs/common';
import { assertValidJobId, JobName } from './job-catalogue';
import { OutboxRepository } from './outbox.repository';

export interface OutboxEntry {
  job: JobName;
  /** Deterministic id, e.g. `reminder-<itemId>-<kind>-<date>`. */
  jobId: string;
  /** Ids only, never personal data. */
  payload?: Record<string, string | number | boolean | null>;
  /** When the job should run; now if absent. */
  runAt?: Date;
}

/** The transactional outbox: the only way domain code asks for a job. */
@Injectable()
export class Outbox {
  constructor(private readonly repository: OutboxRepository) {}

  async add(entry: OutboxEntry): Promise<void> {
    if (!this.repository.isInTransaction()) {
      throw new Error(`Outbox entry ${entry.jobId} written outside a transaction`);
    }
    assertValidJobId(entry.jobId);
    await this.repository.insert({
      jobName: entry.job,
      jobId: entry.jobId,
      payload: entry.payload ?? {},
      runAt: entry.runAt ?? null,
    });
  }
}
