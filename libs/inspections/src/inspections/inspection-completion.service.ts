import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { Outbox } from '@hausakte/jobs';
import {
  AuditTrail,
  berlinDateOf,
  CLOCK_SKEW_MS,
  ConflictProblem,
  FieldError,
  NotFoundProblem,
  requestHash,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { CatalogueService } from '../catalogue/catalogue.service';
import { isOpenDefect, statusAfterCheck } from '../defects/defect-lifecycle';
import { DefectRepository, NewDefect } from '../defects/defect.repository';
import { isFieldError, resolveSeverity } from '../defects/severity-override';
import { assessOccupancy } from '../occupancy/occupancy-count';
import { OccupancyDto } from '../occupancy/occupancy.dto';
import { NewOccupancy, OccupancyRepository } from '../occupancy/occupancy.repository';
import type { CompleteInspectionDto } from './inspection-input.dto';
import type { InspectionDetailDto } from './inspection.dto';
import type { Inspection } from './inspection.entity';
import { InspectionRepository } from './inspection.repository';
import { InspectionsService } from './inspections.service';
import { PropertyFacts, UnitFact } from './property-facts.repository';

/** No access: the new visit is proposed a week later at the same time, unless the inspector says when. */
const REVISIT_AFTER_DAYS = 7;

/** Finds duplicates in a list by a key. */
function repeated<T>(items: T[], key: (item: T) => string): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return twice;
}

/**
 * Recording an inspection: one command, one transaction. The outcome, the findings, the
 * occupancy counts, the checked-off defects, their audit rows and the outbox events commit
 * together or not at all. Finding ids come from the client, so a retry cannot record twice.
 */
@Injectable()
export class InspectionCompletionService {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly defects: DefectRepository,
    private readonly occupancy: OccupancyRepository,
    private readonly catalogue: CatalogueService,
    private readonly facts: PropertyFacts,
    private readonly reads: InspectionsService,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async complete(
    id: string,
    input: CompleteInspectionDto,
    actor: AuthenticatedUser,
  ): Promise<InspectionDetailDto> {
    const inspection = await this.inspections.findByIdForUpdate(id);
    if (!inspection) throw new NotFoundProblem('Inspection');
    const commandHash = requestHash(input);
    if (inspection.status !== 'planned') return this.repeatOrRefuse(inspection, commandHash);

    const completedAt = input.completedAt ? new Date(input.completedAt) : new Date();
    if (completedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new ValidationProblem([{ field: 'completedAt', message: 'must not be in the future' }]);
    }
    // The day picks the § 10 rule set: a visit cannot end before it was planned.
    if (completedAt.getTime() < inspection.createdAt.getTime() - CLOCK_SKEW_MS) {
      throw new ValidationProblem([
        { field: 'completedAt', message: 'must not be before the inspection was planned' },
      ]);
    }
    inspection.completionHash = commandHash;

    if (input.outcome === 'no_access') {
      await this.recordNoAccess(inspection, input, completedAt, actor);
      return this.reads.detail(id, { occupancy: [], checks: [] });
    }
    return this.reads.detail(id, await this.recordDone(inspection, input, completedAt, actor));
  }

  /**
   * A retry of the command that already committed (its answer and key were lost) gets the record
   * again; any other command on a finished inspection is a conflict, never silently dropped.
   */
  private async repeatOrRefuse(
    inspection: Inspection,
    commandHash: string,
  ): Promise<InspectionDetailDto> {
    if (inspection.completionHash === commandHash) return this.reads.get(inspection.id);
    throw new ConflictProblem(
      inspection.completionHash === null
        ? `The inspection is already ${inspection.status}.`
        : `The inspection is already ${inspection.status}, recorded by another command.`,
      { inspectionStatus: inspection.status },
    );
  }

  private async recordNoAccess(
    inspection: Inspection,
    input: CompleteInspectionDto,
    completedAt: Date,
    actor: AuthenticatedUser,
  ): Promise<void> {
    const errors: FieldError[] = [];
    for (const field of ['findings', 'occupancy', 'checks'] as const) {
      if (input[field].length > 0) {
        errors.push({ field, message: 'must be empty when there was no access' });
      }
    }
    if (errors.length > 0) throw new ValidationProblem(errors);

    inspection.status = 'no_access';
    inspection.completedAt = completedAt;
    inspection.completedBy = actor.id;
    inspection.outcomeReason = input.noAccessReason ?? null;
    inspection.notes = input.notes ?? null;
    await this.inspections.recordOutcome(inspection);

    const revisitAt = input.revisitAt
      ? new Date(input.revisitAt)
      : await this.inspections.sameTimeDaysLater(
          new Date(Math.max(inspection.scheduledAt.getTime(), completedAt.getTime())),
          REVISIT_AFTER_DAYS,
        );
    if (revisitAt.getTime() <= completedAt.getTime()) {
      throw new ValidationProblem([
        { field: 'revisitAt', message: 'must be after the visit without access' },
      ]);
    }
    const inspectorIds = await this.inspections.inspectorIdsOf(inspection.id);
    const revisit = await this.inspections.insert(
      {
        propertyId: inspection.propertyId,
        kind: inspection.kind,
        status: 'planned',
        scheduledAt: revisitAt,
        reason: inspection.reason,
        jointPartners: inspection.jointPartners,
        complaintId: inspection.complaintId,
        followsInspectionId: inspection.id,
        plannedBy: actor.id,
        completedAt: null,
        completedBy: null,
        outcomeReason: null,
        notes: null,
        completionHash: null,
      },
      inspectorIds,
    );

    await this.audit.recordMany([
      {
        action: 'inspection.no_access',
        entityType: 'inspection',
        entityId: inspection.id,
        after: {
          reason: inspection.outcomeReason,
          completedAt: completedAt.toISOString(),
          revisitInspectionId: revisit.id,
        },
      },
      {
        action: 'inspection.planned',
        entityType: 'inspection',
        entityId: revisit.id,
        after: {
          propertyId: revisit.propertyId,
          kind: revisit.kind,
          scheduledAt: revisitAt.toISOString(),
          followsInspectionId: inspection.id,
          inspectorIds,
        },
      },
    ]);
    await this.outbox.add({
      job: 'inspection-completed',
      jobId: `inspection-completed-${inspection.id}`,
      payload: { inspectionId: inspection.id, propertyId: inspection.propertyId },
    });
  }

  private async recordDone(
    inspection: Inspection,
    input: CompleteInspectionDto,
    completedAt: Date,
    actor: AuthenticatedUser,
  ): Promise<Pick<InspectionDetailDto, 'occupancy' | 'checks'>> {
    const units = await this.facts.unitsOf(inspection.propertyId);
    const inspectionDate = berlinDateOf(completedAt);
    const findings = await this.checkFindings(inspection, input, units, actor);
    const occupancy = this.checkOccupancy(inspection, input, units, inspectionDate);
    const checks = await this.checkChecks(inspection, input);

    inspection.status = 'done';
    inspection.completedAt = completedAt;
    inspection.completedBy = actor.id;
    inspection.notes = input.notes ?? null;
    await this.inspections.recordOutcome(inspection);

    // Finding ids are the client's: one already recorded elsewhere is a conflict, not a repeat.
    const taken = await this.defects.insertNew(findings);
    if (taken.length > 0) {
      throw new ConflictProblem('Findings with these ids exist already, from another inspection.', {
        defectIds: taken,
      });
    }
    await this.occupancy.insertMany(occupancy);
    await this.defects.insertChecks(
      input.checks.map((check) => ({
        inspectionId: inspection.id,
        defectId: check.defectId,
        result: check.result,
        note: check.note ?? null,
      })),
    );
    for (const result of ['remedied', 'not_remedied'] as const) {
      await this.defects.setStatus(
        checks.filter((check) => check.result === result).map((check) => check.defectId),
        statusAfterCheck(result),
      );
    }

    await this.audit.recordMany([
      {
        action: 'inspection.completed',
        entityType: 'inspection',
        entityId: inspection.id,
        after: {
          completedAt: completedAt.toISOString(),
          findingIds: findings.map((finding) => finding.id),
          occupancyUnitIds: occupancy.map((row) => row.unitId),
          checks: checks.map((check) => ({ defectId: check.defectId, result: check.result })),
        },
      },
      ...findings.map((finding) => ({
        action: 'defect.recorded',
        entityType: 'defect',
        entityId: finding.id,
        after: {
          inspectionId: inspection.id,
          catalogueItemId: finding.catalogueItemId,
          unitId: finding.unitId,
          room: finding.room,
          severity: finding.severity,
          severityReason: finding.severityReason,
          description: finding.description,
          status: 'open',
        },
      })),
      ...occupancy.map((row) => ({
        action: 'occupancy.recorded',
        entityType: 'unit',
        entityId: row.unitId,
        after: {
          inspectionId: inspection.id,
          adultsFound: row.adultsFound,
          childrenUnderSixFound: row.childrenUnderSixFound,
          personsRegistered: row.personsRegistered,
          livingAreaM2: row.livingAreaM2,
          outcome: row.outcome,
          ruleSetId: row.ruleSetId,
        },
      })),
      ...checks.map((check) => ({
        action: 'defect.status_changed',
        entityType: 'defect',
        entityId: check.defectId,
        before: { status: check.before },
        after: { status: statusAfterCheck(check.result), inspectionId: inspection.id },
      })),
    ]);

    await this.outbox.add({
      job: 'inspection-completed',
      jobId: `inspection-completed-${inspection.id}`,
      payload: { inspectionId: inspection.id, propertyId: inspection.propertyId },
    });
    for (const check of checks.filter((candidate) => candidate.result === 'not_remedied')) {
      await this.outbox.add({
        job: 'defect-not-remedied',
        jobId: `defect-not-remedied-${check.defectId}-${inspection.id}`,
        payload: {
          defectId: check.defectId,
          inspectionId: inspection.id,
          propertyId: inspection.propertyId,
        },
      });
    }
    return {
      occupancy: occupancy.map((row) => OccupancyDto.from(row)),
      checks: input.checks.map((check) => ({
        defectId: check.defectId,
        result: check.result,
        note: check.note ?? null,
      })),
    };
  }

  private async checkFindings(
    inspection: Inspection,
    input: CompleteInspectionDto,
    units: UnitFact[],
    actor: AuthenticatedUser,
  ): Promise<NewDefect[]> {
    const errors: FieldError[] = [];
    const twice = repeated(input.findings, (finding) => finding.id);
    const versions = await this.catalogue.versionsForFindings(
      input.findings.map((finding) => finding.catalogueItemId),
    );

    const findings: NewDefect[] = [];
    input.findings.forEach((finding, index) => {
      const at = `findings.${index}.`;
      if (twice.has(finding.id)) errors.push({ field: `${at}id`, message: 'is sent twice' });
      const version = versions.find((candidate) => candidate.id === finding.catalogueItemId);
      if (!version) {
        errors.push({ field: `${at}catalogueItemId`, message: 'is not a catalogue item' });
        return;
      }
      // An older version is fine (a phone offline since the change); a retired entry is not.
      if (version.codeRetired) {
        errors.push({ field: `${at}catalogueItemId`, message: 'is retired from the catalogue' });
        return;
      }
      if (finding.unitId && !units.some((unit) => unit.id === finding.unitId)) {
        errors.push({ field: `${at}unitId`, message: 'is not a unit of this property' });
      }
      const severity = resolveSeverity(finding, version.severity, at);
      if (isFieldError(severity)) {
        errors.push(severity);
        return;
      }
      findings.push({
        id: finding.id,
        propertyId: inspection.propertyId,
        inspectionId: inspection.id,
        unitId: finding.unitId ?? null,
        room: finding.room ?? null,
        catalogueItemId: version.id,
        ...severity,
        description: finding.description,
        position: finding.position ?? null,
        status: 'open',
        createdBy: actor.id,
      });
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    return findings;
  }

  private checkOccupancy(
    inspection: Inspection,
    input: CompleteInspectionDto,
    units: UnitFact[],
    inspectionDate: string,
  ): NewOccupancy[] {
    const errors: FieldError[] = [];
    const twice = repeated(input.occupancy, (count) => count.unitId);
    const rows: NewOccupancy[] = [];
    input.occupancy.forEach((count, index) => {
      const at = `occupancy.${index}.`;
      const unit = units.find((candidate) => candidate.id === count.unitId);
      if (!unit) {
        errors.push({ field: `${at}unitId`, message: 'is not a unit of this property' });
        return;
      }
      if (twice.has(count.unitId))
        errors.push({ field: `${at}unitId`, message: 'is counted twice' });
      const livingAreaM2 = count.livingAreaM2 ?? unit.areaM2;
      if (livingAreaM2 === null) {
        errors.push({
          field: `${at}livingAreaM2`,
          message: 'is needed: the unit has no recorded area',
        });
        return;
      }
      const assessed = assessOccupancy({ ...count, livingAreaM2 }, inspectionDate, at);
      if ('errors' in assessed) {
        errors.push(...assessed.errors);
        return;
      }
      rows.push({
        inspectionId: inspection.id,
        unitId: count.unitId,
        adultsFound: count.adultsFound,
        childrenUnderSixFound: count.childrenUnderSixFound,
        personsRegistered: count.personsRegistered,
        livingAreaM2,
        unitKind: count.unitKind,
        sharedAncillaryRooms: count.sharedAncillaryRooms,
        workerHousing: count.workerHousing,
        ...assessed,
      });
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    return rows;
  }

  private async checkChecks(
    inspection: Inspection,
    input: CompleteInspectionDto,
  ): Promise<Array<{ defectId: string; result: 'remedied' | 'not_remedied'; before: string }>> {
    const errors: FieldError[] = [];
    const twice = repeated(input.checks, (check) => check.defectId);
    const defects = await this.defects.lockByIds(input.checks.map((check) => check.defectId));
    const checks: Array<{ defectId: string; result: 'remedied' | 'not_remedied'; before: string }> =
      [];
    input.checks.forEach((check, index) => {
      const at = `checks.${index}.defectId`;
      const defect = defects.find((candidate) => candidate.id === check.defectId);
      if (!defect || defect.propertyId !== inspection.propertyId) {
        errors.push({ field: at, message: 'is not a defect of this property' });
      } else if (!isOpenDefect(defect.status)) {
        errors.push({ field: at, message: 'is verified already' });
      } else if (twice.has(check.defectId)) {
        errors.push({ field: at, message: 'is checked twice' });
      } else {
        checks.push({ defectId: check.defectId, result: check.result, before: defect.status });
      }
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    return checks;
  }
}
