import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { DeadlineSourceType } from './deadline-plan';

export const DEADLINE_JOB_STATUSES = ['pending', 'done', 'cancelled'] as const;
export type DeadlineJobStatus = (typeof DEADLINE_JOB_STATUSES)[number];

/**
 * One job a deadline asks for (a reminder, "passed", "final"), derived from the item, hearing or
 * order in the transaction that set or changed the deadline. The row is the truth; the BullMQ job
 * (id `job_id`) only wakes the worker at `fire_at`. Its handler marks the row done in the same
 * transaction as its notification, so it acts once however often it runs; the sweeper enqueues
 * again any pending row whose job Redis lost. Ids and dates only: no personal data.
 */
@Entity({ name: 'deadline_jobs' })
@Unique('deadline_jobs_source_kind_due_key', ['sourceId', 'kind', 'dueOn'])
@Check('deadline_jobs_status_check', `status IN ('pending', 'done', 'cancelled')`)
@Check('deadline_jobs_source_type_check', `source_type IN ('order_item', 'hearing', 'order')`)
@Index('deadline_jobs_pending_fire_at_idx', ['fireAt'], { where: `status = 'pending'` })
@Index('deadline_jobs_cancelled_idx', ['cancelledAt'], {
  where: `status = 'cancelled' AND dequeued_at IS NULL`,
})
export class DeadlineJob {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'deadline_jobs_pkey' })
  id!: string;

  @Column({ name: 'source_type', type: 'text' })
  sourceType!: DeadlineSourceType;

  /** The order item, hearing or order whose deadline this is. */
  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @Index('deadline_jobs_case_id_idx')
  @ForeignKey('cases', { name: 'deadline_jobs_case_id_fkey' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** `remind-7`, `remind-1`, `remind-0`, `passed`, `final`. */
  @Column({ type: 'text' })
  kind!: string;

  /** The deadline's day (the last day to act, or the last day to sue for `final`). */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt!: Date;

  @Column({ type: 'text', default: 'pending' })
  status!: DeadlineJobStatus;

  @Column({ name: 'job_id', type: 'text' })
  jobId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** When the cancelled job was taken out of the queue (the sweeper does it, in batches). */
  @Column({ name: 'dequeued_at', type: 'timestamptz', nullable: true })
  dequeuedAt!: Date | null;
}

/** The daily digests sent: one row per Berlin day, written with the digest's notifications. */
@Entity({ name: 'deadline_digests' })
export class DeadlineDigest {
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'deadline_digests_pkey' })
  day!: string;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt!: Date;
}
