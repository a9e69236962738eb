import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { LegalCalendar } from '@hausakte/landlords';
import {
  AuditTrail,
  ConflictProblem,
  FieldError,
  NotFoundProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { EnforcementEvents } from '../deadlines/enforcement-events';
import { isFormalService } from '../rules/notification';
import { refuseDaysBefore, toDelivery } from './delivery.dto';
import { fixingAuditView, itemAuditView, threatAuditView } from './order-audit-views';
import type { EscalateItemDto, ServeThreatDto, ThreatenItemDto } from './order-input.dto';
import type { OrderDto } from './order.dto';
import { isFinalOrder, isOverdueItem, orderDates } from './order-dates';
import { enforcementRefusal, isLiveOrder, isPendingItem, itemTransition } from './order-lifecycle';
import { OrderSteps } from './order-steps';
import { OrderViews } from './order-views';
import { OrderRepository } from './order.repository';

const MEASURE_TEXT = {
  coercive_fine: 'a coercive fine',
  substitute_performance: 'substitute performance',
} as const;

/**
 * Enforcing an item (VwVG NRW): separate threats with their formal service, and the fixings of a
 * coercive fine or of substitute performance, each using one served threat whose period passed.
 * Each command locks the case, then the order, and writes its audit rows and enforcement events
 * in the same transaction.
 */
@Injectable()
export class OrderEscalationService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly views: OrderViews,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly events: EnforcementEvents,
    private readonly steps: OrderSteps,
  ) {}

  /**
   * A separate threat for an item (§ 63 VwVG NRW): a coercive fine again after one was fixed, or
   * substitute performance with its cost estimate; each with a new period that runs from its
   * formal service. Only for a pending item of a served or challenged order.
   */
  @Transactional()
  async threaten(id: string, itemId: string, input: ThreatenItemDto): Promise<OrderDto> {
    const { order, found, item } = await this.steps.lockedItem(id, itemId);
    if (!isLiveOrder(order.status)) {
      throw new ConflictProblem(
        `The order is ${order.status}: a threat can follow only a served order.`,
        { orderStatus: order.status },
      );
    }
    if (!isPendingItem(item.status)) {
      throw new ConflictProblem(`The item is ${item.status}: there is nothing left to enforce.`, {
        itemStatus: item.status,
      });
    }
    const threatenedOn = input.threatenedOn ?? this.calendar.today();
    this.steps.checkDay('threatenedOn', threatenedOn, order.notifiedOn, 'the order’s notification');
    const fine = input.measure === 'coercive_fine';
    const errors: FieldError[] = [];
    if (fine && input.costEstimateCents != null) {
      errors.push({ field: 'costEstimateCents', message: 'only substitute performance has one' });
    }
    if (!fine && input.amountCents != null) {
      errors.push({
        field: 'amountCents',
        message: 'substitute performance is threatened with its cost estimate (costEstimateCents)',
      });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
    const [threat] = await this.orders.insertThreats([
      {
        itemId,
        measure: input.measure,
        amountCents: fine ? input.amountCents! : null,
        costEstimateCents: fine ? null : input.costEstimateCents!,
        threatenedIn: 'separate',
        threatenedOn,
        periodDays: input.periodDays,
        dueOn: null,
        servedOn: null,
      },
    ]);
    await this.audit.record({
      action: 'order_item_threat.created',
      entityType: 'order_item_threat',
      entityId: threat.id,
      after: threatAuditView(threat),
    });
    await this.events.record([{ caseId: found.id, orderId: id, itemId, kind: 'item-threatened' }]);
    return this.views.one(order);
  }

  /**
   * Records the formal service of a separate threat (§ 63 VwVG NRW, § 3–5 LZG NRW), as the order's
   * service is recorded: the day of notification is its service date, and its period runs from it.
   */
  @Transactional()
  async serveThreat(
    id: string,
    itemId: string,
    threatId: string,
    input: ServeThreatDto,
  ): Promise<OrderDto> {
    const { order, found } = await this.steps.lockedItem(id, itemId);
    const threat = await this.orders.findThreatForUpdate(threatId);
    if (!threat || threat.itemId !== itemId) throw new NotFoundProblem('Threat');
    if (threat.servedOn !== null) {
      throw new ConflictProblem(`The threat was served on ${threat.servedOn} already.`, {
        servedOn: threat.servedOn,
      });
    }
    const delivery = toDelivery(input.delivery);
    if (!isFormalService(delivery.method)) {
      throw new ValidationProblem([
        {
          field: 'delivery.method',
          message:
            'a threat must be served formally (§ 63 VwVG NRW): by postal service certificate, ' +
            'registered mail or personal delivery',
        },
      ]);
    }
    this.steps.refuseFutureDays(delivery);
    refuseDaysBefore(delivery, threat.threatenedOn, 'the day of the threat');
    const dates = orderDates({
      delivery,
      items: [{ id: threat.id, period: { unit: 'days', amount: threat.periodDays! } }],
      legalRemedyInstructions: order.legalRemedyInstructions,
    });
    if (!dates.ok) {
      throw new ValidationProblem([{ field: dates.error.field, message: dates.error.message }]);
    }
    const before = threatAuditView(threat);
    threat.servedOn = dates.value.notification.notifiedOn;
    threat.dueOn = dates.value.items[0].dueOn;
    await this.orders.updateThreat(threat);
    await this.audit.record({
      action: 'order_item_threat.served',
      entityType: 'order_item_threat',
      entityId: threat.id,
      before,
      after: threatAuditView(threat),
    });
    await this.events.record([
      { caseId: found.id, orderId: id, itemId, kind: 'item-threat-served' },
    ]);
    return this.views.one(order);
  }

  /**
   * Fixes a coercive fine or orders substitute performance for an item not complied, using one
   * threat of the item: served formally, not used before, its period passed, and the amount at
   * most the amount threatened (the cost estimate). Allowed only once the order is final or
   * immediately enforceable (§ 55 Abs. 1 VwVG NRW). Each fixing is a row of its own.
   */
  @Transactional()
  async escalate(
    id: string,
    itemId: string,
    input: EscalateItemDto,
    actor: AuthenticatedUser,
  ): Promise<OrderDto> {
    const { order, found, item } = await this.steps.lockedItem(id, itemId);
    const refusal = enforcementRefusal({
      status: order.status,
      final: isFinalOrder(order, this.calendar.today()),
      immediatelyEnforceable: order.immediatelyEnforceable,
    });
    if (refusal) {
      throw new ConflictProblem(refusal, {
        orderStatus: order.status,
        challengeEndsOn: order.challengeEndsOn,
      });
    }
    const step = itemTransition(item.status, 'escalate');
    if (!step.ok) throw new ConflictProblem(step.reason, { itemStatus: item.status });
    const threat = await this.orders.findThreatForUpdate(input.threatId);
    if (!threat || threat.itemId !== itemId) {
      throw new ValidationProblem([{ field: 'threatId', message: 'is not a threat of this item' }]);
    }
    if (input.measure !== undefined && input.measure !== threat.measure) {
      throw new ValidationProblem([
        {
          field: 'measure',
          message:
            `the threat is of ${MEASURE_TEXT[threat.measure]}: ` +
            `${MEASURE_TEXT[input.measure]} needs a threat of its own (§ 63 VwVG NRW)` +
            (input.measure === 'substitute_performance' ? ' with a cost estimate' : ''),
        },
      ]);
    }
    if (threat.usedByFixingId !== null) {
      throw new ConflictProblem(
        'This threat was used by a fixing already: fixing again needs a new threat, served ' +
          'formally, and its period passed (§ 57 Abs. 3, § 63 VwVG NRW).',
        { threatId: threat.id, usedByFixingId: threat.usedByFixingId },
      );
    }
    if (threat.servedOn === null) {
      throw new ConflictProblem(
        'The threat has not been served formally (§ 63 VwVG NRW): record its service first.',
        { threatId: threat.id },
      );
    }
    const today = this.calendar.today();
    const periodPassed =
      threat.threatenedIn === 'order'
        ? isOverdueItem(item, new Date(), today)
        : threat.dueOn !== null && threat.dueOn < today;
    if (!periodPassed) {
      const until =
        threat.threatenedIn === 'order' ? (item.dueAt?.toISOString() ?? item.dueOn) : threat.dueOn;
      throw new ConflictProblem(
        `The period the threat set has not passed: it runs until ${until}.`,
        {
          threatId: threat.id,
          dueOn: threat.threatenedIn === 'order' ? item.dueOn : threat.dueOn,
        },
      );
    }
    const ceiling =
      threat.measure === 'coercive_fine' ? threat.amountCents! : threat.costEstimateCents!;
    if (input.amountCents > ceiling) {
      throw new ValidationProblem([
        {
          field: 'amountCents',
          message:
            threat.measure === 'coercive_fine'
              ? `must not exceed the coercive fine threatened, ${ceiling} cents`
              : `must not exceed the cost estimate of the threat, ${ceiling} cents`,
        },
      ]);
    }
    const fixing = await this.orders.insertFixing({
      itemId,
      threatId: threat.id,
      measure: threat.measure,
      amountCents: input.amountCents,
      fixedOn: today,
      createdBy: actor.id,
    });
    const threatBefore = threatAuditView(threat);
    threat.usedByFixingId = fixing.id;
    await this.orders.updateThreat(threat);
    const before = itemAuditView(item);
    item.status = step.to;
    item.statusChangedAt = new Date();
    item.statusReason = input.note ?? null;
    await this.orders.saveItems([item]);
    await this.audit.recordMany([
      {
        action: 'order_item_fixing.created',
        entityType: 'order_item_fixing',
        entityId: fixing.id,
        after: fixingAuditView(fixing),
      },
      {
        action: 'order_item_threat.used',
        entityType: 'order_item_threat',
        entityId: threat.id,
        before: threatBefore,
        after: threatAuditView(threat),
      },
      {
        action: 'order_item.escalated',
        entityType: 'order_item',
        entityId: itemId,
        before,
        after: { ...itemAuditView(item), fixingId: fixing.id },
      },
    ]);
    await this.events.record([{ caseId: found.id, orderId: id, itemId, kind: 'item-escalated' }]);
    return this.views.one(order);
  }
}
