import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { InspectionInspector } from './inspection-inspector.entity';

export const INSPECTION_KINDS = ['initial', 'complaint', 'reinspection', 'joint'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_STATUSES = ['planned', 'done', 'no_access', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** A planned or done visit (Begehung / Ortstermin / Nachkontrolle). */
@Entity({ name: 'inspections' })
@Check('inspections_kind_check', `kind IN ('initial', 'complaint', 'reinspection', 'joint')`)
@Check('inspections_status_check', `status IN ('planned', 'done', 'no_access', 'cancelled')`)
@Check(
  'inspections_outcome_check',
  `(status = 'planned' AND completed_at IS NULL) OR (status <> 'planned' AND completed_at IS NOT NULL)`,
)
@Index('inspections_property_id_scheduled_at_idx', ['propertyId', 'scheduledAt'])
@Index('inspections_status_scheduled_at_idx', ['status', 'scheduledAt'])
export class Inspection {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'inspections_pkey' })
  id!: string;

  @ForeignKey('properties', { name: 'inspections_property_id_fkey' })
  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ type: 'text' })
  kind!: InspectionKind;

  @Column({ type: 'text', default: 'planned' })
  status!: InspectionStatus;

  @Index('inspections_scheduled_at_idx')
  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Joint inspections: who else attends (police, fire brigade, Ordnungsamt, …). */
  @Column({ name: 'joint_partners', type: 'text', array: true, default: () => "'{}'" })
  jointPartners!: string[];

  @ForeignKey('complaints', { name: 'inspections_complaint_id_fkey' })
  @Index('inspections_complaint_id_idx')
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId!: string | null;

  /** The visit this one repeats after no access. */
  @Index('inspections_follows_inspection_id_idx')
  @ForeignKey('inspections', { name: 'inspections_follows_inspection_id_fkey' })
  @Column({ name: 'follows_inspection_id', type: 'uuid', nullable: true })
  followsInspectionId!: string | null;

  @ForeignKey('users', { name: 'inspections_planned_by_fkey' })
  @Column({ name: 'planned_by', type: 'uuid' })
  plannedBy!: string;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @ForeignKey('users', { name: 'inspections_completed_by_fkey' })
  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy!: string | null;

  /** Why there was no access, or why the visit was cancelled. */
  @Column({ name: 'outcome_reason', type: 'text', nullable: true })
  outcomeReason!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** SHA-256 of the completion command: a retry sends the same, another command does not. */
  @Column({ name: 'completion_hash', type: 'text', nullable: true })
  completionHash!: string | null;

  @OneToMany(() => InspectionInspector, (assignment) => assignment.inspection)
  inspectors?: InspectionInspector[];

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
