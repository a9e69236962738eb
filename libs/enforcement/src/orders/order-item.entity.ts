import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PeriodSource, PeriodUnit } from '../rules/default-periods';
import type { OrderItemStatus } from './order-lifecycle';

export const ESCALATION_MEASURES = ['coercive_fine', 'substitute_performance'] as const;
export type EscalationMeasure = (typeof ESCALATION_MEASURES)[number];

/**
 * A numbered item of an order: what to do, by when, and the coercive fine the order threatens for
 * it. Threats and fixings are rows of their own (`order_item_threats`, `order_item_fixings`).
 */
@Entity({ name: 'order_items' })
@Unique('order_items_order_id_number_key', ['orderId', 'number'])
@Check(
  'order_items_status_check',
  `status IN ('open', 'complied', 'not_complied', 'escalated', 'closed', 'withdrawn')`,
)
@Check('order_items_number_check', `number >= 1`)
@Check('order_items_period_check', `period_unit IN ('hours', 'days') AND period_amount >= 1`)
@Check(
  'order_items_period_source_check',
  `period_source IN ('override', 'catalogue', 'severity_default') AND ((period_source = 'override') = (period_override_reason IS NOT NULL))`,
)
@Check('order_items_fine_check', `threatened_fine_cents IS NULL OR threatened_fine_cents > 0`)
export class OrderItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'order_items_pkey' })
  id!: string;

  @ForeignKey('orders', { name: 'order_items_order_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  /** 1, 2, 3 … as the order numbers its items. */
  @Column({ type: 'integer' })
  number!: number;

  /** What the landlord must do, as the order words it. */
  @Column({ type: 'text' })
  requirement!: string;

  @Column({ type: 'text', default: 'open' })
  status!: OrderItemStatus;

  @Column({ name: 'period_unit', type: 'text' })
  periodUnit!: PeriodUnit;

  @Column({ name: 'period_amount', type: 'integer' })
  periodAmount!: number;

  @Column({ name: 'period_source', type: 'text' })
  periodSource!: PeriodSource;

  @Column({ name: 'period_override_reason', type: 'text', nullable: true })
  periodOverrideReason!: string | null;

  /** Zwangsgeldandrohung in cents; null: none threatened. */
  @Column({ name: 'threatened_fine_cents', type: 'integer', nullable: true })
  threatenedFineCents!: number | null;

  /** The last day to act, once the order is served. */
  @Index('order_items_due_on_idx')
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  /** For a period in hours: the instant it ends. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;
}
