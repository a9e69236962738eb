import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that changes an enforcement deadline: a hearing sent, an order served, withdrawn,
 * challenged, decided or closed, an item complied, found not complied or escalated. Written in
 * the command's transaction; the reminder jobs (the next step of #5) derive their work from
 * these rows and the dates they point at. Ids only: the rows carry no personal data.
 */
@Entity({ name: 'enforcement_events' })
@Index('enforcement_events_occurred_at_idx', ['occurredAt'])
export class EnforcementEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'enforcement_events_pkey' })
  id!: string;

  @Index('enforcement_events_case_id_idx')
  @ForeignKey('cases', { name: 'enforcement_events_case_id_fkey' })
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ForeignKey('hearings', { name: 'enforcement_events_hearing_id_fkey' })
  @Column({ name: 'hearing_id', type: 'uuid', nullable: true })
  hearingId!: string | null;

  @Index('enforcement_events_order_id_idx')
  @ForeignKey('orders', { name: 'enforcement_events_order_id_fkey' })
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId!: string | null;

  @ForeignKey('order_items', { name: 'enforcement_events_item_id_fkey' })
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId!: string | null;

  /** `hearing-sent`, `order-served`, `order-withdrawn`, `order-challenged`, `item-complied`, … */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
