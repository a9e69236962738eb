import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { EscalationMeasure } from './order-item.entity';

/**
 * A fixing (Festsetzung) of a coercive fine, or the order to have the work done at the
 * landlord's cost, for an item not complied: each one its own row, using one served threat.
 */
@Entity({ name: 'order_item_fixings' })
@Unique('order_item_fixings_threat_id_key', ['threatId'])
@Check('order_item_fixings_measure_check', `measure IN ('coercive_fine', 'substitute_performance')`)
@Check('order_item_fixings_amount_check', `amount_cents > 0`)
export class OrderItemFixing {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'order_item_fixings_pkey' })
  id!: string;

  @Index('order_item_fixings_item_id_idx')
  @ForeignKey('order_items', { name: 'order_item_fixings_item_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ForeignKey('order_item_threats', { name: 'order_item_fixings_threat_id_fkey' })
  @Column({ name: 'threat_id', type: 'uuid' })
  threatId!: string;

  @Column({ type: 'text' })
  measure!: EscalationMeasure;

  /** The fine fixed, or the cost of substitute performance, in cents. */
  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents!: number;

  @Column({ name: 'fixed_on', type: 'date' })
  fixedOn!: string;

  @ForeignKey('users', { name: 'order_item_fixings_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
