import { Injectable } from '@nestjs/common';
import { IsNull, LessThan } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { OutboxMessage } from './outbox-message.entity';

/** A pending row as the relay needs it. */
export type PendingMessage = Pick<OutboxMessage, 'id' | 'jobName' | 'jobId' | 'payload' | 'runAt'>;

@Injectable()
export class OutboxRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get messages() {
    return (this.txHost as Tx).tx.getRepository(OutboxMessage);
  }

  isInTransaction(): boolean {
    return this.txHost.isTransactionActive();
  }

  /** Plain SQL: it runs with every command that asks for a job. */
  async insert(
    message: Pick<OutboxMessage, 'jobName' | 'jobId' | 'payload' | 'runAt'>,
  ): Promise<void> {
    await (this.txHost as Tx).tx.query(
      `INSERT INTO outbox (job_name, job_id, payload, run_at) VALUES ($1, $2, $3, $4)`,
      [message.jobName, message.jobId, JSON.stringify(message.payload), message.runAt],
    );
  }

  /**
   * The oldest pending messages, locked for this transaction. SKIP LOCKED lets several relays run
   * side by side: each takes rows no other relay holds, so no row is relayed by two at once.
   * Plain SQL: the relay's hot path (docs/benchmarks.md, relay).
   */
  async claimPending(limit: number, jobNames: readonly string[]): Promise<PendingMessage[]> {
    const rows: Array<{
      id: string;
      job_name: string;
      job_id: string;
      payload: OutboxMessage['payload'];
      run_at: Date | null;
    }> = await (this.txHost as Tx).tx.query(
      `SELECT id, job_name, job_id, payload, run_at FROM outbox
        WHERE relayed_at IS NULL AND job_name = ANY($2::text[])
        ORDER BY id LIMIT $1
          FOR UPDATE SKIP LOCKED`,
      [limit, jobNames],
    );
    return rows.map((row) => ({
      id: row.id,
      jobName: row.job_name,
      jobId: row.job_id,
      payload: row.payload,
      runAt: row.run_at,
    }));
  }

  async markRelayed(ids: string[]): Promise<void> {
    if (ids.length)
      await (this.txHost as Tx).tx.query(
        `UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`,
        [ids],
      );
  }

  countPending(): Promise<number> {
    return this.messages.countBy({ relayedAt: IsNull() });
  }

  async deleteRelayedBefore(cutoff: Date): Promise<number> {
    const result = await this.messages.delete({ relayedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
