import { Injectable } from '@nestjs/common';
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

  /** One statement for all entries of a command, in plain SQL (it runs with every command). */
  async insert(entries: Array<Omit<AuditEntry, 'id' | 'occurredAt'>>): Promise<void> {
    if (entries.length === 0) return;
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    await this.tx.query(
      `INSERT INTO audit_log (actor_id, correlation_id, action, entity_type, entity_id, before, after)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
                            $6::jsonb[], $7::jsonb[])`,
      [
        entries.map((entry) => entry.actorId),
        entries.map((entry) => entry.correlationId),
        entries.map((entry) => entry.action),
        entries.map((entry) => entry.entityType),
        entries.map((entry) => entry.entityId),
        entries.map((entry) => json(entry.before)),
        entries.map((entry) => json(entry.after)),
      ],
    );
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
