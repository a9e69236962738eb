import type { JobsOptions } from 'bullmq';

export const QUEUES = ['system', 'domain'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobDefinition {
  queue: QueueName;
  options: JobsOptions;
}

const keepForAWhile = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Every job the system knows, with the queue it runs on and its options: the one table of
 * attempts and backoff (STYLE 9). Domain libs add their jobs here as they arrive.
 */
export const JOBS = {
  /** Proves the scheduler, the queue and the worker run: a row in worker_heartbeats. */
  heartbeat: {
    queue: 'system',
    options: { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, ...keepForAWhile },
  },
  /** Removes what has outlived its retention: expired sessions, old idempotency keys, relayed outbox rows. */
  housekeeping: {
    queue: 'system',
    options: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 }, ...keepForAWhile },
  },
  /** A test-only job used to prove the outbox relay end to end. */
  'outbox-probe': {
    queue: 'domain',
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...keepForAWhile },
  },
  /** An inspection was recorded (done or no access). Payload: { inspectionId, propertyId }. */
  'inspection-completed': {
    queue: 'domain',
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...keepForAWhile },
  },
  /** A re-inspection found a defect not remedied. Payload: { defectId, inspectionId, propertyId }. */
  'defect-not-remedied': {
    queue: 'domain',
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...keepForAWhile },
  },
  /** Something about a property changed: the map lib recomputes its risk score and map row. Payload: { propertyId }. */
  'property-changed': {
    queue: 'domain',
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...keepForAWhile },
  },
  /**
   * Sends due notification e-mails (a sweeper every MAIL_POLL_MS). Not retried: the next run
   * comes soon, and each e-mail keeps its own attempts and backoff in the database.
   */
  'notification-mail': {
    queue: 'system',
    options: {
      attempts: 1,
      removeOnComplete: { count: 100 },
      removeOnFail: { age: 24 * 3600, count: 1000 },
    },
  },
  /**
   * Re-derives the jobs that should be queued (every SWEEP_EVERY_MS): due ones a Redis flush or
   * outage lost are queued again, cancelled ones taken out. Not retried: the next run comes soon.
   */
  sweep: {
    queue: 'system',
    options: {
      attempts: 1,
      removeOnComplete: { count: 100 },
      removeOnFail: { age: 24 * 3600, count: 1000 },
    },
  },
  /**
   * A deadline job is due (a reminder, a deadline passed, an order final). Payload:
   * { deadlineJobId }. Removed once finished, so that the sweeper can queue a lost or failed one
   * again under the same id; its row in the database says whether it has acted.
   */
  'deadline-due': {
    queue: 'domain',
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  },
  /** The officers' digest of the week's deadlines. Payload: { day }. Queued by the sweeper. */
  'deadline-digest': {
    queue: 'domain',
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  },
  /** Derives every deadline's jobs from the data again: nightly, and when a worker starts. */
  'deadline-resync': {
    queue: 'domain',
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 10_000 },
      // Gone when finished or failed: the next start's resync (same id) must not be a no-op.
      removeOnComplete: true,
      removeOnFail: true,
    },
  },
  /** Derives every landlord network link and membership again: nightly, as a safety net. */
  'landlord-networks-rebuild': {
    queue: 'domain',
    options: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, ...keepForAWhile },
  },
  /** Recomputes every property's risk score, then rebuilds the map's read model: nightly as a safety net, and after new weights. */
  'risk-recompute-all': {
    queue: 'domain',
    options: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, ...keepForAWhile },
  },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

/** BullMQ rejects custom ids containing ':' and integer-looking ids (ARCHITECTURE.md, Jobs). */
export function assertValidJobId(jobId: string): void {
  if (jobId.length === 0 || jobId.includes(':') || /^\d+$/.test(jobId)) {
    throw new Error(
      `Invalid job id "${jobId}": it must be non-empty, without ':' and not a number`,
    );
  }
}
