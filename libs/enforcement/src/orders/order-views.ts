import { Injectable } from '@nestjs/common';
import { LegalCalendar } from '@hausakte/landlords';
import type { OrderDto, OrderItemDto } from './order.dto';
import { isFinalOrder, isOverdueItem } from './order-dates';
import { runsDeadlines } from './order-lifecycle';
import type { OrderItem } from './order-item.entity';
import { ORDER_KIND_BASIS, type Order } from './order.entity';
import { OrderRepository } from './order.repository';
import { recordLetters } from './record-letters';

/** Orders as the API shows them, with the flags derived from their dates and the clock. */
@Injectable()
export class OrderViews {
  constructor(
    private readonly orders: OrderRepository,
    private readonly calendar: LegalCalendar,
  ) {}

  async of(orders: Order[]): Promise<OrderDto[]> {
    const items = await this.orders.itemsOf(orders.map((o) => o.id));
    const defects = await this.orders.itemDefects(items.map((i) => i.id));
    const letters = await this.orders.letterRows(orders.flatMap((o) => o.letterIds));
    const today = this.calendar.today();
    const now = new Date();
    return orders.map((order) => {
      const live = runsDeadlines(order);
      const itemDtos = items
        .filter((item) => item.orderId === order.id)
        .map((item) => this.item(item, defects.get(item.id), live, now, today));
      return {
        id: order.id,
        caseId: order.caseId,
        kind: order.kind,
        legalBasis: ORDER_KIND_BASIS[order.kind],
        status: order.status,
        hearingId: order.hearingId,
        hearingSkippedReason: order.hearingSkippedReason,
        immediatelyEnforceable: order.immediatelyEnforceable,
        immediateEnforcementReasoning: order.immediateEnforcementReasoning,
        legalRemedyInstructions: order.legalRemedyInstructions,
        addressees: order.addressees,
        issuedAt: order.issuedAt?.toISOString() ?? null,
        letters: recordLetters(order.letterIds, order.addressees, letters),
        delivery: order.delivery,
        notifiedOn: order.notifiedOn,
        notifiedAt: order.notifiedAt?.toISOString() ?? null,
        notificationRule: order.notificationRule,
        challengeEndsOn: order.challengeEndsOn,
        suitFiledOn: order.suitFiledOn,
        suitLate: order.suitLate,
        suitOutcome: order.suitOutcome,
        suitDecidedOn: order.suitDecidedOn,
        withdrawnReason: order.withdrawnReason,
        closedAt: order.closedAt?.toISOString() ?? null,
        final: isFinalOrder(order, today),
        overdue: itemDtos.some((item) => item.overdue),
        items: itemDtos,
        version: order.version,
        createdAt: order.createdAt.toISOString(),
      };
    });
  }

  async one(order: Order): Promise<OrderDto> {
    return (await this.of([order]))[0];
  }

  private item(
    item: OrderItem,
    defects: { defectIds: string[]; allVerified: boolean } | undefined,
    live: boolean,
    now: Date,
    today: string,
  ): OrderItemDto {
    return {
      id: item.id,
      number: item.number,
      requirement: item.requirement,
      status: item.status,
      defectIds: defects?.defectIds ?? [],
      defectsVerified: defects?.allVerified ?? false,
      period: { unit: item.periodUnit, amount: item.periodAmount },
      periodSource: item.periodSource,
      periodOverrideReason: item.periodOverrideReason,
      threatenedFineCents: item.threatenedFineCents,
      dueOn: item.dueOn,
      dueAt: item.dueAt?.toISOString() ?? null,
      overdue: live && isOverdueItem(item, now, today),
      escalationMeasure: item.escalationMeasure,
      escalationAmountCents: item.escalationAmountCents,
      escalatedAt: item.escalatedAt?.toISOString() ?? null,
      statusReason: item.statusReason,
    };
  }
}
