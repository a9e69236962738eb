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
import type { EnforcementCase } from '../cases/case.entity';
import { HearingRepository } from '../hearings/hearing.repository';
import type { LetterData, LetterTemplateKey } from '../letters/letter-template-content';
import { germanDate } from '../letters/letter-composition';
import { LettersService, type LetterFile } from '../letters/letters.service';
import { type PeriodLength, resolveItemPeriod, type Severity } from '../rules/default-periods';
import { berlinDateOf } from '../rules/legal-date';
import { type Delivery, type DeliveryMethod, isFormalService } from '../rules/notification';
import { nextWorkingDayFrom } from '../rules/nrw-holidays';
import { deliveryLeavingOn, recordedDays, refuseDaysBefore, toDelivery } from './delivery.dto';
import type {
  ChangeItemStatusDto,
  CreateOrderDto,
  DecideSuitDto,
  EscalateItemDto,
  ExtendItemPeriodDto,
  ItemTarget,
  RecordServiceDto,
  RecordSuitDto,
  ServeThreatDto,
  ThreatenItemDto,
  WithdrawOrderDto,
} from './order-input.dto';
import type { OrderDto, OrderProjectionDto } from './order.dto';
import { isFinalOrder, isLateSuit, isOverdueItem, orderDates } from './order-dates';
import {
  enforcementRefusal,
  isEndedItem,
  isLiveOrder,
  isPendingItem,
  itemTransition,
  OrderCommand,
  OrderItemCommand,
  orderTransition,
  runsDeadlines,
} from './order-lifecycle';
import { OrderViews } from './order-views';
import type { OrderItemFixing } from './order-item-fixing.entity';
import type { OrderItemThreat } from './order-item-threat.entity';
import type { OrderItem } from './order-item.entity';
import type { Order } from './order.entity';
import { NewEvent, NewOrderItem, OrderRepository } from './order.repository';
import type { OrderKind } from './order.entity';
import {
  defectText,
  foundOnText,
  frame,
  issuePerAddressee,
  letterAddressee,
  letterDate,
  paragraphsOf,
} from './record-letters';
import { EnforcementEvents } from '../deadlines/enforcement-events';

/** The letter template of each kind of order. */
const ORDER_TEMPLATE: Readonly<Record<OrderKind, LetterTemplateKey>> = {
  repair: 'repair_order',
  uninhabitability: 'uninhabitability_order',
  occupancy: 'occupancy_order',
  cooperation: 'cooperation_order',
};

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

function auditView(order: Order): Record<string, unknown> {
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

function itemAuditView(item: OrderItem): Record<string, unknown> {
  return {
    orderId: item.orderId,
    number: item.number,
    status: item.status,
    dueOn: item.dueOn,
    dueAt: item.dueAt?.toISOString() ?? null,
    statusReason: item.statusReason,
  };
}

function threatAuditView(threat: OrderItemThreat): Record<string, unknown> {
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

function fixingAuditView(fixing: OrderItemFixing): Record<string, unknown> {
  return {
    itemId: fixing.itemId,
    threatId: fixing.threatId,
    measure: fixing.measure,
    amountCents: fixing.amountCents,
    fixedOn: fixing.fixedOn,
    createdBy: fixing.createdBy,
  };
}

const MEASURE_TEXT = {
  coercive_fine: 'a coercive fine',
  substitute_performance: 'substitute performance',
} as const;

const ITEM_COMMANDS: Record<ItemTarget, OrderItemCommand> = {
  complied: 'comply',
  not_complied: 'mark_not_complied',
  closed: 'close',
  withdrawn: 'withdraw',
};

/**
 * Orders with numbered items: drafting from the case's defects, issuing, service and the dates
 * it sets, withdrawal, suits, the items' compliance and escalation. Every command locks the case
 * (then the order), checks the transition against `order-lifecycle.ts`, and writes its audit rows
 * and its enforcement events in the same transaction.
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
    private readonly letters: LettersService,
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
        ...auditView(order),
        items: items.map(({ defectIds, ...item }) => ({ ...item, defectIds })),
      },
    });
    return this.views.one(order);
  }

  /**
   * Issues the draft: the landlords in charge today become its addressees, frozen, and its
   * letters are issued (one per addressee) in the same transaction. Issuing happens once (409
   * after), so an order version is rendered once; the stored PDFs and their hashes are the record.
   */
  @Transactional()
  async issue(id: string, actor: AuthenticatedUser): Promise<OrderDto> {
    const { order, found } = await this.locked(id);
    const before = auditView(order);
    this.transition(order, 'issue');
    const today = this.calendar.today();
    order.addressees = await addresseesFor(this.cases, found.propertyId, today);
    await this.refuseUnheard(order, today);
    const { reference, data } = await this.letterData(order, actor, today);
    order.letterIds = await issuePerAddressee(this.letters, {
      kind: 'order',
      templateKey: ORDER_TEMPLATE[order.kind],
      reference,
      addressees: order.addressees,
      data,
    });
    order.issuedAt = new Date();
    return this.commit(order, before, 'order.issued', []);
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
   * The letter a draft would be issued as today, to its first addressee in charge today; nothing
   * is stored. An issued order's letters are its record: 409, download those instead.
   */
  async letterPreview(id: string, actor: AuthenticatedUser): Promise<Buffer> {
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundProblem('Order');
    if (order.status !== 'draft') {
      throw new ConflictProblem(
        `The order is ${order.status}: its issued letters are the record, download those.`,
        { orderStatus: order.status },
      );
    }
    const { propertyId } = await this.orders.caseLetterFacts(order.caseId);
    const today = this.calendar.today();
    const [first] = await addresseesFor(this.cases, propertyId, today);
    const { reference, data } = await this.letterData(order, actor, today);
    return this.letters.preview(ORDER_TEMPLATE[order.kind], reference, {
      ...data,
      addressee: letterAddressee(first),
    });
  }

  /**
   * The stored PDF of one of the order's letters (404 for a letter that is not this order's).
   * Reading a letter is reading personal data: the audit trail records it, ids only.
   */
  @Transactional()
  async letterFile(id: string, letterId: string): Promise<LetterFile> {
    const order = await this.orders.findById(id);
    if (!order) throw new NotFoundProblem('Order');
    if (!order.letterIds.includes(letterId)) throw new NotFoundProblem('Letter');
    const file = await this.letters.file(letterId);
    await this.audit.record({
      action: 'letter.read',
      entityType: 'letter',
      entityId: letterId,
      after: { orderId: id, caseId: order.caseId },
    });
    return file;
  }

  /**
   * The order's letter data but the addressee: its items with their periods as periods (the
   * letter never names a due date: those exist once service is recorded), the fine per item,
   * immediate enforcement with its reasons, the facts found and the hearing (or why it was
   * skipped). The legal basis and the instructions on legal remedies are the template's.
   */
  private async letterData(
    order: Order,
    actor: AuthenticatedUser,
    date: string,
  ): Promise<{ reference: string; data: Omit<LetterData, 'addressee'> }> {
    const facts = await this.orders.caseLetterFacts(order.caseId);
    const items = (await this.orders.itemsOf([order.id])).filter(
      (item) => item.status !== 'withdrawn',
    );
    const itemDefects = await this.orders.itemDefects(items.map((item) => item.id));
    const defects = await this.orders.defectLetterFacts([
      ...new Set([...itemDefects.values()].flatMap((entry) => entry.defectIds)),
    ]);
    const reasoning: string[] = [];
    if (defects.length > 0) {
      reasoning.push(
        `Bei der Überprüfung des Grundstücks${foundOnText(defects)} hat die Wohnungsaufsicht folgende Mängel festgestellt:`,
        ...defects.map((defect) => `– ${defectText(defect)}`),
      );
    }
    if (order.hearingId) {
      const hearing = await this.hearings.findById(order.hearingId);
      const sentOn = hearing?.delivery
        ? letterDate(
            recordedDays(hearing.delivery).map(([, day]) => day),
            hearing.notifiedOn ?? date,
          )
        : null;
      reasoning.push(
        sentOn
          ? `Mit Schreiben vom ${germanDate(sentOn)} habe ich Sie hierzu nach § 28 Abs. 1 VwVfG NRW angehört.`
          : 'Ich habe Sie hierzu nach § 28 Abs. 1 VwVfG NRW angehört.',
      );
    } else if (order.hearingSkippedReason) {
      reasoning.push(
        'Von einer Anhörung habe ich nach § 28 Abs. 2 VwVfG NRW abgesehen:',
        ...paragraphsOf(order.hearingSkippedReason),
      );
    }
    return {
      reference: facts.reference,
      data: {
        date,
        ...frame(facts, actor),
        items: items.map((item) => ({
          text: item.requirement,
          period: { unit: item.periodUnit, amount: item.periodAmount },
          coerciveFineCents: item.threatenedFineCents,
        })),
        reasoning,
        immediateEnforcement:
          order.immediatelyEnforceable && order.immediateEnforcementReasoning
            ? { reasoning: paragraphsOf(order.immediateEnforcementReasoning) }
            : null,
      },
    };
  }

  /**
   * Records how the order reached the landlord: the day of notification, each item's due date,
   * the last day to sue. A coercive-fine threat needs formal service (§ 63 VwVG NRW): ordinary
   * post for such an order is refused, and the officer serves it again formally and records that.
   */
  @Transactional()
  async recordService(id: string, input: RecordServiceDto): Promise<OrderDto> {
    const { order, found } = await this.locked(id);
    const before = auditView(order);
    this.transition(order, 'record_service');
    const delivery = toDelivery(input.delivery);
    this.refuseFutureDays(delivery);
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
    const served = await this.commit(order, before, 'order.served', [
      { caseId: found.id, orderId: id, kind: 'order-served' },
    ]);
    return (await this.closeIfEnded(order, found.id)) ?? served;
  }

  @Transactional()
  async withdraw(id: string, input: WithdrawOrderDto): Promise<OrderDto> {
    const { order, found } = await this.locked(id);
    const before = auditView(order);
    this.transition(order, 'withdraw');
    order.withdrawnReason = input.reason;
    return this.commit(order, before, 'order.withdrawn', [
      { caseId: found.id, orderId: id, kind: 'order-withdrawn' },
    ]);
  }

  /** A suit at the administrative court: the order is challenged until the court decides. */
  @Transactional()
  async recordSuit(id: string, input: RecordSuitDto): Promise<OrderDto> {
    const { order, found } = await this.locked(id);
    const before = auditView(order);
    this.checkDay('filedOn', input.filedOn, order.notifiedOn, 'the day of notification');
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
      return this.commit(order, before, 'order.suit_late', [
        { caseId: found.id, orderId: id, kind: 'order-suit-late' },
      ]);
    }
    this.transition(order, 'record_suit');
    order.suitFiledOn = input.filedOn;
    order.suitLate = false;
    return this.commit(order, before, 'order.challenged', [
      { caseId: found.id, orderId: id, kind: 'order-challenged' },
    ]);
  }

  @Transactional()
  async decideSuit(id: string, input: DecideSuitDto): Promise<OrderDto> {
    const { order, found } = await this.locked(id);
    const before = auditView(order);
    this.transition(order, input.outcome === 'dismissed' ? 'dismiss_suit' : 'set_aside');
    this.checkDay('decidedOn', input.decidedOn, order.suitFiledOn, 'the day the suit was filed');
    order.suitOutcome = input.outcome;
    order.suitDecidedOn = input.decidedOn;
    const decided = await this.commit(
      order,
      before,
      input.outcome === 'dismissed' ? 'order.suit_dismissed' : 'order.annulled',
      [{ caseId: found.id, orderId: id, kind: `order-suit-${input.outcome.replace('_', '-')}` }],
    );
    return (await this.closeIfEnded(order, found.id)) ?? decided;
  }

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
    const { order, found } = await this.locked(id);
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
      const orderBefore = auditView(order);
      this.transition(order, 'close');
      order.closedAt = new Date();
      return this.commit(order, orderBefore, 'order.closed', [
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
    const { order, found } = await this.locked(id);
    const item = (await this.orders.itemsOf([id])).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundProblem('Order item');
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

  /**
   * A separate threat for an item (§ 63 VwVG NRW): a coercive fine again after one was fixed, or
   * substitute performance with its cost estimate; each with a new period that runs from its
   * formal service. Only for a pending item of a served or challenged order.
   */
  @Transactional()
  async threaten(id: string, itemId: string, input: ThreatenItemDto): Promise<OrderDto> {
    const { order, found } = await this.locked(id);
    const item = (await this.orders.itemsOf([id])).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundProblem('Order item');
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
    this.checkDay('threatenedOn', threatenedOn, order.notifiedOn, 'the order’s notification');
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
    const { order, found } = await this.locked(id);
    const item = (await this.orders.itemsOf([id])).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundProblem('Order item');
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
    this.refuseFutureDays(delivery);
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
    const { order, found } = await this.locked(id);
    const item = (await this.orders.itemsOf([id])).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundProblem('Order item');
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

  /** A served order whose every item is closed or withdrawn is closed (DOMAIN.md, Lifecycles). */
  private async closeIfEnded(order: Order, caseId: string): Promise<OrderDto | null> {
    if (order.status !== 'served') return null;
    const items = await this.orders.itemsOf([order.id]);
    if (!items.every((item) => isEndedItem(item.status))) return null;
    const before = auditView(order);
    this.transition(order, 'close');
    order.closedAt = new Date();
    return this.commit(order, before, 'order.closed', [
      { caseId, orderId: order.id, kind: 'order-closed' },
    ]);
  }

  /** The case first (refusing a closed one), then the order. */
  private async locked(id: string): Promise<{ order: Order; found: EnforcementCase }> {
    const peek = await this.orders.findById(id);
    if (!peek) throw new NotFoundProblem('Order');
    const found = await lockOpenCase(this.cases, peek.caseId);
    const order = (await this.orders.findByIdForUpdate(id))!;
    return { order, found };
  }

  private transition(order: Order, command: OrderCommand): void {
    const step = orderTransition(order.status, command);
    if (!step.ok) throw new ConflictProblem(step.reason, { orderStatus: order.status, command });
    order.status = step.to;
  }

  private async commit(
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
      after: auditView(saved),
    });
    await this.events.record(events);
    return this.views.one(saved);
  }

  private refuseFutureDays(delivery: Delivery): void {
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

  private checkDay(field: string, day: string, notBefore: string | null, what: string): void {
    if (day > this.calendar.today()) {
      throw new ValidationProblem([{ field, message: 'must not be in the future' }]);
    }
    if (notBefore !== null && day < notBefore) {
      throw new ValidationProblem([{ field, message: `must not be before ${what}, ${notBefore}` }]);
    }
  }
}
