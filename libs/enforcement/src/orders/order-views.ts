import { Injectable } from '@nestjs/common';
import { LegalCalendar } from '@hausakte/landlords';
import type { FixingDto, OrderDto, OrderItemDto, ThreatDto } from './order.dto';
import { isFinalOrder, isOverdueItem } from './order-dates';
import { runsDeadlines } from './order-lifecycle';
import type { OrderItemFixing } from './order-item-fixing.entity';
import type { OrderItemThreat } from './order-item-threat.entity';
import type { OrderItem } from './order-item.entity';
import { ORDER_KIND_BASIS, type Order } from './order.entity';
import { OrderRepository } from './order.repository';
import { recordLetters } from './record-letters';

function threatView(threat: OrderItemThreat, item: OrderItem): ThreatDto {
  return {
    id: threat.id,
    measure: threat.measure,
    amountCents: threat.amountCents,
    costEstimateCents: threat.costEstimateCents,
    threatenedIn: threat.threatenedIn,
    threatenedOn: threat.threatenedOn,
    periodDays: threat.periodDays,
    dueOn: threat.threatenedIn === 'order' ? item.dueOn : threat.dueOn,
    servedOn: threat.servedOn,
    usedByFixingId: threat.usedByFixingId,
  };
}

function fixingView(fixing: OrderItemFixing): FixingDto {
  return {
    id: fixing.id,
    threatId: fixing.threatId,
    measure: fixing.measure,
    amountCents: fixing.amountCents,
    fixedOn: fixing.fixedOn,
    createdBy: fixing.createdBy,
    createdAt: fixing.createdAt.toISOString(),
  };
}

/** Orders as the API shows them, with the flags derived from their dates and the clock. */
@Injectable()
export class OrderViews {
  constructor(
    private readonly orders: OrderRepository,
    private readonly calendar: LegalCalendar,
  ) {}

  async of(orders: Order[]): Promise<OrderDto[]> {
    const items = await this.orders.itemsOf(orders.map((o) => o.id));
    const itemIds = items.map((i) => i.id);
    const defects = await this.orders.itemDefects(itemIds);
    const threats = await this.orders.threatsOf(itemIds);
    const fixings = await this.orders.fixingsOf(itemIds);
    const letters = await this.orders.letterRows(orders.flatMap((o) => o.letterIds));
    const today = this.calendar.today();
    const now = new Date();
    return orders.map((order) => {
      const live = runsDeadlines(order);
      const itemDtos = items
        .filter((item) => item.orderId === order.id)
        .map((item) => ({
          ...this.item(item, defects.get(item.id), live, now, today),
          threats: threats
            .filter((threat) => threat.itemId === item.id)
            .map((threat) => threatView(threat, item)),
          fixings: fixings.filter((fixing) => fixing.itemId === item.id).map(fixingView),
        }));
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
  ): Omit<OrderItemDto, 'threats' | 'fixings'> {
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
      statusReason: item.statusReason,
    };
  }
}
