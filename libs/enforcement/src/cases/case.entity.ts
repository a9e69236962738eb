import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The enforcement file of one property (Vorgang / Akte). At most one is open per property, and a
 * closed one is read-only until reopened with a reason.
 */
@Entity({ name: 'cases' })
@Check('cases_status_check', `status IN ('open', 'closed')`)
@Check(
  'cases_closed_check',
  `(status = 'open' AND closed_at IS NULL) OR (status = 'closed' AND closed_at IS NOT NULL AND close_reason IS NOT NULL)`,
)
@Index('cases_one_open_per_property_idx', ['propertyId'], {
  unique: true,
  where: `status = 'open'`,
})
export class EnforcementCase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'cases_pkey' })
  id!: string;

  /** Aktenzeichen, e.g. `WA-2026-00042`. */
  @Index('cases_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference!: string;

  @Index('cases_property_id_idx')
  @ForeignKey('properties', { name: 'cases_property_id_fkey' })
  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ type: 'text', default: 'open' })
  status!: CaseStatus;

  /** The officer in charge (Sachbearbeitung). */
  @Index('cases_officer_id_idx')
  @ForeignKey('users', { name: 'cases_officer_id_fkey' })
  @Column({ name: 'officer_id', type: 'uuid' })
  officerId!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: string | null;

  /** Why it was last reopened; null if never. */
  @Column({ name: 'reopen_reason', type: 'text', nullable: true })
  reopenReason!: string | null;

  @ForeignKey('users', { name: 'cases_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
