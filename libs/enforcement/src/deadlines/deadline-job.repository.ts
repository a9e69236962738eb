import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { OrderItemStatus, OrderStatus } from '../orders/order-lifecycle';
import type { HearingStatus } from '../hearings/hearing.entity';
import type {
  DeadlineSource,
  PlannedDeadlineJob,
  StoredDeadlineJob,
  DeadlineSourceType,
} from './deadline-plan';
import { deadlineJobId } from './deadline-plan';
import type { DeadlineJobStatus } from './deadline-job.entity';

/** Whose deadline jobs to derive: orders (with their items), single items, hearings. */
export interface DeadlineScope {
  orderIds?: readonly string[];
  itemIds?: readonly string[];
  hearingIds?: readonly string[];
}

export interface DeadlineJobRow {
  id: string;
  sourceType: DeadlineSourceType;
  sourceId: string;
  caseId: string;
  kind: string;
  dueOn: string;
  fireAt: Date;
  status: DeadlineJobStatus;
  jobId: string;
}

const ROW_COLUMNS = `id, source_type AS "sourceType", source_id AS "sourceId", case_id AS "caseId",
  kind, due_on::text AS "dueOn", fire_at AS "fireAt", status, job_id AS "jobId"`;

@Injectable()
export class DeadlineJobRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /** The items, orders and hearings in scope, with what their deadlines depend on. */
  async sources(scope: DeadlineScope): Promise<DeadlineSource[]> {
    const orderIds = [...(scope.orderIds ?? [])];
    const itemIds = [...(scope.itemIds ?? [])];
    const hearingIds = [...(scope.hearingIds ?? [])];
    const sources: DeadlineSource[] = [];
    if (orderIds.length > 0 || itemIds.length > 0) {
      const items: Array<{
        id: string;
        case_id: string;
        case_open: boolean;
        order_status: OrderStatus;
        immediately_enforceable: boolean;
        status: OrderItemStatus;
        due_on: string | null;
        due_at: Date | null;
      }> = await this.manager.query(
        `SELECT i.id, o.case_id, c.status = 'open' AS case_open, o.status AS order_status,
                o.immediately_enforceable, i.status, i.due_on::text AS due_on, i.due_at
           FROM order_items i JOIN orders o ON o.id = i.order_id JOIN cases c ON c.id = o.case_id
          WHERE i.order_id = ANY($1::uuid[]) OR i.id = ANY($2::uuid[])`,
        [orderIds, itemIds],
      );
      sources.push(
        ...items.map((item) => ({
          type: 'order_item' as const,
          id: item.id,
          caseId: item.case_id,
          caseOpen: item.case_open,
          orderStatus: item.order_status,
          immediatelyEnforceable: item.immediately_enforceable,
          status: item.status,
          dueOn: item.due_on,
          dueAt: item.due_at,
        })),
      );
    }
    if (orderIds.length > 0) {
      const orders: Array<{
        id: string;
        case_id: string;
        case_open: boolean;
        status: OrderStatus;
        challenge_ends_on: string | null;
        suit_filed_on: string | null;
        suit_late: boolean;
      }> = await this.manager.query(
        `SELECT o.id, o.case_id, c.status = 'open' AS case_open, o.status,
                o.challenge_ends_on::text AS challenge_ends_on,
                o.suit_filed_on::text AS suit_filed_on, o.suit_late
           FROM orders o JOIN cases c ON c.id = o.case_id WHERE o.id = ANY($1::uuid[])`,
        [orderIds],
      );
      sources.push(
        ...orders.map((order) => ({
          type: 'order' as const,
          id: order.id,
          caseId: order.case_id,
          caseOpen: order.case_open,
          status: order.status,
          challengeEndsOn: order.challenge_ends_on,
          suitFiledOn: order.suit_filed_on,
          suitLate: order.suit_late,
        })),
      );
    }
    if (hearingIds.length > 0) {
      const hearings: Array<{
        id: string;
        case_id: string;
        case_open: boolean;
        status: HearingStatus;
        reply_due_on: string | null;
      }> = await this.manager.query(
        `SELECT h.id, h.case_id, c.status = 'open' AS case_open, h.status,
                h.reply_due_on::text AS reply_due_on
           FROM hearings h JOIN cases c ON c.id = h.case_id WHERE h.id = ANY($1::uuid[])`,
        [hearingIds],
      );
      sources.push(
        ...hearings.map((hearing) => ({
          type: 'hearing' as const,
          id: hearing.id,
          caseId: hearing.case_id,
          caseOpen: hearing.case_open,
          status: hearing.status,
          replyDueOn: hearing.reply_due_on,
        })),
      );
    }
    return sources;
  }

  stored(sourceIds: readonly string[]): Promise<StoredDeadlineJob[]> {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return this.manager.query(
      `SELECT id, source_id AS "sourceId", kind, due_on::text AS "dueOn", status, fire_at AS "fireAt"
         FROM deadline_jobs WHERE source_id = ANY($1::uuid[])`,
      [[...sourceIds]],
    );
  }

  /** Inserts new jobs (a concurrent sync's identical row wins quietly); returns those inserted. */
  async insert(jobs: readonly PlannedDeadlineJob[]): Promise<DeadlineJobRow[]> {
    if (jobs.length === 0) return [];
    return this.manager.query(
      `INSERT INTO deadline_jobs (source_type, source_id, case_id, kind, due_on, fire_at, job_id)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::date[],
                            $6::timestamptz[], $7::text[])
       ON CONFLICT ON CONSTRAINT deadline_jobs_source_kind_due_key DO NOTHING
       RETURNING ${ROW_COLUMNS}`,
      [
        jobs.map((job) => job.sourceType),
        jobs.map((job) => job.sourceId),
        jobs.map((job) => job.caseId),
        jobs.map((job) => job.kind),
        jobs.map((job) => job.dueOn),
        jobs.map((job) => job.fireAt.toISOString()),
        jobs.map(deadlineJobId),
      ],
    );
  }

  /** Sets the time of pending or cancelled jobs and makes them pending again. */
  async reschedule(jobs: ReadonlyArray<{ id: string; fireAt: Date }>): Promise<DeadlineJobRow[]> {
    if (jobs.length === 0) return [];
    const rows: [DeadlineJobRow[], number] = await this.manager.query(
      `UPDATE deadline_jobs d
          SET status = 'pending', fire_at = v.fire_at, cancelled_at = NULL, dequeued_at = NULL
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, fire_at)
        WHERE d.id = v.id AND d.status <> 'done'
       RETURNING d.id, d.source_type AS "sourceType", d.source_id AS "sourceId",
                 d.case_id AS "caseId", d.kind, d.due_on::text AS "dueOn", d.fire_at AS "fireAt",
                 d.status, d.job_id AS "jobId"`,
      [jobs.map((job) => job.id), jobs.map((job) => job.fireAt.toISOString())],
    );
    return rows[0];
  }

  async cancel(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.manager.query(
      `UPDATE deadline_jobs SET status = 'cancelled', cancelled_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [[...ids]],
    );
  }

  async findById(id: string): Promise<DeadlineJobRow | null> {
    const rows: DeadlineJobRow[] = await this.manager.query(
      `SELECT ${ROW_COLUMNS} FROM deadline_jobs WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the job's case, then the job: commands lock the case first too, so a handler and a
   * command on the same case take turns instead of deadlocking.
   */
  async lockWithCase(id: string): Promise<DeadlineJobRow | null> {
    await this.manager.query(
      `SELECT c.id FROM cases c
        WHERE c.id = (SELECT case_id FROM deadline_jobs WHERE id = $1) FOR UPDATE`,
      [id],
    );
    const rows: DeadlineJobRow[] = await this.manager.query(
      `SELECT ${ROW_COLUMNS} FROM deadline_jobs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markDone(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE deadline_jobs SET status = 'done', done_at = now() WHERE id = $1`,
      [id],
    );
  }

  /**
   * A page of the pending jobs due by `until`, oldest first, after the row `after` (keyset): what
   * must be in the queue now.
   */
  dueBy(
    until: Date,
    limit: number,
    after: { fireAt: Date; id: string } | null = null,
  ): Promise<DeadlineJobRow[]> {
    return this.manager.query(
      `SELECT ${ROW_COLUMNS} FROM deadline_jobs
        WHERE status = 'pending' AND fire_at <= $1
          AND ($3::timestamptz IS NULL OR (fire_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY fire_at, id LIMIT $2`,
      [until.toISOString(), limit, after?.fireAt.toISOString() ?? null, after?.id ?? null],
    );
  }

  cancelledInQueue(limit: number): Promise<Array<{ id: string; jobId: string }>> {
    return this.manager.query(
      `SELECT id, job_id AS "jobId" FROM deadline_jobs
        WHERE status = 'cancelled' AND dequeued_at IS NULL ORDER BY cancelled_at LIMIT $1`,
      [limit],
    );
  }

  async markDequeued(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.manager.query(
      `UPDATE deadline_jobs SET dequeued_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'cancelled'`,
      [[...ids]],
    );
  }

  /**
   * A page of cases whose deadlines may need jobs (open cases with an order or a hearing, and
   * any case with a pending job), after `afterId`, locked in id order as a command locks each.
   */
  async lockCasesWithDeadlines(afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT c.id FROM cases c
        WHERE ($1::uuid IS NULL OR c.id > $1::uuid)
          AND ((c.status = 'open'
                AND (EXISTS (SELECT 1 FROM orders o WHERE o.case_id = c.id)
                     OR EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id)))
               OR EXISTS (SELECT 1 FROM deadline_jobs d
                           WHERE d.case_id = c.id AND d.status = 'pending'))
        ORDER BY c.id LIMIT $2 FOR UPDATE OF c`,
      [afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  async scopeOfCases(caseIds: readonly string[]): Promise<Required<DeadlineScope>> {
    const orders: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM orders WHERE case_id = ANY($1::uuid[])`,
      [[...caseIds]],
    );
    const hearings: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM hearings WHERE case_id = ANY($1::uuid[])`,
      [[...caseIds]],
    );
    return {
      orderIds: orders.map((row) => row.id),
      itemIds: [],
      hearingIds: hearings.map((row) => row.id),
    };
  }
}
