import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One run of the heartbeat job; keyed by the job id, so a retried run records nothing new. */
@Entity({ name: 'worker_heartbeats' })
@Index('worker_heartbeats_beat_at_idx', ['beatAt'])
export class Heartbeat {
  @PrimaryColumn({
    name: 'job_id',
    type: 'text',
    primaryKeyConstraintName: 'worker_heartbeats_pkey',
  })
  jobId!: string;

  @CreateDateColumn({ name: 'beat_at', type: 'timestamptz' })
  beatAt!: Date;
}
