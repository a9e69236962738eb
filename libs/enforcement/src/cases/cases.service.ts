import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@hausakte/auth';
import { Outbox } from '@hausakte/jobs';
import { LegalCalendar } from '@hausakte/landlords';
import {
  AuditTrail,
  ConflictProblem,
  FieldError,
  NotFoundProblem,
  Page,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { HearingViews } from '../hearings/hearing-views';
import { HearingRepository } from '../hearings/hearing.repository';
import type { OrderItemStatus, OrderStatus } from '../orders/order-lifecycle';
import { OrderViews } from '../orders/order-views';
import { OrderRepository } from '../orders/order.repository';
import { lockOpenCase } from './case-guard';
import { caseStage } from './case-stage';
import type { EnforcementCase } from './case.entity';
import { CaseRepository, CaseRow } from './case.repository';
import type {
  CaseDetailDto,
  CaseDto,
  CaseQueryDto,
  CreateCaseDto,
  UpdateCaseDto,
} from './case.dto';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';

function toDto(row: CaseRow): CaseDto {
  return {
    id: row.id,
    reference: row.reference,
    propertyId: row.property_id,
    propertyAddress: row.property_address,
    status: row.status,
    stage: caseStage({
      caseStatus: row.status,
      hearingStatuses: row.hearing_statuses,
      orders: row.orders.map((o) => ({
        status: o.status as OrderStatus,
        itemStatuses: o.itemStatuses as OrderItemStatus[],
      })),
    }),
    officerId: row.officer_id,
    officerName: row.officer_name,
    notes: row.notes,
    closedAt: row.closed_at?.toISOString() ?? null,
    closeReason: row.close_reason,
    reopenReason: row.reopen_reason,
    nextDeadline: row.next_deadline,
    overdue: row.overdue,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

function auditView(found: EnforcementCase): Record<string, unknown> {
  return {
    reference: found.reference,
    propertyId: found.propertyId,
    status: found.status,
    officerId: found.officerId,
    notes: found.notes,
    closeReason: found.closeReason,
    reopenReason: found.reopenReason,
    version: found.version,
  };
}

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly hearings: HearingRepository,
    private readonly orders: OrderRepository,
    private readonly hearingViews: HearingViews,
    private readonly orderViews: OrderViews,
    private readonly calendar: LegalCalendar,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly deadlines: DeadlineScheduler,
  ) {}

  async list(query: CaseQueryDto): Promise<Page<CaseDto>> {
    const { rows, total } = await this.cases.list(query, this.calendar.today());
    return { items: rows.map(toDto), total };
  }

  async get(id: string): Promise<CaseDetailDto> {
    const row = await this.cases.view(id, this.calendar.today());
    if (!row) throw new NotFoundProblem('Case');
    // One after another: inside a command they share the transaction's one connection.
    const defects = await this.cases.defectsOf(id);
    const hearings = await this.hearingViews.of(await this.hearings.ofCase(id));
    const orders = await this.orderViews.of(await this.orders.ofCase(id));
    const timeline = await this.cases.timeline(id);
    return { ...toDto(row), defects, hearings, orders, timeline };
  }

  @Transactional()
  async open(input: CreateCaseDto, actor: AuthenticatedUser): Promise<CaseDetailDto> {
    if (!(await this.cases.propertyExists(input.propertyId))) {
      throw new ValidationProblem([{ field: 'propertyId', message: 'is not a known property' }]);
    }
    const officerId = input.officerId ?? actor.id;
    if (!(await this.cases.isActiveOfficer(officerId))) {
      throw new ValidationProblem([{ field: 'officerId', message: 'is not an active officer' }]);
    }
    const existing = await this.cases.openCaseOf(input.propertyId);
    if (existing) {
      throw new ConflictProblem(
        `The property has an open case already: ${existing.reference}. Add to that one.`,
        { caseId: existing.id },
      );
    }
    const created = await this.cases.insert({
      reference: await this.cases.nextReference(this.calendar.today().slice(0, 4)),
      propertyId: input.propertyId,
      status: 'open',
      officerId,
      notes: input.notes ?? null,
      closedAt: null,
      closeReason: null,
      reopenReason: null,
      createdBy: actor.id,
    });
    const linked = await this.linkChecked(created, input.defectIds ?? []);
    await this.audit.recordMany([
      {
        action: 'case.opened',
        entityType: 'case',
        entityId: created.id,
        after: { ...auditView(created), defectIds: linked },
      },
    ]);
    await this.propertyChanged(created);
    return this.get(created.id);
  }

  @Transactional()
  async update(id: string, expectedVersion: number, input: UpdateCaseDto): Promise<CaseDetailDto> {
    const found = await lockOpenCase(this.cases, id);
    if (found.version !== expectedVersion) throw new StaleVersionProblem(await this.get(id));
    const before = auditView(found);
    if (input.officerId !== undefined && input.officerId !== found.officerId) {
      if (!(await this.cases.isActiveOfficer(input.officerId))) {
        throw new ValidationProblem([{ field: 'officerId', message: 'is not an active officer' }]);
      }
      found.officerId = input.officerId;
    }
    if (input.notes !== undefined) found.notes = input.notes;
    const saved = await this.cases.save(found);
    if (saved.version !== expectedVersion) {
      await this.audit.record({
        action: 'case.updated',
        entityType: 'case',
        entityId: id,
        before,
        after: auditView(saved),
      });
    }
    return this.get(id);
  }

  @Transactional()
  async linkDefects(id: string, defectIds: string[]): Promise<CaseDetailDto> {
    const found = await lockOpenCase(this.cases, id);
    const linked = await this.linkChecked(found, defectIds);
    if (linked.length > 0) {
      await this.audit.record({
        action: 'case.defects_linked',
        entityType: 'case',
        entityId: id,
        after: { defectIds: linked },
      });
    }
    return this.get(id);
  }

  @Transactional()
  async close(id: string, reason: string): Promise<CaseDetailDto> {
    const found = await lockOpenCase(this.cases, id);
    const running = await this.cases.runningOrders(id);
    if (running > 0) {
      throw new ConflictProblem(
        `The case has ${running} order(s) issued, served or challenged: close or withdraw them first.`,
        { runningOrders: running },
      );
    }
    const before = auditView(found);
    found.status = 'closed';
    found.closedAt = new Date();
    found.closeReason = reason;
    const saved = await this.cases.save(found);
    await this.audit.record({
      action: 'case.closed',
      entityType: 'case',
      entityId: id,
      before,
      after: auditView(saved),
    });
    await this.deadlines.syncCase(id);
    await this.propertyChanged(saved);
    return this.get(id);
  }

  @Transactional()
  async reopen(id: string, reason: string): Promise<CaseDetailDto> {
    const found = await this.cases.findByIdForUpdate(id);
    if (!found) throw new NotFoundProblem('Case');
    if (found.status !== 'closed') throw new ConflictProblem('The case is open already.');
    const other = await this.cases.openCaseOf(found.propertyId);
    if (other) {
      throw new ConflictProblem(
        `The property has another open case, ${other.reference}: only one can be open.`,
        { caseId: other.id },
      );
    }
    const before = auditView(found);
    found.status = 'open';
    found.closedAt = null;
    found.closeReason = null;
    found.reopenReason = reason;
    const saved = await this.cases.save(found);
    await this.audit.record({
      action: 'case.reopened',
      entityType: 'case',
      entityId: id,
      before,
      after: auditView(saved),
    });
    await this.deadlines.syncCase(id);
    await this.propertyChanged(saved);
    return this.get(id);
  }

  /**
   * Links open defects of the case's property; a defect in this case already is left as it is,
   * one in another case is a conflict (a defect belongs to at most one case).
   */
  private async linkChecked(found: EnforcementCase, defectIds: string[]): Promise<string[]> {
    const facts = new Map((await this.cases.defectFacts(defectIds)).map((f) => [f.id, f]));
    const errors: FieldError[] = [];
    const elsewhere: string[] = [];
    const toLink: string[] = [];
    defectIds.forEach((defectId, index) => {
      const field = `defectIds[${index}]`;
      const fact = facts.get(defectId);
      if (!fact) errors.push({ field, message: 'is not a known defect' });
      else if (fact.propertyId !== found.propertyId) {
        errors.push({ field, message: 'is a defect of another property' });
      } else if (fact.status === 'verified') {
        errors.push({ field, message: 'is verified as remedied: nothing to enforce' });
      } else if (fact.caseId === null) toLink.push(defectId);
      else if (fact.caseId !== found.id) elsewhere.push(defectId);
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    if (elsewhere.length > 0) {
      throw new ConflictProblem('These defects belong to another case already.', {
        defectIds: elsewhere,
      });
    }
    await this.cases.linkDefects(found.id, toLink);
    return toLink;
  }

  /** An open case makes a problem property: the map's risk score follows. */
  private async propertyChanged(found: EnforcementCase): Promise<void> {
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-case-${found.id}-${found.version}`,
      payload: { propertyId: found.propertyId },
    });
  }
}
