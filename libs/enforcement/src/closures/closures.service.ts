import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { InspectionsService } from '@hausakte/inspections';
import { Outbox } from '@hausakte/jobs';
import { LegalCalendar } from '@hausakte/landlords';
import { NotificationsService } from '@hausakte/notifications';
import {
  APP_CONFIG,
  AppConfig,
  AuditTrail,
  berlinDateOf,
  ConflictProblem,
  FieldError,
  NotFoundProblem,
  Page,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { lockOpenCase } from '../cases/case-guard';
import { CaseRepository } from '../cases/case.repository';
import type { EnforcementCase } from '../cases/case.entity';
import type { OrderStatus } from '../orders/order-lifecycle';
import { OrderRepository } from '../orders/order.repository';
import type { Order } from '../orders/order.entity';
import { addDays } from '../rules/legal-date';
import { closureTransition } from './closure-lifecycle';
import { closureDetailErrors } from './closure-rules';
import type {
  ClosureDetailsDto,
  ClosureDto,
  ClosureQueryDto,
  ClosureTransitionDto,
  CreateClosureDto,
} from './closure.dto';
import type { Closure } from './closure.entity';
import { ClosureRepository, ClosureRow, OccupiedUnit } from './closure.repository';
import { EnforcementEvents } from '../deadlines/enforcement-events';
import { onBehalfOf } from '../cases/on-behalf-of';
import { germanDate } from '../letters/letter-composition';

/** The reason the re-letting re-inspections carry (the inspectors' list shows it). */
export const CLOSURE_RECHECK_REASON = 'Kontrolle Wiedervermietungsverbot § 9 WohnStG';

/** Why a released closure's planned re-letting checks are cancelled. */
export const CLOSURE_RELEASED_CANCEL_REASON = 'Schließung aufgehoben';

/**
 * The declaration a closure may stem from: an order of kind `uninhabitability` that has been
 * issued or served (a served one includes the final ones); a challenged one only while it is
 * immediately enforceable, since a suit suspends it otherwise (§ 80 Abs. 1 VwGO).
 */
function declarationRefusal(order: Order): string | null {
  const accepted: OrderStatus[] = ['issued', 'served'];
  if (accepted.includes(order.status)) return null;
  if (order.status === 'challenged' && order.immediatelyEnforceable) return null;
  return (
    `The declaration is ${order.status}: a closure stems only from an issued or served ` +
    'declaration of uninhabitability (or a challenged one that is immediately enforceable).'
  );
}

function toDto(row: ClosureRow): ClosureDto {
  const c = row.closure;
  return {
    id: c.id,
    caseId: c.caseId,
    caseReference: row.caseReference,
    propertyId: c.propertyId,
    propertyAddress: row.propertyAddress,
    orderId: c.orderId,
    status: c.status,
    wholeBuilding: row.unitIds.length === 0,
    unitIds: row.unitIds,
    declaredOn: c.declaredOn,
    immediateDanger: c.immediateDanger,
    moveOutBy: c.moveOutBy,
    replacementHousingOfferedOn: c.replacementHousingOfferedOn,
    replacementHousingBy: c.replacementHousingBy,
    occupantsNotifiedOn: c.occupantsNotifiedOn,
    householdsNotified: c.householdsNotified,
    vacatedOn: c.vacatedOn,
    sealedOn: c.sealedOn,
    releasedOn: c.releasedOn,
    releaseReason: c.releaseReason,
    recheckInspectionId: c.recheckInspectionId,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

/** What the audit trail keeps of a closure: dates and counts, no personal data. */
function auditView(c: Closure): Record<string, unknown> {
  return {
    caseId: c.caseId,
    propertyId: c.propertyId,
    orderId: c.orderId,
    status: c.status,
    declaredOn: c.declaredOn,
    immediateDanger: c.immediateDanger,
    moveOutBy: c.moveOutBy,
    replacementHousingOfferedOn: c.replacementHousingOfferedOn,
    replacementHousingBy: c.replacementHousingBy,
    occupantsNotifiedOn: c.occupantsNotifiedOn,
    householdsNotified: c.householdsNotified,
    vacatedOn: c.vacatedOn,
    sealedOn: c.sealedOn,
    releasedOn: c.releasedOn,
    releaseReason: c.releaseReason,
    recheckInspectionId: c.recheckInspectionId,
    version: c.version,
  };
}

/** What following up a completed re-letting check did. */
export interface RecheckFollowUp {
  /** The next check planned now; null when none was due (or one was planned before). */
  plannedInspectionId: string | null;
  /** Whether the officer was told now of closed units found lived in. */
  reletNotified: boolean;
}

const NOTHING_FOLLOWED: RecheckFollowUp = { plannedInspectionId: null, reletNotified: false };

/** The worker plans the next re-letting check on behalf of the case's officer. */

const DETAIL_FIELDS = [
  'immediateDanger',
  'moveOutBy',
  'replacementHousingOfferedOn',
  'replacementHousingBy',
  'occupantsNotifiedOn',
  'householdsNotified',
] as const;

/**
 * The closure register (§ 9 WohnStG): closures declared from an uninhabitability order, their
 * steps `declared → vacated → sealed → released` (each dated, checked against
 * `closure-lifecycle.ts`, audited and written as an enforcement event), the re-letting watch
 * (a re-inspection planned when the closure is vacated, the next one after each done, all still
 * planned cancelled on release; closed units found lived in reported to the officer) and the
 * map's risk (the `property-changed` job when a closure starts or ends counting).
 */
@Injectable()
export class ClosuresService {
  constructor(
    private readonly closures: ClosureRepository,
    private readonly cases: CaseRepository,
    private readonly orders: OrderRepository,
    private readonly inspections: InspectionsService,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly events: EnforcementEvents,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ClosureQueryDto): Promise<Page<ClosureDto>> {
    const { rows, total } = await this.closures.list(query);
    return { items: rows.map(toDto), total };
  }

  async get(id: string): Promise<ClosureDto> {
    const row = await this.closures.view(id);
    if (!row) throw new NotFoundProblem('Closure');
    return toDto(row);
  }

  @Transactional()
  async create(
    caseId: string,
    input: CreateClosureDto,
    actor: AuthenticatedUser,
  ): Promise<ClosureDto> {
    const found = await lockOpenCase(this.cases, caseId);
    const order = await this.orders.findById(input.orderId);
    if (!order || order.caseId !== caseId) {
      throw new ValidationProblem([{ field: 'orderId', message: 'is not an order of this case' }]);
    }
    if (order.kind !== 'uninhabitability') {
      throw new ValidationProblem([
        {
          field: 'orderId',
          message: `is a ${order.kind} order, not a declaration of uninhabitability (§ 9 WohnStG)`,
        },
      ]);
    }
    const refusal = declarationRefusal(order);
    if (refusal) throw new ConflictProblem(refusal, { orderStatus: order.status });

    const today = this.calendar.today();
    const errors: FieldError[] = [];
    const declaredOn = input.declaredOn ?? today;
    if (declaredOn > today)
      errors.push({ field: 'declaredOn', message: 'must not be in the future' });
    const unitIds = input.unitIds ?? [];
    const known = await this.closures.unitsOfProperty(found.propertyId, unitIds);
    unitIds.forEach((unitId, index) => {
      if (!known.has(unitId)) {
        errors.push({
          field: `unitIds[${index}]`,
          message: 'is not a unit of the case’s property',
        });
      }
    });
    const details = {
      immediateDanger: input.immediateDanger ?? false,
      moveOutBy: input.moveOutBy ?? null,
      replacementHousingOfferedOn: input.replacementHousingOfferedOn ?? null,
      replacementHousingBy: input.replacementHousingBy ?? null,
      occupantsNotifiedOn: input.occupantsNotifiedOn ?? null,
      householdsNotified: input.householdsNotified ?? null,
    };
    errors.push(...closureDetailErrors(details, today));
    if (errors.length > 0) throw new ValidationProblem(errors);

    const created = await this.closures.insert(
      {
        caseId,
        propertyId: found.propertyId,
        orderId: order.id,
        declaredOn,
        ...details,
        vacatedOn: null,
        sealedOn: null,
        releasedOn: null,
        releaseReason: null,
        recheckInspectionId: null,
        createdBy: actor.id,
      },
      unitIds,
    );
    await this.audit.recordMany([
      {
        action: 'closure.declared',
        entityType: 'closure',
        entityId: created.id,
        after: { ...auditView(created), unitIds },
      },
    ]);
    await this.events.record([{ caseId, orderId: order.id, kind: 'closure-declared' }]);
    await this.propertyChanged(created);
    return this.get(created.id);
  }

  /** Records notice, danger, move-out date and replacement housing; a released closure is read-only. */
  @Transactional()
  async update(id: string, input: ClosureDetailsDto): Promise<ClosureDto> {
    const { closure } = await this.locked(id);
    if (closure.status === 'released') {
      throw new ConflictProblem('The closure is released: it is read-only.', {
        closureStatus: closure.status,
      });
    }
    const before = auditView(closure);
    const changed = { ...closure };
    for (const field of DETAIL_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      if (field === 'immediateDanger') changed.immediateDanger = value === null ? false : !!value;
      else (changed as Record<string, unknown>)[field] = value;
    }
    const errors = closureDetailErrors(changed, this.calendar.today());
    if (errors.length > 0) throw new ValidationProblem(errors);
    Object.assign(closure, changed);
    const saved = await this.closures.save(closure);
    await this.audit.record({
      action: 'closure.updated',
      entityType: 'closure',
      entityId: id,
      before,
      after: auditView(saved),
    });
    return this.get(id);
  }

  /**
   * One step along `declared → vacated → sealed → released`, dated (today unless given; never in
   * the future nor before the step before). Vacating plans the first re-letting re-inspection;
   * releasing needs a reason, cancels the re-letting checks still planned and lets the map's
   * risk drop.
   */
  @Transactional()
  async transition(
    id: string,
    input: ClosureTransitionDto,
    actor: AuthenticatedUser,
  ): Promise<ClosureDto> {
    const { closure, found } = await this.locked(id);
    const step = closureTransition(closure.status, input.to);
    if (!step.ok) {
      throw new ConflictProblem(step.reason, { closureStatus: closure.status, to: input.to });
    }
    const today = this.calendar.today();
    const on = input.on ?? today;
    const previous = closure.sealedOn ?? closure.vacatedOn ?? closure.declaredOn;
    const errors: FieldError[] = [];
    if (on > today) errors.push({ field: 'on', message: 'must not be in the future' });
    else if (on < previous) {
      errors.push({ field: 'on', message: `must not be before the step before, ${previous}` });
    }
    if (step.to === 'released' && !input.reason) {
      errors.push({ field: 'reason', message: 'releasing a closure needs its reason' });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);

    const before = auditView(closure);
    closure.status = step.to;
    if (step.to === 'vacated') {
      closure.vacatedOn = on;
      closure.recheckInspectionId = await this.planRecheck(closure, found.officerId, on, actor);
    } else if (step.to === 'sealed') {
      closure.sealedOn = on;
    } else {
      closure.releasedOn = on;
      closure.releaseReason = input.reason!;
      // The re-letting ban ends: the checks still planned go, each audited as cancelled.
      await this.inspections.cancelPlanned(
        await this.closures.plannedRechecks(id),
        CLOSURE_RELEASED_CANCEL_REASON,
        actor,
      );
    }
    const saved = await this.closures.save(closure);
    await this.audit.record({
      action: `closure.${step.to}`,
      entityType: 'closure',
      entityId: id,
      before,
      after: auditView(saved),
    });
    await this.events.record([
      { caseId: saved.caseId, orderId: saved.orderId, kind: `closure-${step.to}` },
    ]);
    if (step.to === 'released') await this.propertyChanged(saved);
    return this.get(id);
  }

  /**
   * Plans the re-inspection that checks the re-letting ban CLOSURE_RECHECK_WEEKS after `from`
   * (the day the closure was vacated, or the day the check before was done; not before today),
   * for the district's inspector or, when the district has none, the case's officer; and links it
   * to the closure and to the check it follows (`closure_rechecks`, one next check per check).
   */
  private async planRecheck(
    closure: Closure,
    officerId: string,
    from: string,
    actor: AuthenticatedUser,
    followsInspectionId: string | null = null,
  ): Promise<string> {
    const inspectorId = (await this.cases.districtInspectorOf(closure.propertyId)) ?? officerId;
    const due = addDays(from, this.config.CLOSURE_RECHECK_WEEKS * 7);
    const day = due < this.calendar.today() ? this.calendar.today() : due;
    const planned = await this.inspections.plan(
      {
        propertyId: closure.propertyId,
        kind: 'reinspection',
        scheduledAt: `${day}T08:00:00Z`,
        inspectorIds: [inspectorId],
        reason: CLOSURE_RECHECK_REASON,
      },
      actor,
    );
    await this.closures.insertRecheck({
      inspectionId: planned.id,
      closureId: closure.id,
      followsInspectionId,
    });
    return planned.id;
  }

  /**
   * The worker's step after an inspection was recorded (`inspection-completed`): when it was a
   * re-letting check of a closure (or its repeat after no access) and was done,
   * - closed units found lived in (a re-let closed flat, a violation of § 9) are reported to the
   *   case's officer, once per check (the notification's key), unless the closure had been
   *   released by the day of the visit;
   * - while the closure is still vacated or sealed, the next check is planned
   *   CLOSURE_RECHECK_WEEKS after the day of the visit, once: the closure row is locked, and the
   *   link "follows this check" is unique in `closure_rechecks`.
   * A visit without access plans nothing here: the inspections lib repeats it a week later.
   */
  @Transactional()
  async followUpRecheck(inspectionId: string): Promise<RecheckFollowUp> {
    const recheck = await this.closures.recheckOf(inspectionId);
    if (!recheck || recheck.status !== 'done' || !recheck.completedAt) return NOTHING_FOLLOWED;
    // Locked as a release locks it: a release waits for this, or this sees it released.
    const closure = (await this.closures.findByIdForUpdate(recheck.closureId))!;
    const visitedOn = berlinDateOf(recheck.completedAt);
    const officerId = await this.closures.officerOf(closure.id);

    let reletNotified = false;
    if (closure.releasedOn === null || closure.releasedOn > visitedOn) {
      const occupied = await this.closures.occupiedClosedUnits(closure.id, inspectionId);
      if (occupied.length > 0) {
        reletNotified = await this.notifyRelet(
          closure,
          officerId,
          inspectionId,
          visitedOn,
          occupied,
        );
      }
    }

    if (closure.status !== 'vacated' && closure.status !== 'sealed') {
      return { plannedInspectionId: null, reletNotified };
    }
    if (await this.closures.recheckFollowing(inspectionId)) {
      return { plannedInspectionId: null, reletNotified };
    }
    const before = auditView(closure);
    const plannedInspectionId = await this.planRecheck(
      closure,
      officerId,
      visitedOn,
      onBehalfOf(officerId),
      inspectionId,
    );
    closure.recheckInspectionId = plannedInspectionId;
    const saved = await this.closures.save(closure);
    await this.audit.record({
      action: 'closure.recheck_planned',
      entityType: 'closure',
      entityId: closure.id,
      before,
      after: { ...auditView(saved), followsInspectionId: inspectionId },
    });
    return { plannedInspectionId, reletNotified };
  }

  private async notifyRelet(
    closure: Closure,
    officerId: string,
    inspectionId: string,
    visitedOn: string,
    occupied: OccupiedUnit[],
  ): Promise<boolean> {
    const row = (await this.closures.view(closure.id))!;
    const units = occupied
      .map((unit) => `${unit.label}: ${unit.persons} ${unit.persons === 1 ? 'Person' : 'Personen'}`)
      .join('\n');
    const sent = await this.notifications.notify({
      dedupKey: `closure-relet-${closure.id}-${inspectionId}`,
      recipientId: officerId,
      kind: 'closure-relet',
      subject: `Geschlossene Wohnung bewohnt: ${row.propertyAddress ?? row.caseReference}`,
      body:
        `Die Kontrolle des Wiedervermietungsverbots (§ 9 WohnStG) am ${germanDate(visitedOn)} ` +
        `hat in geschlossenen Wohnungen Bewohner angetroffen (Vorgang ${row.caseReference}):\n` +
        `${units}\n\nVerstoß gegen die Schließung: nächsten Schritt prüfen.`,
      link: `/vorgaenge/${closure.caseId}`,
      entity: { type: 'closure', id: closure.id },
    });
    return sent.created;
  }

  /** The case first (refusing a closed one), then the closure. */
  private async locked(id: string): Promise<{ closure: Closure; found: EnforcementCase }> {
    const peek = await this.closures.findById(id);
    if (!peek) throw new NotFoundProblem('Closure');
    const found = await lockOpenCase(this.cases, peek.caseId);
    const closure = (await this.closures.findByIdForUpdate(id))!;
    return { closure, found };
  }

  /** A closure not released makes a problem property: the map's risk score follows. */
  private async propertyChanged(closure: Closure): Promise<void> {
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-closure-${closure.id}-${closure.version}`,
      payload: { propertyId: closure.propertyId },
    });
  }
}
