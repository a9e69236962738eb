import { Injectable } from '@nestjs/common';
import { OrderRepository, type NewEvent } from '../orders/order.repository';
import { DeadlineScheduler } from './deadline-scheduler';

/**
 * Where enforcement commands record what happened. Recording an event about an order or a hearing
 * also brings their deadline jobs in step with the data, in the same transaction: no command that
 * moves a deadline can forget its reminders.
 */
@Injectable()
export class EnforcementEvents {
  constructor(
    private readonly orders: OrderRepository,
    private readonly deadlines: DeadlineScheduler,
  ) {}

  async record(events: NewEvent[]): Promise<void> {
    await this.orders.recordEvents(events);
    const ids = (pick: (event: NewEvent) => string | null | undefined) => [
      ...new Set(events.map(pick).filter((id): id is string => typeof id === 'string')),
    ];
    await this.deadlines.sync({
      orderIds: ids((event) => event.orderId),
      hearingIds: ids((event) => event.hearingId),
    });
  }
}
