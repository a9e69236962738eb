import type { OrderItemFixing } from './order-item-fixing.entity';
import type { OrderItemThreat } from './order-item-threat.entity';
import type { OrderItem } from './order-item.entity';
import type { Order } from './order.entity';

/** What the audit trail keeps of an order, before and after each command. */
export function orderAuditView(order: Order): Record<string, unknown> {
  return {
    caseId: order.caseId,
    kind: order.kind,
    status: order.status,
    hearingId: order.hearingId,
    hearingSkippedReason: order.hearingSkippedReason,
    immediatelyEnforceable: order.immediatelyEnforceable,
    legalRemedyInstructions: order.legalRemedyInstructions,
    addresseeIds: order.addressees?.map((a) => a.landlordId) ?? null,
    letterIds: order.letterIds,
    notifiedOn: order.notifiedOn,
    notificationRule: order.notificationRule,
    challengeEndsOn: order.challengeEndsOn,
    suitFiledOn: order.suitFiledOn,
    suitLate: order.suitLate,
    suitOutcome: order.suitOutcome,
    withdrawnReason: order.withdrawnReason,
    version: order.version,
  };
}

export function itemAuditView(item: OrderItem): Record<string, unknown> {
  return {
    orderId: item.orderId,
    number: item.number,
    status: item.status,
    dueOn: item.dueOn,
    dueAt: item.dueAt?.toISOString() ?? null,
    statusReason: item.statusReason,
  };
}

export function threatAuditView(threat: OrderItemThreat): Record<string, unknown> {
  return {
    itemId: threat.itemId,
    measure: threat.measure,
    amountCents: threat.amountCents,
    costEstimateCents: threat.costEstimateCents,
    threatenedIn: threat.threatenedIn,
    threatenedOn: threat.threatenedOn,
    periodDays: threat.periodDays,
    dueOn: threat.dueOn,
    servedOn: threat.servedOn,
    usedByFixingId: threat.usedByFixingId,
  };
}

export function fixingAuditView(fixing: OrderItemFixing): Record<string, unknown> {
  return {
    itemId: fixing.itemId,
    threatId: fixing.threatId,
    measure: fixing.measure,
    amountCents: fixing.amountCents,
    fixedOn: fixing.fixedOn,
    createdBy: fixing.createdBy,
  };
}
