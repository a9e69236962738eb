import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { Outbox } from '@hausakte/jobs';
import { parseLonLat, PropertiesService } from '@hausakte/properties';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  Page,
  Problem,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { DefectRepository } from '../defects/defect.repository';
import { OccupancyRepository } from '../occupancy/occupancy.repository';
import { nearestNeighbourRoute } from './day-route';
import type {
  CancelInspectionDto,
  DayRouteQueryDto,
  InspectionQueryDto,
  PlanInspectionDto,
  UpdateInspectionDto,
} from './inspection-input.dto';
import type {
  DayRouteDto,
  InspectionDetailDto,
  InspectionDto,
  PersonRefDto,
} from './inspection.dto';
import type { Inspection } from './inspection.entity';
import { InspectionRepository } from './inspection.repository';
import { PropertyFacts } from './property-facts.repository';

/** Who may go to an inspection: active inspectors and officers. */
const MAY_INSPECT = new Set(['inspector', 'officer']);

/** What the audit trail keeps of an inspection. */
function auditView(inspection: InspectionDto): Record<string, unknown> {
  return {
    propertyId: inspection.propertyId,
    kind: inspection.kind,
    status: inspection.status,
    scheduledAt: inspection.scheduledAt,
    reason: inspection.reason,
    jointPartners: inspection.jointPartners,
    inspectorIds: inspection.inspectors.map((person) => person.id),
    complaintId: inspection.complaintId,
    outcomeReason: inspection.outcomeReason,
    version: inspection.version,
  };
}

/** An inspector plans and changes only visits they go to themselves ("own", DOMAIN.md Roles). */
function assertMayPlanFor(actor: AuthenticatedUser, inspectorIds: string[]): void {
  if (actor.role === 'inspector' && !inspectorIds.includes(actor.id)) {
    throw new Problem(
      HttpStatus.FORBIDDEN,
      'forbidden',
      'Inspectors plan only inspections they go to themselves.',
    );
  }
}

@Injectable()
export class InspectionsService {
  constructor(
    private readonly properties: PropertiesService,
    private readonly inspections: InspectionRepository,
    private readonly defects: DefectRepository,
    private readonly occupancy: OccupancyRepository,
    private readonly facts: PropertyFacts,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  async list(query: InspectionQueryDto): Promise<Page<InspectionDto>> {
    if (query.from && query.to && query.from > query.to) {
      throw new ValidationProblem([{ field: 'to', message: 'must not be before from' }]);
    }
    return this.inspections.list(query);
  }

  async get(id: string): Promise<InspectionDetailDto> {
    return this.detail(id);
  }

  /**
   * One inspection with its records, read one after the other (they may share the transaction's
   * connection). A command that has just written the occupancy and checks passes them in.
   */
  async detail(
    id: string,
    recorded?: Pick<InspectionDetailDto, 'occupancy' | 'checks'>,
  ): Promise<InspectionDetailDto> {
    const inspection = await this.inspections.view(id);
    if (!inspection) throw new NotFoundProblem('Inspection');
    const findings = await this.defects.viewOfInspection(id);
    const occupancy = recorded?.occupancy ?? (await this.occupancy.ofInspection(id));
    const checks =
      recorded?.checks ??
      (await this.defects.checksOfInspection(id)).map((check) => ({
        defectId: check.defectId,
        result: check.result,
        note: check.note,
      }));
    const revisitInspectionId =
      inspection.status === 'no_access' ? await this.inspections.revisitOf(id) : null;
    const openDefects =
      inspection.status === 'planned'
        ? await this.defects.openOfProperty(inspection.propertyId)
        : [];
    return { ...inspection, findings, occupancy, checks, revisitInspectionId, openDefects };
  }

  @Transactional()
  async plan(input: PlanInspectionDto, actor: AuthenticatedUser): Promise<InspectionDto> {
    assertMayPlanFor(actor, input.inspectorIds);
    await this.checkPlan(input);
    const created = await this.inspections.insert(
      {
        propertyId: input.propertyId,
        kind: input.kind,
        status: 'planned',
        scheduledAt: new Date(input.scheduledAt),
        reason: input.reason ?? null,
        jointPartners: input.jointPartners ?? [],
        complaintId: input.complaintId ?? null,
        followsInspectionId: null,
        plannedBy: actor.id,
        completedAt: null,
        completedBy: null,
        outcomeReason: null,
        notes: null,
        completionHash: null,
      },
      input.inspectorIds,
    );
    const view = (await this.inspections.view(created.id))!;
    await this.audit.record({
      action: 'inspection.planned',
      entityType: 'inspection',
      entityId: created.id,
      after: auditView(view),
    });
    await this.reinspectionChanged(created);
    return view;
  }

  /** Reschedules or reassigns a planned inspection. */
  @Transactional()
  async update(
    id: string,
    expectedVersion: number,
    changes: UpdateInspectionDto,
    actor: AuthenticatedUser,
  ): Promise<InspectionDto> {
    const { inspection, before } = await this.lockPlanned(id, expectedVersion, actor, 'changed');
    if (changes.inspectorIds) {
      assertMayPlanFor(actor, changes.inspectorIds);
      await this.checkInspectors(changes.inspectorIds);
    }

    if (changes.scheduledAt !== undefined) inspection.scheduledAt = new Date(changes.scheduledAt);
    if (changes.reason !== undefined) inspection.reason = changes.reason;
    await this.inspections.save(inspection);
    const current = new Set(before.inspectors.map((person) => person.id));
    const inspectorsChanged =
      changes.inspectorIds !== undefined &&
      (changes.inspectorIds.length !== current.size ||
        changes.inspectorIds.some((inspectorId) => !current.has(inspectorId)));
    if (inspectorsChanged) {
      await this.inspections.setInspectors(id, changes.inspectorIds!);
      await this.inspections.touch(id);
    }

    const after = (await this.inspections.view(id))!;
    if (after.version === before.version) return before;
    await this.audit.record({
      action: 'inspection.updated',
      entityType: 'inspection',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  }

  /** Cancels a planned inspection; a cancelled inspection spawns nothing. */
  @Transactional()
  async cancel(
    id: string,
    expectedVersion: number,
    input: CancelInspectionDto,
    actor: AuthenticatedUser,
  ): Promise<InspectionDto> {
    const { inspection, before } = await this.lockPlanned(id, expectedVersion, actor, 'cancelled');
    inspection.status = 'cancelled';
    inspection.completedAt = new Date();
    inspection.completedBy = actor.id;
    inspection.outcomeReason = input.reason;
    await this.inspections.save(inspection);
    const after = (await this.inspections.view(id))!;
    await this.audit.record({
      action: 'inspection.cancelled',
      entityType: 'inspection',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    await this.reinspectionChanged(inspection);
    return after;
  }

  /**
   * Cancels planned inspections as the consequence of another command in the same transaction
   * (a released closure ends its re-letting checks): no If-Match and no "own" rule, since the
   * caller's command decides it; an inspection no longer planned stays as it is. Audited like a
   * user's cancellation, under the acting user. Returns the ids cancelled.
   */
  @Transactional()
  async cancelPlanned(ids: string[], reason: string, actor: AuthenticatedUser): Promise<string[]> {
    const cancelled: string[] = [];
    // One order of locks for every caller: no deadlock between two such commands.
    for (const id of [...new Set(ids)].sort()) {
      const inspection = await this.inspections.findByIdForUpdate(id);
      if (!inspection || inspection.status !== 'planned') continue;
      const before = (await this.inspections.view(id))!;
      inspection.status = 'cancelled';
      inspection.completedAt = new Date();
      inspection.completedBy = actor.id;
      inspection.outcomeReason = reason;
      await this.inspections.save(inspection);
      const after = (await this.inspections.view(id))!;
      await this.audit.record({
        action: 'inspection.cancelled',
        entityType: 'inspection',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      await this.reinspectionChanged(inspection);
      cancelled.push(id);
    }
    return cancelled;
  }

  /** A re-inspection planned or cancelled: the map shows planned re-inspections. */
  private async reinspectionChanged(inspection: Inspection): Promise<void> {
    if (inspection.kind !== 'reinspection') return;
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-inspection-${inspection.id}-${inspection.status}`,
      payload: { propertyId: inspection.propertyId },
    });
  }

  /** A person's visits of a day in the order to make them: nearest next, from `start`. */
  async dayRoute(query: DayRouteQueryDto, actor: AuthenticatedUser): Promise<DayRouteDto> {
    const inspectorId = query.inspectorId ?? actor.id;
    const [person] = await this.facts.people([inspectorId]);
    if (!person) throw new NotFoundProblem('Inspector');
    const visits = await this.inspections.ofInspectorOnDay(inspectorId, query.date);
    const start = query.start
      ? parseLonLat('start', query.start)
      : (visits[0]?.location.coordinates ?? null);
    if (!start) {
      return {
        date: query.date,
        inspector: personRef(person),
        start: null,
        stops: [],
        totalDistanceM: 0,
      };
    }
    const matrix = await this.inspections.distanceMatrix([
      start,
      ...visits.map((visit) => visit.location.coordinates),
    ]);
    const legs = nearestNeighbourRoute(matrix);
    const stops = legs.map((leg, index) => ({
      ...visits[leg.stop],
      stop: index + 1,
      distanceM: Math.round(leg.distanceM),
    }));
    return {
      date: query.date,
      inspector: personRef(person),
      start,
      stops,
      totalDistanceM: stops.reduce((sum, stop) => sum + stop.distanceM, 0),
    };
  }

  /**
   * A planned inspection, locked for a change by someone who may plan it, at the version the
   * caller saw; with its view before the change.
   */
  private async lockPlanned(
    id: string,
    expectedVersion: number,
    actor: AuthenticatedUser,
    change: 'changed' | 'cancelled',
  ): Promise<{ inspection: Inspection; before: InspectionDto }> {
    const inspection = await this.inspections.findByIdForUpdate(id);
    if (!inspection) throw new NotFoundProblem('Inspection');
    const before = (await this.inspections.view(id))!;
    assertMayPlanFor(
      actor,
      before.inspectors.map((person) => person.id),
    );
    if (inspection.version !== expectedVersion) throw new StaleVersionProblem(before);
    if (inspection.status !== 'planned') {
      throw new ConflictProblem(`A ${inspection.status} inspection cannot be ${change}.`);
    }
    return { inspection, before };
  }

  private async checkPlan(input: PlanInspectionDto): Promise<void> {
    if (!(await this.properties.exists(input.propertyId))) {
      throw new ValidationProblem([{ field: 'propertyId', message: 'is not a known property' }]);
    }
    if (input.complaintId) {
      const complaint = await this.facts.complaintProperty(input.complaintId);
      if (!complaint) {
        throw new ValidationProblem([
          { field: 'complaintId', message: 'is not a known complaint' },
        ]);
      }
      if (complaint.propertyId !== input.propertyId) {
        throw new ValidationProblem([
          {
            field: 'complaintId',
            message: complaint.propertyId
              ? 'is about another property'
              : 'is not linked to a property yet; link it first',
          },
        ]);
      }
    }
    if (input.kind !== 'joint' && input.jointPartners && input.jointPartners.length > 0) {
      throw new ValidationProblem([
        { field: 'jointPartners', message: 'only a joint inspection has partners' },
      ]);
    }
    await this.checkInspectors(input.inspectorIds);
  }

  private async checkInspectors(ids: string[]): Promise<void> {
    const people = await this.facts.people(ids);
    const unfit = ids.filter((id) => {
      const person = people.find((candidate) => candidate.id === id);
      return !person || !person.active || !MAY_INSPECT.has(person.role);
    });
    if (unfit.length > 0) {
      throw new ValidationProblem([
        {
          field: 'inspectorIds',
          message: `not active inspectors or officers: ${unfit.join(', ')}`,
        },
      ]);
    }
  }
}

function personRef(person: { id: string; displayName: string }): PersonRefDto {
  return { id: person.id, displayName: person.displayName };
}
