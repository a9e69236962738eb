import { Injectable } from '@nestjs/common';
import { LegalCalendar } from '@hausakte/landlords';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { EnforcementEvents } from '../deadlines/enforcement-events';
import { nextWorkingDayFrom } from '../rules/nrw-holidays';
import { itemAuditView, orderAuditView } from './order-audit-views';
import type { ChangeItemStatusDto, ExtendItemPeriodDto, ItemTarget } from './order-input.dto';
import type { OrderDto } from './order.dto';
import { isOverdueItem } from './order-dates';
import {
  isEndedItem,
  isLiveOrder,
  itemTransition,
  OrderItemCommand,
  runsDeadlines,
} from './order-lifecycle';
import { OrderSteps, transition } from './order-steps';
import { OrderViews } from './order-views';
import { NewEvent, OrderRepository } from './order.repository';

const ITEM_COMMANDS: Record<ItemTarget, OrderItemCommand> = {
  complied: 'comply',
  not_complied: 'mark_not_complied',
  closed: 'close',
  withdrawn: 'withdraw',
};

/**
 * An order's items: moving them along their lifecycle (complied, not complied, closed,
 * withdrawn) and extending an open item's period. Each command locks the case, then the order,
 * and writes its audit rows and enforcement events in the same transaction.
 */
@Injectable()
export class OrderItemsService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly views: OrderViews,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly events: EnforcementEvents,
    private readonly steps: OrderSteps,
  ) {}

  /**
   * Moves an item along its lifecycle. Complied is recorded by the officer and allowed only once
   * every defect of the item is verified (a re-inspection verifies them); not complied only once
   * its period has passed. The order closes when its last item is closed or withdrawn.
   */
  @Transactional()
  async changeItemStatus(
    id: string,
    itemId: string,
    input: ChangeItemStatusDto,
  ): Promise<OrderDto> {
    const { order, found } = await this.steps.locked(id);
    const items = await this.orders.itemsOf([id]);
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundProblem('Order item');
    const command = ITEM_COMMANDS[input.status];
    const changeable =
      isLiveOrder(order.status) || (command === 'withdraw' && order.status === 'issued');
    if (!changeable) {
      throw new ConflictProblem(
        `The order is ${order.status}: its items change only while it is served or challenged.`,
        { orderStatus: order.status },
      );
    }
    const step = itemTransition(item.status, command);
    if (!step.ok) throw new ConflictProblem(step.reason, { itemStatus: item.status, command });
    if (
      command === 'withdraw' &&
      (order.status === 'issued' || order.status === 'served') &&
      items.every((candidate) => candidate.id === itemId || candidate.status === 'withdrawn')
    ) {
      throw new ConflictProblem(
        'This is the order’s last remaining item: withdraw the order instead.',
        { orderStatus: order.status },
      );
    }
    if (command === 'mark_not_complied' && !runsDeadlines(order)) {
      throw new ConflictProblem(
        `The order is ${order.status}${order.status === 'challenged' ? ' and not immediately enforceable: the suit suspends it (§ 80 Abs. 1 VwGO)' : ''}: ` +
          'its periods do not run, so no item can be found not complied.',
        { orderStatus: order.status, immediatelyEnforceable: order.immediatelyEnforceable },
      );
    }
    if (command === 'comply') {
      const defects = (await this.orders.itemDefects([itemId])).get(itemId)!;
      if (!defects.allVerified) {
        throw new ConflictProblem(
          'Not every defect of the item is verified yet: a re-inspection verifies them first.',
          { defectIds: defects.defectIds },
        );
      }
    }
    if (
      command === 'mark_not_complied' &&
      !isOverdueItem(item, new Date(), this.calendar.today())
    ) {
      throw new ConflictProblem(
        `The item's period has not passed: it runs until ${item.dueAt?.toISOString() ?? item.dueOn}.`,
        { dueOn: item.dueOn },
      );
    }
    const before = itemAuditView(item);
    item.status = step.to;
    item.statusChangedAt = new Date();
    item.statusReason = input.reason ?? null;
    await this.orders.saveItems([item]);
    await this.audit.record({
      action: `order_item.${step.to}`,
      entityType: 'order_item',
      entityId: itemId,
      before,
      after: itemAuditView(item),
    });
    const events: NewEvent[] = [
      { caseId: found.id, orderId: id, itemId, kind: `item-${step.to.replace('_', '-')}` },
    ];
    if (order.status === 'served' && items.every((candidate) => isEndedItem(candidate.status))) {
      const orderBefore = orderAuditView(order);
      transition(order, 'close');
      order.closedAt = new Date();
      return this.steps.commit(order, orderBefore, 'order.closed', [
        ...events,
        { caseId: found.id, orderId: id, kind: 'order-closed' },
      ]);
    }
    await this.events.record(events);
    return this.views.one(order);
  }

  /**
   * Grants an open item more time (Fristverlängerung): a later last day, with the reason on file.
   * The due date moves to the next working day if it falls on a weekend or NRW holiday; the
   * item's reminders and its "passed" job move with it (EnforcementEvents).
   */
  @Transactional()
  async extendItemPeriod(
    id: string,
    itemId: string,
    input: ExtendItemPeriodDto,
  ): Promise<OrderDto> {
    const { order, found, item } = await this.steps.lockedItem(id, itemId);
    if (!isLiveOrder(order.status)) {
      throw new ConflictProblem(
        `The order is ${order.status}: only a served order's periods can be extended.`,
        { orderStatus: order.status },
      );
    }
    if (item.status !== 'open' || item.dueOn === null) {
      throw new ConflictProblem(
        `The item is ${item.status}: only an open item's period can be extended.`,
        { itemStatus: item.status },
      );
    }
    const dueOn = nextWorkingDayFrom(input.dueOn);
    if (dueOn <= item.dueOn || dueOn < this.calendar.today()) {
      throw new ValidationProblem([
        {
          field: 'dueOn',
          message: `must be after the current last day (${item.dueOn}) and not in the past`,
        },
      ]);
    }
    const before = itemAuditView(item);
    item.dueOn = dueOn;
    item.dueAt = null;
    item.statusReason = input.reason;
    await this.orders.saveItems([item]);
    await this.audit.record({
      action: 'order_item.period_extended',
      entityType: 'order_item',
      entityId: itemId,
      before,
      after: { ...itemAuditView(item), requestedDueOn: input.dueOn },
    });
    await this.events.record([
      { caseId: found.id, orderId: id, itemId, kind: 'item-period-extended' },
    ]);
    return this.views.one(order);
  }
}
