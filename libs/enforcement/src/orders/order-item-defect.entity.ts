import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A defect an order item points at: the item is complied when all of them are verified. */
@Entity({ name: 'order_item_defects' })
export class OrderItemDefect {
  @ForeignKey('order_items', { name: 'order_item_defects_item_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'item_id',
    type: 'uuid',
    primaryKeyConstraintName: 'order_item_defects_pkey',
  })
  itemId!: string;

  @Index('order_item_defects_defect_id_idx')
  @ForeignKey('defects', { name: 'order_item_defects_defect_id_fkey' })
  @PrimaryColumn({
    name: 'defect_id',
    type: 'uuid',
    primaryKeyConstraintName: 'order_item_defects_pkey',
  })
  defectId!: string;
}
