import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import { EnforcementEvent } from './enforcement-event.entity';
import { OrderItemDefect } from './order-item-defect.entity';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';

export type NewOrder = Pick<
  Order,
  | 'caseId'
  | 'kind'
  | 'hearingId'
  | 'hearingSkippedReason'
  | 'immediatelyEnforceable'
  | 'immediateEnforcementReasoning'
  | 'legalRemedyInstructions'
  | 'createdBy'
>;

export type NewOrderItem = Pick<
  OrderItem,
  | 'number'
  | 'requirement'
  | 'periodUnit'
  | 'periodAmount'
  | 'periodSource'
  | 'periodOverrideReason'
  | 'threatenedFineCents'
> & { defectIds: string[] };

export type NewEvent = Pick<EnforcementEvent, 'caseId' | 'kind'> &
  Partial<Pick<EnforcementEvent, 'hearingId' | 'orderId' | 'itemId'>>;

/** Per item: its defects and whether every one of them is verified. */
export interface ItemDefects {
  defectIds: string[];
  allVerified: boolean;
}

@Injectable()
export class OrderRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async insert(row: NewOrder, items: NewOrderItem[]): Promise<Order> {
    const orders = this.manager.getRepository(Order);
    const order = await orders.save(orders.create({ ...row, status: 'draft' }));
    const itemRepository = this.manager.getRepository(OrderItem);
    const saved = await itemRepository.save(
      items.map(({ defectIds: _defectIds, ...item }) =>
        itemRepository.create({ ...item, orderId: order.id, status: 'open' }),
      ),
    );
    await this.manager
      .getRepository(OrderItemDefect)
      .insert(
        saved.flatMap((item, index) =>
          items[index].defectIds.map((defectId) => ({ itemId: item.id, defectId })),
        ),
      );
    return order;
  }

  findById(id: string): Promise<Order | null> {
    return this.manager.getRepository(Order).findOne({ where: { id } });
  }

  findByIdForUpdate(id: string): Promise<Order | null> {
    return this.manager
      .getRepository(Order)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  ofCase(caseId: string): Promise<Order[]> {
    return this.manager
      .getRepository(Order)
      .find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  itemsOf(orderIds: string[]): Promise<OrderItem[]> {
    if (orderIds.length === 0) return Promise.resolve([]);
    return this.manager
      .getRepository(OrderItem)
      .createQueryBuilder('item')
      .where('item.orderId IN (:...orderIds)', { orderIds })
      .orderBy('item.orderId')
      .addOrderBy('item.number')
      .getMany();
  }

  async itemDefects(itemIds: string[]): Promise<Map<string, ItemDefects>> {
    const byItem = new Map<string, ItemDefects>(
      itemIds.map((id) => [id, { defectIds: [], allVerified: true }]),
    );
    if (itemIds.length === 0) return byItem;
    const rows: Array<{ item_id: string; defect_id: string; status: string }> =
      await this.manager.query(
        `SELECT x.item_id, x.defect_id, d.status
           FROM order_item_defects x JOIN defects d ON d.id = x.defect_id
          WHERE x.item_id = ANY($1::uuid[]) ORDER BY x.defect_id`,
        [itemIds],
      );
    for (const row of rows) {
      const entry = byItem.get(row.item_id);
      if (!entry) continue;
      entry.defectIds.push(row.defect_id);
      if (row.status !== 'verified') entry.allVerified = false;
    }
    return byItem;
  }

  save(order: Order): Promise<Order> {
    return this.manager.getRepository(Order).save(order);
  }

  async saveItems(items: OrderItem[]): Promise<void> {
    if (items.length > 0) await this.manager.getRepository(OrderItem).save(items);
  }

  async recordEvents(events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.manager.getRepository(EnforcementEvent).insert(
      events.map((event) => ({
        hearingId: null,
        orderId: null,
        itemId: null,
        ...event,
      })),
    );
  }
}
