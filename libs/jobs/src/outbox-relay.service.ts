import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Transactional } from '@hausakte/platform';
import { JobName, JOBS } from './job-catalogue';
import { JobsService } from './jobs.service';
import { OutboxRepository } from './outbox.repository';

/** Rows per batch (one transaction, one `addBulk` per queue): see docs/benchmarks.md, relay. */
export const RELAY_BATCH = 500;
const JOB_NAMES = Object.keys(JOBS);
/** How long a batch may wait for Redis before it rolls back. */
const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * Moves outbox rows to BullMQ. Each batch is one transaction: rows are claimed with
 * FOR UPDATE SKIP LOCKED, enqueued under their deterministic ids with one `addBulk` per queue,
 * and marked relayed. If Redis fails or does not answer in time, the transaction rolls back and
 * the rows wait for the next pass; a row that reached Redis before the failure is enqueued again
 * under the same id, which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Set by stop(): a drain in progress ends after its current batch. */
  private stopping = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Relays one batch; returns how many rows it moved. Only jobs this worker knows are claimed:
   * rows written by a newer release wait for a worker that knows them, and never block the rest.
   */
  @Transactional()
  async relayBatch(limit = RELAY_BATCH): Promise<number> {
    const messages = await this.outbox.claimPending(limit, JOB_NAMES);
    if (messages.length === 0) return 0;
    const now = Date.now();
    await withTimeout(
      this.jobs.enqueueMany(
        messages.map((message) => ({
          job: message.jobName as JobName,
          jobId: message.jobId,
          payload: message.payload,
          delayMs: message.runAt ? message.runAt.getTime() - now : 0,
        })),
      ),
      ENQUEUE_TIMEOUT_MS,
    );
    await this.outbox.markRelayed(messages.map((m) => m.id));
    return messages.length;
  }

  /** Relays until the outbox holds nothing this worker can relay, or the relay is stopped. */
  async drain(limit = RELAY_BATCH): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await this.relayBatch(limit);
      total += moved;
      if (moved < limit || this.stopping) return total;
    }
  }

  start(): void {
    this.stopped = false;
    this.stopping = false;
    this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Outbox relay pass failed; retrying');
      })
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.config.OUTBOX_POLL_MS);
      });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
