import {
  CreateDateColumn,
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  Unique,
} from 'typeorm';

/**
 * A re-letting re-inspection (Kontrolle Wiedervermietungsverbot) of a closure: the first, planned
 * when the closure is vacated, and each next one, planned when the one before was done. A
 * completed check is followed by at most one next check (the unique key): the worker's handler
 * of `inspection-completed` plans it once however often it runs. A visit without access is
 * repeated by the inspections lib (`inspections.follows_inspection_id`); the repeat belongs to
 * the same closure through that link. Ids only.
 */
@Entity({ name: 'closure_rechecks' })
@Unique('closure_rechecks_follows_inspection_id_key', ['followsInspectionId'])
export class ClosureRecheck {
  @ForeignKey('inspections', { name: 'closure_rechecks_inspection_id_fkey' })
  @PrimaryColumn({
    name: 'inspection_id',
    type: 'uuid',
    primaryKeyConstraintName: 'closure_rechecks_pkey',
  })
  inspectionId!: string;

  @Index('closure_rechecks_closure_id_idx')
  @ForeignKey('closures', { name: 'closure_rechecks_closure_id_fkey' })
  @Column({ name: 'closure_id', type: 'uuid' })
  closureId!: string;

  /** The completed check this one follows; none for the first, planned on vacating. */
  @ForeignKey('inspections', { name: 'closure_rechecks_follows_inspection_id_fkey' })
  @Column({ name: 'follows_inspection_id', type: 'uuid', nullable: true })
  followsInspectionId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
