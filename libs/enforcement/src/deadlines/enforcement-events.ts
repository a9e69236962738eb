import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Outbox } from '@hausakte/jobs';
import { CaseRepository } from '../cases/case.repository';
import { OrderRepository, type NewEvent } from '../orders/order.repository';
import { DeadlineScheduler } from './deadline-scheduler';

/**
 * Where enforcement commands record what happened. Recording an event about an order or a hearing
 * also brings their deadline jobs in step with the data, in the same transaction: no command that
 * moves a deadline can forget its reminders. And it tells the map (`property-changed`) that the
 * case's property changed: its stage, its items, its closures.
 */
@Injectable()
export class EnforcementEvents {
  constructor(
    private readonly orders: OrderRepository,
    private readonly deadlines: DeadlineScheduler,
    private readonly cases: CaseRepository,
    private readonly outbox: Outbox,
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
    await this.casesChanged(ids((event) => event.caseId));
  }

  /**
   * A `property-changed` event per property of these cases, with a job id of its own per command
   * (two commands on one case must not collapse into one job).
   */
  async casesChanged(caseIds: string[]): Promise<void> {
    if (caseIds.length === 0) return;
    const command = randomUUID();
    for (const propertyId of await this.cases.propertiesOf(caseIds)) {
      await this.outbox.add({
        job: 'property-changed',
        jobId: `property-changed-enforcement-${propertyId}-${command}`,
        payload: { propertyId },
      });
    }
  }
}
