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
import { addresseesFor } from '../cases/addressees';
import { lockOpenCase } from '../cases/case-guard';
import { CaseRepository, DefectFact } from '../cases/case.repository';
import { EnforcementEvents } from '../deadlines/enforcement-events';
import { HearingRepository } from '../hearings/hearing.repository';
import { type PeriodLength, resolveItemPeriod, type Severity } from '../rules/default-periods';
import { berlinDateOf } from '../rules/legal-date';
import { type DeliveryMethod, isFormalService } from '../rules/notification';
import { deliveryLeavingOn, refuseDaysBefore, toDelivery } from './delivery.dto';
import { orderAuditView, threatAuditView } from './order-audit-views';
import type {
  CreateOrderDto,
  DecideSuitDto,
  RecordServiceDto,
  RecordSuitDto,
  WithdrawOrderDto,
} from './order-input.dto';
import { OrderLettersService } from './order-letters.service';
import type { OrderDto, OrderProjectionDto } from './order.dto';
import { isLateSuit, orderDates } from './order-dates';
import { orderTransition } from './order-lifecycle';
import { OrderSteps, transition } from './order-steps';
import { OrderViews } from './order-views';
import type { Order } from './order.entity';
import { NewOrderItem, OrderRepository } from './order.repository';

const SEVERITY_RANK: Record<Severity, number> = { A: 0, B: 1, C: 2 };

function hoursOf(period: PeriodLength): number {
  return period.unit === 'hours' ? period.amount : period.amount * 24;
}

/** An item built from several defects takes the most severe one's period, the shortest if tied. */
function periodBasis(facts: DefectFact[]): {
  severity: Severity;
  cataloguePeriod: PeriodLength | null;
} {
  const severity = facts.reduce<Severity>(
    (worst, fact) => (SEVERITY_RANK[fact.severity] > SEVERITY_RANK[worst] ? fact.severity : worst),
    'A',
  );
  const periods = facts
    .filter((fact) => fact.severity === severity && fact.cataloguePeriod !== null)
    .map((fact) => fact.cataloguePeriod!)
    .sort((a, b) => hoursOf(a) - hoursOf(b));
  return { severity, cataloguePeriod: periods[0] ?? null };
}

/**
 * The order's own lifecycle: drafting from the case's defects, issuing (its letters are
 * OrderLettersService's), service and the dates it sets, withdrawal, suits and closing. Its items
 * are OrderItemsService's, their enforcement OrderEscalationService's. Every command locks the
 * case (then the order), checks the transition against `order-lifecycle.ts`, and writes its audit
 * rows and its enforcement events in the same transaction (OrderSteps).
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly hearings: HearingRepository,
    private readonly cases: CaseRepository,
    private readonly views: OrderViews,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly orderLetters: OrderLettersService,
    private readonly steps: OrderSteps,
    private readonly events: EnforcementEvents,
  ) {}

  async get(id: string): Promise<OrderDto> {
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundProblem('Order');
    return this.views.one(order);
  }

  /**
   * The dates the order would get if it left today by `method` (ordinary post unless given): a
   * letter served formally counts from the day of service, post from its deemed day.
   */
  async projection(
    id: string,
    method: DeliveryMethod = 'ordinary_post',
  ): Promise<OrderProjectionDto> {
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundProblem('Order');
    if (order.status !== 'draft' && order.status !== 'issued') {
      throw new ConflictProblem(
        `The order is ${order.status}: its dates are set by its service, not projected.`,
        { orderStatus: order.status },
      );
    }
    const postedOn = this.calendar.today();
    const items = (await this.orders.itemsOf([id])).filter((item) => item.status !== 'withdrawn');
    const dates = orderDates({
      delivery: deliveryLeavingOn(method, postedOn),
      items: items.map((item) => ({
        id: item.id,
        period: { unit: item.periodUnit, amount: item.periodAmount },
      })),
      legalRemedyInstructions: order.legalRemedyInstructions,
    });
    if (!dates.ok) throw new Error(`projection failed: ${dates.error.message}`);
    const { notification, notifiedAt, challengeEndsOn } = dates.value;
    return {
      method,
      postedOn,
      notifiedOn: notification.notifiedOn,
      notificationRule: notification.rule,
      notifiedAt: notifiedAt.toISOString(),
      challengeEndsOn,
      items: dates.value.items.map((due, index) => ({
        id: due.id,
        number: items[index].number,
        dueOn: due.dueOn,
        dueAt: due.dueAt?.toISOString() ?? null,
        rules: due.rules,
      })),
    };
  }

  @Transactional()
  async create(caseId: string, input: CreateOrderDto, actor: AuthenticatedUser): Promise<OrderDto> {
    await lockOpenCase(this.cases, caseId);
    const errors: FieldError[] = [];
    const skipReason = input.hearingSkippedReason || null;
    let heard: Set<string> | null = null;
    if (input.hearingId && skipReason) {
      errors.push({ field: 'hearingId', message: 'must be absent when the hearing was skipped' });
    } else if (input.hearingId) {
      const hearing = await this.hearings.findById(input.hearingId);
      if (!hearing || hearing.caseId !== caseId) {
        errors.push({ field: 'hearingId', message: 'is not a hearing of this case' });
      } else if (hearing.status === 'draft') {
        errors.push({ field: 'hearingId', message: 'has not been sent yet' });
      } else {
        heard = new Set((await this.hearings.defectIdsOf([hearing.id])).get(hearing.id));
      }
    } else if (!skipReason) {
      errors.push({
        field: 'hearingSkippedReason',
        message:
          'an order without a hearing needs the reason the hearing was skipped (§ 28 Abs. 2 VwVfG NRW)',
      });
    }
    const enforceable = input.immediatelyEnforceable ?? false;
    if (enforceable && !input.immediateEnforcementReasoning) {
      errors.push({
        field: 'immediateEnforcementReasoning',
        message: 'immediate enforceability needs its special reasoning (§ 80 Abs. 3 VwGO)',
      });
    }

    const allIds = [...new Set(input.items.flatMap((item) => item.defectIds))];
    const facts = new Map((await this.cases.defectFacts(allIds)).map((f) => [f.id, f]));
    const itemOf = new Map<string, number>();
    input.items.forEach((item, i) => {
      item.defectIds.forEach((defectId, j) => {
        const field = `items[${i}].defectIds[${j}]`;
        const fact = facts.get(defectId);
        if (!fact || fact.caseId !== caseId) {
          errors.push({ field, message: 'is not a defect of this case' });
        } else if (fact.status === 'verified') {
          errors.push({ field, message: 'is verified as remedied: nothing to order' });
        } else if (heard && !heard.has(defectId)) {
          errors.push({
            field,
            message:
              `item ${i + 1}: the defect was not in the hearing; an order may contain only ` +
              'what the landlord was heard on (§ 28 VwVfG NRW), unless the hearing was skipped with a reason',
          });
        }
        if (itemOf.has(defectId) && itemOf.get(defectId) !== i) {
          errors.push({ field, message: `is in item ${itemOf.get(defectId)! + 1} already` });
        }
        itemOf.set(defectId, i);
      });
    });

    const items: NewOrderItem[] = [];
    input.items.forEach((item, i) => {
      const itemFacts = item.defectIds.map((id) => facts.get(id)).filter((f) => f !== undefined);
      if (itemFacts.length !== item.defectIds.length) return;
      const resolved = resolveItemPeriod({
        ...periodBasis(itemFacts),
        override: item.periodOverride
          ? {
              period: { unit: item.periodOverride.unit, amount: item.periodOverride.amount },
              reason: item.periodOverride.reason,
            }
          : null,
      });
      if (!resolved.ok) {
        errors.push({
          field: resolved.error.field.replace(/^override/, `items[${i}].periodOverride`),
          message: resolved.error.message,
        });
        return;
      }
      items.push({
        number: i + 1,
        requirement: item.requirement,
        periodUnit: resolved.value.period.unit,
        periodAmount: resolved.value.period.amount,
        periodSource: resolved.value.source,
        periodOverrideReason: resolved.value.overrideReason,
        threatenedFineCents: item.threatenedFineCents ?? null,
        defectIds: item.defectIds,
      });
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    const bound = await this.orders.pendingInLiveOrders(allIds);
    if (bound.length > 0) {
      throw new ConflictProblem(
        'A defect of this order sits in a pending item of another order already: ' +
          bound
            .map((b) => `defect ${b.defectId} in item ${b.number} of order ${b.orderId}`)
            .join('; ') +
          '. Withdraw that item or order first.',
        { pending: bound },
      );
    }

    const order = await this.orders.insert(
      {
        caseId,
        kind: input.kind,
        hearingId: input.hearingId ?? null,
        hearingSkippedReason: input.hearingId ? null : skipReason,
        immediatelyEnforceable: enforceable,
        immediateEnforcementReasoning: input.immediateEnforcementReasoning || null,
        legalRemedyInstructions: input.legalRemedyInstructions ?? 'correct',
        createdBy: actor.id,
      },
      items,
    );
    await this.audit.record({
      action: 'order.drafted',
      entityType: 'order',
      entityId: order.id,
      after: {
        ...orderAuditView(order),
        items: items.map(({ defectIds, ...item }) => ({ ...item, defectIds })),
      },
    });
    await this.events.casesChanged([caseId]);
    return this.views.one(order);
  }

  /**
   * Issues the draft: the landlords in charge today become its addressees, frozen, and its
   * letters are issued (one per addressee) in the same transaction. Issuing happens once (409
   * after), so an order version is rendered once; the stored PDFs and their hashes are the record.
   */
  @Transactional()
  async issue(id: string, actor: AuthenticatedUser): Promise<OrderDto> {
    const { order, found } = await this.steps.locked(id);
    const before = orderAuditView(order);
    transition(order, 'issue');
    const today = this.calendar.today();
    order.addressees = await addresseesFor(this.cases, found.propertyId, today);
    await this.refuseUnheard(order, today);
    order.letterIds = await this.orderLetters.issue(order, actor, today);
    order.issuedAt = new Date();
    return this.steps.commit(order, before, 'order.issued', []);
  }

  /**
   * An order follows its hearing (§ 28 VwVfG NRW): not while the reply period still runs (unless
   * the hearing was closed, e.g. on the landlord's reply), and only to landlords who were heard.
   * A hearing skipped with a § 28 Abs. 2 reason has neither condition.
   */
  private async refuseUnheard(order: Order, today: string): Promise<void> {
    if (!order.hearingId) return;
    const hearing = await this.hearings.findById(order.hearingId);
    if (!hearing || hearing.status === 'draft') {
      throw new ConflictProblem('The order’s hearing has not been sent.', {
        hearingId: order.hearingId,
      });
    }
    if (hearing.status !== 'closed' && hearing.replyDueOn !== null && hearing.replyDueOn >= today) {
      throw new ConflictProblem(
        `The hearing's reply period runs until ${hearing.replyDueOn}: the order can be issued ` +
          'from the day after, or once the hearing is closed.',
        { hearingId: hearing.id, replyDueOn: hearing.replyDueOn },
      );
    }
    const heard = new Set((hearing.addressees ?? []).map((a) => a.landlordId));
    const unheard = (order.addressees ?? []).filter((a) => !heard.has(a.landlordId));
    if (unheard.length > 0) {
      throw new ConflictProblem(
        `${unheard.map((a) => a.name).join(', ')} ${unheard.length === 1 ? 'is' : 'are'} in charge ` +
          'of the property today but was not heard (§ 28 VwVfG NRW): hear them first, or draft the ' +
          'order with the reason the hearing is skipped.',
        { unheardLandlordIds: unheard.map((a) => a.landlordId) },
      );
    }
  }

  /**
   * Records how the order reached the landlord: the day of notification, each item's due date,
   * the last day to sue. A coercive-fine threat needs formal service (§ 63 VwVG NRW): ordinary
   * post for such an order is refused, and the officer serves it again formally and records that.
   */
  @Transactional()
  async recordService(id: string, input: RecordServiceDto): Promise<OrderDto> {
    const { order, found } = await this.steps.locked(id);
    const before = orderAuditView(order);
    transition(order, 'record_service');
    const delivery = toDelivery(input.delivery);
    this.steps.refuseFutureDays(delivery);
    refuseDaysBefore(delivery, berlinDateOf(order.issuedAt!), 'the day the order was issued');
    const allItems = await this.orders.itemsOf([id]);
    const items = allItems.filter((item) => item.status !== 'withdrawn');
    const threatening = items.filter((item) => item.threatenedFineCents !== null);
    if (threatening.length > 0 && !isFormalService(delivery.method)) {
      throw new ValidationProblem([
        {
          field: 'delivery.method',
          message:
            `item(s) ${threatening.map((item) => item.number).join(', ')} threaten a coercive fine: ` +
            'the order must be served formally (§ 63 VwVG NRW) by postal service certificate, ' +
            'registered mail or personal delivery',
        },
      ]);
    }
    const dates = orderDates({
      delivery,
      notifiedAt: input.notifiedAt ? new Date(input.notifiedAt) : null,
      items: items.map((item) => ({
        id: item.id,
        period: { unit: item.periodUnit, amount: item.periodAmount },
      })),
      legalRemedyInstructions: order.legalRemedyInstructions,
    });
    if (!dates.ok) {
      throw new ValidationProblem([{ field: dates.error.field, message: dates.error.message }]);
    }
    order.delivery = delivery;
    order.notifiedOn = dates.value.notification.notifiedOn;
    order.notifiedAt = dates.value.notifiedAt;
    order.notificationRule = dates.value.notification.rule.id;
    order.challengeEndsOn = dates.value.challengeEndsOn;
    for (const due of dates.value.items) {
      const item = items.find((candidate) => candidate.id === due.id)!;
      item.dueOn = due.dueOn;
      item.dueAt = due.dueAt;
    }
    await this.orders.saveItems(items);
    // The order's own fine threats, served formally with it (checked above).
    const threats = await this.orders.insertThreats(
      threatening.map((item) => ({
        itemId: item.id,
        measure: 'coercive_fine',
        amountCents: item.threatenedFineCents,
        costEstimateCents: null,
        threatenedIn: 'order',
        threatenedOn: berlinDateOf(order.issuedAt!),
        periodDays: null,
        dueOn: null,
        servedOn: order.notifiedOn,
      })),
    );
    await this.audit.recordMany(
      threats.map((threat) => ({
        action: 'order_item_threat.served',
        entityType: 'order_item_threat',
        entityId: threat.id,
        after: threatAuditView(threat),
      })),
    );
    const served = await this.steps.commit(order, before, 'order.served', [
      { caseId: found.id, orderId: id, kind: 'order-served' },
    ]);
    return (await this.steps.closeIfEnded(order, found.id)) ?? served;
  }

  @Transactional()
  async withdraw(id: string, input: WithdrawOrderDto): Promise<OrderDto> {
    const { order, found } = await this.steps.locked(id);
    const before = orderAuditView(order);
    transition(order, 'withdraw');
    order.withdrawnReason = input.reason;
    return this.steps.commit(order, before, 'order.withdrawn', [
      { caseId: found.id, orderId: id, kind: 'order-withdrawn' },
    ]);
  }

  /** A suit at the administrative court: the order is challenged until the court decides. */
  @Transactional()
  async recordSuit(id: string, input: RecordSuitDto): Promise<OrderDto> {
    const { order, found } = await this.steps.locked(id);
    const before = orderAuditView(order);
    this.steps.checkDay('filedOn', input.filedOn, order.notifiedOn, 'the day of notification');
    if (isLateSuit(input.filedOn, order.challengeEndsOn)) {
      // On file, but it neither suspends the order nor undoes its finality (§ 74 VwGO).
      const step = orderTransition(order.status, 'record_suit');
      if (!step.ok) {
        throw new ConflictProblem(step.reason, {
          orderStatus: order.status,
          command: 'record_suit',
        });
      }
      order.suitFiledOn = input.filedOn;
      order.suitLate = true;
      return this.steps.commit(order, before, 'order.suit_late', [
        { caseId: found.id, orderId: id, kind: 'order-suit-late' },
      ]);
    }
    transition(order, 'record_suit');
    order.suitFiledOn = input.filedOn;
    order.suitLate = false;
    return this.steps.commit(order, before, 'order.challenged', [
      { caseId: found.id, orderId: id, kind: 'order-challenged' },
    ]);
  }

  @Transactional()
  async decideSuit(id: string, input: DecideSuitDto): Promise<OrderDto> {
    const { order, found } = await this.steps.locked(id);
    const before = orderAuditView(order);
    transition(order, input.outcome === 'dismissed' ? 'dismiss_suit' : 'set_aside');
    this.steps.checkDay(
      'decidedOn',
      input.decidedOn,
      order.suitFiledOn,
      'the day the suit was filed',
    );
    order.suitOutcome = input.outcome;
    order.suitDecidedOn = input.decidedOn;
    const decided = await this.steps.commit(
      order,
      before,
      input.outcome === 'dismissed' ? 'order.suit_dismissed' : 'order.annulled',
      [{ caseId: found.id, orderId: id, kind: `order-suit-${input.outcome.replace('_', '-')}` }],
    );
    return (await this.steps.closeIfEnded(order, found.id)) ?? decided;
  }
}
