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

  async record(change: AuditChange): Promise<void> {
    if (!this.repository.isInTransaction()) {
      throw new Error(`Audit entry ${change.action} written outside a transaction`);
    }
    await this.repository.insert({
      actorId: this.context.actorId,
      correlationId: this.context.correlationId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ?? null,
      after: change.after ?? null,
    });
  }

  list(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    return this.repository.find(query);
  }
}
