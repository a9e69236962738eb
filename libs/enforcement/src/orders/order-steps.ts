import { Injectable } from '@nestjs/common';
import { LegalCalendar } from '@hausakte/landlords';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  ValidationProblem,
} from '@hausakte/platform';
import { lockOpenCase } from '../cases/case-guard';
import { CaseRepository } from '../cases/case.repository';
import type { EnforcementCase } from '../cases/case.entity';
import { EnforcementEvents } from '../deadlines/enforcement-events';
import type { Delivery } from '../rules/notification';
import { recordedDays } from './delivery.dto';
import { orderAuditView } from './order-audit-views';
import type { OrderDto } from './order.dto';
import { isEndedItem, type OrderCommand, orderTransition } from './order-lifecycle';
import type { OrderItem } from './order-item.entity';
import { OrderViews } from './order-views';
import type { Order } from './order.entity';
import { type NewEvent, OrderRepository } from './order.repository';

/** Checks the order's move against `order-lifecycle.ts` and makes it (409 if it is not allowed). */
export function transition(order: Order, command: OrderCommand): void {
  const step = orderTransition(order.status, command);
  if (!step.ok) throw new ConflictProblem(step.reason, { orderStatus: order.status, command });
  order.status = step.to;
}

/**
 * The steps the order services share: lock the case then the order, save the order with its
 * audit row and events, close a served order whose items all ended, and check recorded days
 * against the legal calendar's today.
 */
@Injectable()
export class OrderSteps {
  constructor(
    private readonly orders: OrderRepository,
    private readonly cases: CaseRepository,
    private readonly views: OrderViews,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly events: EnforcementEvents,
  ) {}

  /** The case first (refusing a closed one), then the order. */
  async locked(id: string): Promise<{ order: Order; found: EnforcementCase }> {
    const peek = await this.orders.findById(id);
    if (!peek) throw new NotFoundProblem('Order');
    const found = await lockOpenCase(this.cases, peek.caseId);
    const order = (await this.orders.findByIdForUpdate(id))!;
    return { order, found };
  }

  /** As `locked`, with one item of the order (404 for an item that is not the order's). */
  async lockedItem(
    id: string,
    itemId: string,
  ): Promise<{ order: Order; found: EnforcementCase; item: OrderItem }> {
    const { order, found } = await this.locked(id);
    const item = (await this.orders.itemsOf([id])).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundProblem('Order item');
    return { order, found, item };
  }

  async commit(
    order: Order,
    before: Record<string, unknown>,
    action: string,
    events: NewEvent[],
  ): Promise<OrderDto> {
    const saved = await this.orders.save(order);
    await this.audit.record({
      action,
      entityType: 'order',
      entityId: order.id,
      before,
      after: orderAuditView(saved),
    });
    await this.events.record(events);
    return this.views.one(saved);
  }

  /** A served order whose every item is closed or withdrawn is closed (DOMAIN.md, Lifecycles). */
  async closeIfEnded(order: Order, caseId: string): Promise<OrderDto | null> {
    if (order.status !== 'served') return null;
    const items = await this.orders.itemsOf([order.id]);
    if (!items.every((item) => isEndedItem(item.status))) return null;
    const before = orderAuditView(order);
    transition(order, 'close');
    order.closedAt = new Date();
    return this.commit(order, before, 'order.closed', [
      { caseId, orderId: order.id, kind: 'order-closed' },
    ]);
  }

  refuseFutureDays(delivery: Delivery): void {
    const today = this.calendar.today();
    const future = recordedDays(delivery).filter(([, day]) => day > today);
    if (future.length > 0) {
      throw new ValidationProblem(
        future.map(([field]) => ({
          field: `delivery.${field}`,
          message: 'must not be in the future',
        })),
      );
    }
  }

  checkDay(field: string, day: string, notBefore: string | null, what: string): void {
    if (day > this.calendar.today()) {
      throw new ValidationProblem([{ field, message: 'must not be in the future' }]);
    }
    if (notBefore !== null && day < notBefore) {
      throw new ValidationProblem([{ field, message: `must not be before ${what}, ${notBefore}` }]);
    }
  }
}
