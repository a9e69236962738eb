import { Injectable } from '@nestjs/common';
import { In, IsNull, LessThan } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { OutboxMessage } from './outbox-message.entity';

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
   */
  claimPending(limit: number, jobNames: readonly string[]): Promise<OutboxMessage[]> {
    return this.messages.find({
      where: { relayedAt: IsNull(), jobName: In([...jobNames]) },
      order: { id: 'ASC' },
      take: limit,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
  }

  async markRelayed(ids: string[]): Promise<void> {
    if (ids.length) await this.messages.update({ id: In(ids) }, { relayedAt: () => 'now()' });
  }

  countPending(): Promise<number> {
    return this.messages.countBy({ relayedAt: IsNull() });
  }

  async deleteRelayedBefore(cutoff: Date): Promise<number> {
    const result = await this.messages.delete({ relayedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
