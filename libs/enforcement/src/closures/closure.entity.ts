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
import type { ClosureStatus } from './closure-lifecycle';

export const REPLACEMENT_HOUSING_PROVIDERS = ['landlord', 'city'] as const;
export type ReplacementHousingProvider = (typeof REPLACEMENT_HOUSING_PROVIDERS)[number];

/**
 * A closure (Schließung) of a building or some of its units, from a declaration of
 * uninhabitability (§ 9 WohnStG). Occupants are counted (households notified), never named here.
 * A move-out date waits for reasonable replacement housing unless there is immediate danger
 * (§ 9 Abs. 4); the database holds it to that, and each step of the lifecycle to its date.
 */
@Entity({ name: 'closures' })
@Check('closures_status_check', `status IN ('declared', 'vacated', 'sealed', 'released')`)
@Check(
  'closures_steps_check',
  `(status = 'declared' AND vacated_on IS NULL AND sealed_on IS NULL AND released_on IS NULL) OR ` +
    `(status = 'vacated' AND vacated_on IS NOT NULL AND sealed_on IS NULL AND released_on IS NULL) OR ` +
    `(status = 'sealed' AND vacated_on IS NOT NULL AND sealed_on IS NOT NULL AND released_on IS NULL) OR ` +
    `(status = 'released' AND vacated_on IS NOT NULL AND sealed_on IS NOT NULL AND released_on IS NOT NULL AND release_reason IS NOT NULL)`,
)
@Check(
  'closures_move_out_check',
  `move_out_by IS NULL OR immediate_danger OR replacement_housing_offered_on IS NOT NULL`,
)
@Check(
  'closures_replacement_housing_check',
  `(replacement_housing_offered_on IS NULL) = (replacement_housing_by IS NULL) AND (replacement_housing_by IS NULL OR replacement_housing_by IN ('landlord', 'city'))`,
)
@Check(
  'closures_occupants_notified_check',
  `(occupants_notified_on IS NULL) = (households_notified IS NULL) AND (households_notified IS NULL OR households_notified >= 0)`,
)
export class Closure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'closures_pkey' })
  id!: string;

  @Index('closures_case_id_idx')
  @ForeignKey('cases', { name: 'closures_case_id_fkey' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Index('closures_property_id_idx')
  @ForeignKey('properties', { name: 'closures_property_id_fkey' })
  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  /** The declaration of uninhabitability (an order of kind `uninhabitability`). */
  @Index('closures_order_id_idx')
  @ForeignKey('orders', { name: 'closures_order_id_fkey' })
  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Index('closures_status_idx')
  @Column({ type: 'text', default: 'declared' })
  status!: ClosureStatus;

  @Column({ name: 'declared_on', type: 'date' })
  declaredOn!: string;

  /** § 9 Abs. 4 WohnStG: immediate danger; the move-out date need not wait for replacement housing. */
  @Column({ name: 'immediate_danger', type: 'boolean', default: false })
  immediateDanger!: boolean;

  @Column({ name: 'move_out_by', type: 'date', nullable: true })
  moveOutBy!: string | null;

  /** § 9 Abs. 4/5 WohnStG: when reasonable replacement housing was offered, and by whom. */
  @Column({ name: 'replacement_housing_offered_on', type: 'date', nullable: true })
  replacementHousingOfferedOn!: string | null;

  @Column({ name: 'replacement_housing_by', type: 'text', nullable: true })
  replacementHousingBy!: ReplacementHousingProvider | null;

  @Column({ name: 'occupants_notified_on', type: 'date', nullable: true })
  occupantsNotifiedOn!: string | null;

  /** How many occupant households were notified: a count, never names. */
  @Column({ name: 'households_notified', type: 'integer', nullable: true })
  householdsNotified!: number | null;

  @Column({ name: 'vacated_on', type: 'date', nullable: true })
  vacatedOn!: string | null;

  @Column({ name: 'sealed_on', type: 'date', nullable: true })
  sealedOn!: string | null;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;

  @Column({ name: 'release_reason', type: 'text', nullable: true })
  releaseReason!: string | null;

  /** The re-letting re-inspection planned last (Kontrolle Wiedervermietungsverbot). */
  @ForeignKey('inspections', { name: 'closures_recheck_inspection_id_fkey' })
  @Column({ name: 'recheck_inspection_id', type: 'uuid', nullable: true })
  recheckInspectionId!: string | null;

  @ForeignKey('users', { name: 'closures_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
