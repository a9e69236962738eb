import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job to start, written in the same transaction as the change that calls for it. */
@Entity({ name: 'outbox' })
@Index('outbox_pending_idx', ['id'], { where: 'relayed_at IS NULL' })
@Check('outbox_job_id_check', `job_id !~ ':' AND job_id !~ '^[0-9]+$'`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'outbox_pkey',
  })
  id!: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName!: string;

  /** Deterministic, so that relaying twice or re-deriving the job cannot create a second one. */
  @Column({ name: 'job_id', type: 'text' })
  jobId!: string;

  /** Ids only: BullMQ keeps payloads in clear text. */
  @Column({ type: 'jsonb', default: {} })
  payload!: Record<string, string | number | boolean | null>;

  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;
}
