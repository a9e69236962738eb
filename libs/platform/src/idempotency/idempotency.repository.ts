import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TransactionHost, Tx } from '../database/transaction';
import { IdempotencyKey } from './idempotency-key.entity';

export type IdempotencyScope = Pick<IdempotencyKey, 'userId' | 'route' | 'key'>;

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get tx(): Tx['tx'] {
    return (this.txHost as Tx).tx;
  }

  /**
   * Takes a transaction-scoped advisory lock on the key without waiting: false means another
   * request with the same key is running right now.
   */
  async tryLock(scope: IdempotencyScope): Promise<boolean> {
    const rows: Array<{ locked: boolean }> = await this.tx.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [`idempotency|${scope.userId}|${scope.route}|${scope.key}`],
    );
    return rows[0].locked;
  }

  find(scope: IdempotencyScope): Promise<IdempotencyKey | null> {
    return this.tx.getRepository(IdempotencyKey).findOneBy(scope);
  }

  async insert(record: Omit<IdempotencyKey, 'createdAt'>): Promise<void> {
    // TypeORM's deep-partial type cannot describe a free-form jsonb member.
    await this.tx
      .getRepository(IdempotencyKey)
      .insert(record as QueryDeepPartialEntity<IdempotencyKey>);
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.tx
      .getRepository(IdempotencyKey)
      .delete({ createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
