import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TransactionHost, Tx } from '../database/transaction';
import { AuditEntry } from './audit-entry.entity';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get tx(): Tx['tx'] {
    return (this.txHost as Tx).tx;
  }

  isInTransaction(): boolean {
    return this.txHost.isTransactionActive();
  }

  async insert(entry: Omit<AuditEntry, 'id' | 'occurredAt'>): Promise<void> {
    // TypeORM's deep-partial type cannot describe free-form jsonb members.
    await this.tx.getRepository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  async find(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const [items, total] = await this.tx.getRepository(AuditEntry).findAndCount({
      where: {
        ...(query.entityType !== undefined && { entityType: query.entityType }),
        ...(query.entityId !== undefined && { entityId: query.entityId }),
        ...(query.actorId !== undefined && { actorId: query.actorId }),
      },
      order: { id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }
}
