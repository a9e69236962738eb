import { Injectable } from '@nestjs/common';
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
import type { CreateOwnershipDto, UpdateOwnershipDto } from './dto/ownership-input.dto';
import type { OwnershipDto } from './dto/ownership.dto';
import { LandlordRepository } from './landlord.repository';
import { LandlordNetworksService } from './landlord-networks.service';
import { LegalCalendar } from './legal-calendar';
import type { Ownership, OwnershipRole } from './ownership.entity';
import { endsBeforeItStarts, isCurrentOn, OwnershipPeriod } from './ownership-period';
import {
  OverlappingPeriodError,
  OwnershipRepository,
  OwnershipsOf,
  OwnershipView,
} from './ownership.repository';

export interface PageOptions {
  limit: number;
  offset: number;
}

/** What the audit trail keeps of an ownership. */
function auditView(ownership: Ownership): Record<string, unknown> {
  return {
    propertyId: ownership.propertyId,
    landlordId: ownership.landlordId,
    role: ownership.role,
    validFrom: ownership.validFrom,
    validTo: ownership.validTo,
    version: ownership.version,
  };
}

function overlapConflict(role: OwnershipRole, period: OwnershipPeriod): ConflictProblem {
  return new ConflictProblem(
    `This landlord already holds the role ${role} for this property on some day from ` +
      `${period.validFrom} to ${period.validTo ?? 'open end'}. End or move that period first.`,
  );
}

@Injectable()
export class OwnershipsService {
  constructor(
    private readonly ownerships: OwnershipRepository,
    private readonly landlords: LandlordRepository,
    private readonly audit: AuditTrail,
    private readonly calendar: LegalCalendar,
    private readonly networks: LandlordNetworksService,
    private readonly outbox: Outbox,
  ) {}

  /**
   * The map shows a property's owner and manager (landlord and portfolio filters). The job id
   * is the ownership's version: one job per change, the same one if it were written twice.
   */
  private async propertyChanged(ownership: Ownership): Promise<void> {
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-ownership-${ownership.id}-${ownership.version}`,
      payload: { propertyId: ownership.propertyId },
    });
  }

  async listOfProperty(propertyId: string, page: PageOptions): Promise<Page<OwnershipDto>> {
    if (!(await this.ownerships.propertyExists(propertyId))) throw new NotFoundProblem('Property');
    return this.list({ propertyId }, page);
  }

  /** A landlord's portfolio: the properties they hold or held, with role and period. */
  async listOfLandlord(landlordId: string, page: PageOptions): Promise<Page<OwnershipDto>> {
    if (!(await this.landlords.exists(landlordId))) throw new NotFoundProblem('Landlord');
    return this.list({ landlordId }, page);
  }

  @Transactional()
  async create(propertyId: string, input: CreateOwnershipDto): Promise<OwnershipDto> {
    if (!(await this.ownerships.lockPropertyForOwnershipWrites(propertyId))) {
      throw new NotFoundProblem('Property');
    }
    if (!(await this.landlords.exists(input.landlordId))) {
      throw new ValidationProblem([{ field: 'landlordId', message: 'is not a known landlord' }]);
    }
    const period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
    if (endsBeforeItStarts(period)) {
      throw new ValidationProblem([{ field: 'validTo', message: 'must not be before validFrom' }]);
    }
    let ownership: Ownership;
    try {
      ownership = await this.ownerships.insert({
        propertyId,
        landlordId: input.landlordId,
        role: input.role,
        ...period,
      });
    } catch (error) {
      if (error instanceof OverlappingPeriodError) throw overlapConflict(input.role, period);
      throw error;
    }
    await this.audit.record({
      action: 'ownership.created',
      entityType: 'ownership',
      entityId: ownership.id,
      after: auditView(ownership),
    });
    // A manager's clients follow from the property's ownerships.
    await this.networks.relinkPropertyLandlords(propertyId);
    await this.propertyChanged(ownership);
    return this.view(ownership.id);
  }

  /** Moves or ends the period if `expectedVersion` is still current. */
  @Transactional()
  async update(
    id: string,
    expectedVersion: number,
    changes: UpdateOwnershipDto,
  ): Promise<OwnershipDto> {
    const ownership = await this.ownerships.findByIdForUpdate(id);
    if (!ownership) throw new NotFoundProblem('Ownership');
    if (ownership.version !== expectedVersion) throw new StaleVersionProblem(await this.view(id));
    const before = auditView(ownership);

    const period: OwnershipPeriod = {
      validFrom: changes.validFrom ?? ownership.validFrom,
      validTo: changes.validTo !== undefined ? changes.validTo : ownership.validTo,
    };
    if (endsBeforeItStarts(period)) {
      // Name the field the client sent: the other one is the stored value it ran into.
      throw new ValidationProblem([
        changes.validTo !== undefined
          ? { field: 'validTo', message: `must not be before validFrom (${period.validFrom})` }
          : { field: 'validFrom', message: `must not be after validTo (${period.validTo})` },
      ]);
    }
    if (period.validFrom === ownership.validFrom && period.validTo === ownership.validTo) {
      return this.view(id);
    }
    ownership.validFrom = period.validFrom;
    ownership.validTo = period.validTo;
    let saved: Ownership;
    try {
      saved = await this.ownerships.save(ownership);
    } catch (error) {
      if (error instanceof OverlappingPeriodError) throw overlapConflict(ownership.role, period);
      throw error;
    }
    await this.audit.record({
      action: 'ownership.updated',
      entityType: 'ownership',
      entityId: id,
      before,
      after: auditView(saved),
    });
    await this.networks.relinkPropertyLandlords(saved.propertyId);
    await this.propertyChanged(saved);
    return this.view(id);
  }

  private async list(of: OwnershipsOf, page: PageOptions): Promise<Page<OwnershipDto>> {
    const today = this.calendar.today();
    const { views, total } = await this.ownerships.listViews(of, today, page);
    return { items: views.map((view) => dtoOf(view, today)), total };
  }

  private async view(id: string): Promise<OwnershipDto> {
    const view = await this.ownerships.findView(id);
    if (!view) throw new NotFoundProblem('Ownership');
    return dtoOf(view, this.calendar.today());
  }
}

function dtoOf(view: OwnershipView, today: string): OwnershipDto {
  return { ...view, current: isCurrentOn(view, today) };
}
