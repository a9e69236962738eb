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
import type { LegalRemedyInstructions } from '../rules/periods';
import type { SuitOutcome } from './order-dates';
import type { OrderStatus } from './order-lifecycle';

export const ORDER_KINDS = ['repair', 'uninhabitability', 'occupancy', 'cooperation'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** The legal basis of each kind, as letters cite it. */
export const ORDER_KIND_BASIS: Readonly<Record<OrderKind, string>> = {
  repair: '§§ 4, 6 WohnStG',
  uninhabitability: '§ 9 WohnStG',
  occupancy: '§ 10 WohnStG',
  cooperation: '§ 16 WohnStG',
};

/**
 * An order (Anordnung / Ordnungsverfügung) with numbered items. It follows a hearing, or records
 * why the hearing was skipped (§ 28 Abs. 2 VwVfG NRW); the database holds it to one of them.
 */
@Entity({ name: 'orders' })
@Check('orders_kind_check', `kind IN ('repair', 'uninhabitability', 'occupancy', 'cooperation')`)
@Check(
  'orders_status_check',
  `status IN ('draft', 'issued', 'served', 'challenged', 'closed', 'withdrawn', 'annulled')`,
)
@Check('orders_hearing_check', `(hearing_id IS NULL) <> (hearing_skipped_reason IS NULL)`)
@Check(
  'orders_immediate_enforcement_check',
  `NOT immediately_enforceable OR immediate_enforcement_reasoning IS NOT NULL`,
)
@Check(
  'orders_legal_remedy_instructions_check',
  `legal_remedy_instructions IN ('correct', 'missing', 'wrong')`,
)
@Check(
  'orders_suit_outcome_check',
  `suit_outcome IS NULL OR suit_outcome IN ('dismissed', 'set_aside')`,
)
@Check(
  'orders_served_check',
  `status IN ('draft', 'issued') OR (status = 'withdrawn' AND notified_on IS NULL) OR (notified_on IS NOT NULL AND challenge_ends_on IS NOT NULL)`,
)
export class Order {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'orders_pkey' })
  id!: string;

  @Index('orders_case_id_idx')
  @ForeignKey('cases', { name: 'orders_case_id_fkey' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: OrderKind;

  @Column({ type: 'text', default: 'draft' })
  status!: OrderStatus;

  @Index('orders_hearing_id_idx')
  @ForeignKey('hearings', { name: 'orders_hearing_id_fkey' })
  @Column({ name: 'hearing_id', type: 'uuid', nullable: true })
  hearingId!: string | null;

  /** § 28 Abs. 2 VwVfG NRW: why there was no hearing (e.g. Gefahr im Verzug). */
  @Column({ name: 'hearing_skipped_reason', type: 'text', nullable: true })
  hearingSkippedReason!: string | null;

  /** § 80 Abs. 2 Satz 1 Nr. 4 VwGO: a suit does not suspend it. */
  @Column({ name: 'immediately_enforceable', type: 'boolean', default: false })
  immediatelyEnforceable!: boolean;

  /** The special reasoning § 80 Abs. 3 VwGO requires. */
  @Column({ name: 'immediate_enforcement_reasoning', type: 'text', nullable: true })
  immediateEnforcementReasoning!: string | null;

  @Column({ name: 'legal_remedy_instructions', type: 'text', default: 'correct' })
  legalRemedyInstructions!: LegalRemedyInstructions;

  /** Who it is addressed to, frozen when it was issued. */
  @Column({ type: 'jsonb', nullable: true })
  addressees!: Addressee[] | null;

  /** The letters it went out as, one per addressee in the order of `addressees`; never replaced. */
  @Column({ name: 'letter_ids', type: 'uuid', array: true, default: () => "'{}'" })
  letterIds!: string[];

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  delivery!: Delivery | null;

  @Column({ name: 'notified_on', type: 'date', nullable: true })
  notifiedOn!: string | null;

  /** The instant periods in hours run from. */
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  /** The id of the rule that decided `notified_on`, e.g. `notification.post.fourth_day`. */
  @Column({ name: 'notification_rule', type: 'text', nullable: true })
  notificationRule!: string | null;

  @Index('orders_challenge_ends_on_idx')
  @Column({ name: 'challenge_ends_on', type: 'date', nullable: true })
  challengeEndsOn!: string | null;

  @Column({ name: 'suit_filed_on', type: 'date', nullable: true })
  suitFiledOn!: string | null;

  /** Filed after the challenge period ended: on file, but it neither suspends nor undoes finality. */
  @Column({ name: 'suit_late', type: 'boolean', default: false })
  suitLate!: boolean;

  @Column({ name: 'suit_outcome', type: 'text', nullable: true })
  suitOutcome!: SuitOutcome | null;

  @Column({ name: 'suit_decided_on', type: 'date', nullable: true })
  suitDecidedOn!: string | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @ForeignKey('users', { name: 'orders_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
