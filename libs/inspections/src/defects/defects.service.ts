import { Injectable } from '@nestjs/common';
import { PropertiesService } from '@hausakte/properties';
import { Outbox } from '@hausakte/jobs';
import {
  AuditTrail,
  ConflictProblem,
  NotFoundProblem,
  Page,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { PropertyFacts } from '../inspections/property-facts.repository';
import { canChangeDefectStatus } from './defect-lifecycle';
import { DefectRepository } from './defect.repository';
import type { DefectQueryDto, UpdateDefectDto } from './defect-input.dto';
import type { DefectDto } from './defect.dto';
import { isFieldError, resolveSeverity } from './severity-override';

/** What the audit trail keeps of a defect. */
function auditView(defect: DefectDto): Record<string, unknown> {
  return {
    status: defect.status,
    severity: defect.severity,
    severityReason: defect.severityReason,
    description: defect.description,
    room: defect.room,
    unitId: defect.unitId,
    catalogueItemId: defect.catalogueItem.id,
    version: defect.version,
  };
}

@Injectable()
export class DefectsService {
  constructor(
    private readonly properties: PropertiesService,
    private readonly defects: DefectRepository,
    private readonly facts: PropertyFacts,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  async get(id: string): Promise<DefectDto> {
    const defect = await this.defects.view(id);
    if (!defect) throw new NotFoundProblem('Defect');
    return defect;
  }

  async listOfProperty(propertyId: string, query: DefectQueryDto): Promise<Page<DefectDto>> {
    if (!(await this.properties.exists(propertyId))) throw new NotFoundProblem('Property');
    return this.defects.listOfProperty(propertyId, query);
  }

  /** The open defects a re-inspection of the property checks off. */
  async openOfProperty(propertyId: string): Promise<DefectDto[]> {
    if (!(await this.properties.exists(propertyId))) throw new NotFoundProblem('Property');
    return this.defects.openOfProperty(propertyId);
  }

  /** Changes a defect if `expectedVersion` is current; the status moves along its lifecycle only. */
  @Transactional()
  async update(id: string, expectedVersion: number, changes: UpdateDefectDto): Promise<DefectDto> {
    const defect = await this.defects.findByIdForUpdate(id);
    if (!defect) throw new NotFoundProblem('Defect');
    const before = (await this.defects.view(id))!;
    if (defect.version !== expectedVersion) throw new StaleVersionProblem(before);

    if (changes.status !== undefined && changes.status !== defect.status) {
      if (!canChangeDefectStatus(defect.status, changes.status)) {
        throw new ConflictProblem(
          `A defect cannot go from ${defect.status} to ${changes.status}.`,
          { from: defect.status, to: changes.status },
        );
      }
      defect.status = changes.status;
      defect.statusChangedAt = new Date();
    }
    if (changes.severity !== undefined || changes.severityReason !== undefined) {
      const resolved = resolveSeverity(
        {
          severity: changes.severity ?? defect.severity,
          severityReason:
            changes.severityReason !== undefined ? changes.severityReason : defect.severityReason,
        },
        before.catalogueItem.severity,
        '',
      );
      if (isFieldError(resolved)) throw new ValidationProblem([resolved]);
      Object.assign(defect, resolved);
    }
    if (changes.description !== undefined) defect.description = changes.description;
    if (changes.room !== undefined) defect.room = changes.room;
    if (changes.unitId !== undefined) {
      if (changes.unitId !== null) {
        const units = await this.facts.unitsOf(defect.propertyId);
        if (!units.some((unit) => unit.id === changes.unitId)) {
          throw new ValidationProblem([
            { field: 'unitId', message: 'is not a unit of the defect’s property' },
          ]);
        }
      }
      defect.unitId = changes.unitId;
    }

    // TypeORM writes only changed columns, and nothing (no new version) when none changed.
    await this.defects.save(defect);
    const after = (await this.defects.view(id))!;
    if (after.version === before.version) return before;
    await this.audit.record({
      action: before.status === after.status ? 'defect.updated' : 'defect.status_changed',
      entityType: 'defect',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-defect-${id}-${after.version}`,
      payload: { propertyId: defect.propertyId },
    });
    return after;
  }
}
