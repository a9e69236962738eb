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
import type { Addressee } from '../cases/addressee';
import type { Delivery } from '../rules/notification';

export const HEARING_STATUSES = ['draft', 'sent', 'closed'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** A hearing before an order (Anhörung, § 28 VwVfG NRW): the defects it names and a reply period. */
@Entity({ name: 'hearings' })
@Check('hearings_status_check', `status IN ('draft', 'sent', 'closed')`)
@Check('hearings_reply_days_check', `reply_days BETWEEN 1 AND 365`)
@Check(
  'hearings_sent_check',
  `status = 'draft' OR (addressees IS NOT NULL AND delivery IS NOT NULL AND notified_on IS NOT NULL AND reply_due_on IS NOT NULL)`,
)
export class Hearing {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'hearings_pkey' })
  id!: string;

  @Index('hearings_case_id_idx')
  @ForeignKey('cases', { name: 'hearings_case_id_fkey' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: HearingStatus;

  @Column({ name: 'reply_days', type: 'integer' })
  replyDays!: number;

  /** Who it went to, frozen when it was sent (names and postal addresses of that day). */
  @Column({ type: 'jsonb', nullable: true })
  addressees!: Addressee[] | null;

  @Column({ type: 'jsonb', nullable: true })
  delivery!: Delivery | null;

  @Column({ name: 'notified_on', type: 'date', nullable: true })
  notifiedOn!: string | null;

  @Column({ name: 'reply_due_on', type: 'date', nullable: true })
  replyDueOn!: string | null;

  /** The letters it went out as, one per addressee in the order of `addressees`; never replaced. */
  @Column({ name: 'letter_ids', type: 'uuid', array: true, default: () => "'{}'" })
  letterIds!: string[];

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** What the landlord replied, or why it was closed. */
  @Column({ name: 'close_note', type: 'text', nullable: true })
  closeNote!: string | null;

  @ForeignKey('users', { name: 'hearings_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
