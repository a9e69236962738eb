import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { AuditQuery, AuditRepository } from './audit.repository';
import { AuditEntry } from './audit-entry.entity';

export interface AuditChange {
  /** What happened, as `<entity>.<verb>`: `user.created`, `user.role_changed`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes the audit trail. An entry is only ever written inside the command's transaction, so the
 * change and its record commit or roll back together; calling it outside one is a programming error.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repository: AuditRepository,
    private readonly context: RequestContext,
  ) {}

  record(change: AuditChange): Promise<void> {
    return this.recordMany([change]);
  }

  /** Several changes of one command, in one statement (a completed inspection has dozens). */
  async recordMany(changes: AuditChange[]): Promise<void> {
    if (!this.repository.isInTransaction()) {
      throw new Error(`Audit entries ${changes[0]?.action} written outside a transaction`);
    }
    await this.repository.insert(
      changes.map((change) => ({
        actorId: this.context.actorId,
        correlationId: this.context.correlationId,
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId,
        before: change.before ?? null,
        after: change.after ?? null,
      })),
    );
  }

  list(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    return this.repository.find(query);
  }
}
