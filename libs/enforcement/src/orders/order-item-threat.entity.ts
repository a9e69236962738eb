import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { EscalationMeasure } from './order-item.entity';

export const THREAT_ORIGINS = ['order', 'separate'] as const;
export type ThreatOrigin = (typeof THREAT_ORIGINS)[number];

/**
 * A threat (Androhung, § 63 VwVG NRW) of a coercive fine or of substitute performance for an
 * item: the order's own fine threat (`order`, served with the order), or a later separate one with
 * a new period. It must be served formally before it is used, and it is used by one fixing.
 */
@Entity({ name: 'order_item_threats' })
@Check('order_item_threats_measure_check', `measure IN ('coercive_fine', 'substitute_performance')`)
@Check(
  'order_item_threats_amount_check',
  `((measure = 'coercive_fine') = (amount_cents IS NOT NULL)) AND ((measure = 'substitute_performance') = (cost_estimate_cents IS NOT NULL)) AND (amount_cents IS NULL OR amount_cents > 0) AND (cost_estimate_cents IS NULL OR cost_estimate_cents > 0)`,
)
@Check(
  'order_item_threats_origin_check',
  `threatened_in IN ('order', 'separate') AND (threatened_in = 'order' OR period_days IS NOT NULL) AND (period_days IS NULL OR period_days >= 1)`,
)
export class OrderItemThreat {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'order_item_threats_pkey' })
  id!: string;

  @Index('order_item_threats_item_id_idx')
  @ForeignKey('order_items', { name: 'order_item_threats_item_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  measure!: EscalationMeasure;

  /** Coercive fine: the amount threatened, in cents. */
  @Column({ name: 'amount_cents', type: 'integer', nullable: true })
  amountCents!: number | null;

  /** Substitute performance: the estimated cost, in cents. */
  @Column({ name: 'cost_estimate_cents', type: 'integer', nullable: true })
  costEstimateCents!: number | null;

  @Column({ name: 'threatened_in', type: 'text' })
  threatenedIn!: ThreatOrigin;

  /** The day of the letter that threatens it. */
  @Column({ name: 'threatened_on', type: 'date' })
  threatenedOn!: string;

  /** A separate threat: the new period, in days from its service. */
  @Column({ name: 'period_days', type: 'integer', nullable: true })
  periodDays!: number | null;

  /** A separate threat, once served: the last day of its period. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  /** The day of its formal service; needed before it is used. */
  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn!: string | null;

  @ForeignKey('order_item_fixings', { name: 'order_item_threats_used_by_fixing_id_fkey' })
  @Column({ name: 'used_by_fixing_id', type: 'uuid', nullable: true })
  usedByFixingId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
