import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@hausakte/jobs';
import {
  APP_CONFIG,
  AppConfig,
  AuditTrail,
  ConflictProblem,
  FieldError,
  NotFoundProblem,
  Page,
  RequestContext,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { isInside, PropertiesService } from '@hausakte/properties';
import { duplicateWindowStart, findPossibleDuplicate } from './complaint-duplicates';
import { intakeErrors } from './complaint-intake';
import { matchComplaint, NEARBY_RADIUS_M } from './complaint-matching';
import type { Complaint } from './complaint.entity';
import { ComplaintRepository } from './complaint.repository';
import type { CreateComplaintDto, UpdateComplaintDto } from './dto/complaint-input.dto';
import { ComplaintDto } from './dto/complaint.dto';
import type { ComplaintQueryDto } from './dto/complaint-query.dto';

/** What the audit trail keeps of a complaint: everything but the reporter's contact itself. */
function auditView(complaint: Complaint): Record<string, unknown> {
  return {
    source: complaint.source,
    legalGround: complaint.legalGround,
    text: complaint.text,
    hasReporterContact: complaint.reporterContact !== null,
    receivedAt: complaint.receivedAt.toISOString(),
    street: complaint.street,
    houseNumber: complaint.houseNumber,
    postcode: complaint.postcode,
    location: complaint.location,
    propertyId: complaint.propertyId,
    match: complaint.match,
    possibleDuplicateOf: complaint.possibleDuplicateOf,
    duplicateDecision: complaint.duplicateDecision,
    decidedBy: complaint.decidedBy,
    version: complaint.version,
  };
}

/**
 * Complaints (Meldungen): intake with matching to a property, possible duplicates for a person
 * to decide, corrections. The reporter's contact is shown only by `get`, which records the read.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly properties: PropertiesService,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: ComplaintQueryDto): Promise<Page<ComplaintDto>> {
    const { rows, total } = await this.complaints.list({
      propertyId: query.propertyId,
      legalGround: query.legalGround,
      undecidedDuplicates: query.undecidedDuplicates,
      unmatched: query.unmatched,
      limit: query.limit,
      offset: query.offset,
    });
    const inspections = await this.complaints.inspectionIdsOf(rows.map((row) => row.id));
    const items = rows.map((row) =>
      ComplaintDto.from(row, inspections.get(row.id) ?? [], { showContact: false }),
    );
    return { items, total };
  }

  /** One complaint with the reporter's contact; showing it is recorded in the audit trail. */
  @Transactional()
  async get(id: string): Promise<ComplaintDto> {
    const complaint = await this.complaints.findById(id);
    if (!complaint) throw new NotFoundProblem('Complaint');
    if (complaint.reporterContact !== null) {
      // Which field was shown, never its value: the trail must not become a copy of it.
      await this.audit.record({
        action: 'complaint.contact_read',
        entityType: 'complaint',
        entityId: id,
        after: { fieldsShown: ['reporterContact'] },
      });
    }
    return this.toDto(complaint, { showContact: true });
  }

  @Transactional()
  async create(input: CreateComplaintDto): Promise<ComplaintDto> {
    const given = input.receivedAt !== undefined ? new Date(input.receivedAt) : undefined;
    const errors: FieldError[] = [
      ...intakeErrors({ ...input, receivedAt: given }, new Date()),
      ...this.locationErrors(input.location ?? null),
    ];
    if (errors.length) throw new ValidationProblem(errors);

    const address = input.address ?? null;
    const location = input.location ?? null;
    const byAddress = address ? await this.properties.findAllByAddress(address) : [];
    const { propertyId, match, note } = matchComplaint({
      byAddress,
      nearest:
        byAddress.length === 0 && location !== null
          ? await this.properties.findNearest(location, NEARBY_RADIUS_M)
          : null,
    });
    // Taken before "now" is read: of two complaints recorded at once, the later one is flagged.
    if (propertyId !== null) await this.complaints.lockPropertyComplaints(propertyId);
    const receivedAt = given ?? new Date();
    const possibleDuplicateOf =
      propertyId === null
        ? null
        : await this.possibleDuplicate({ propertyId, legalGround: input.legalGround, receivedAt });

    const complaint = await this.complaints.insert({
      source: input.source,
      legalGround: input.legalGround,
      text: input.text,
      reporterContact: input.reporterContact ?? null,
      street: address?.street ?? null,
      houseNumber: address?.houseNumber ?? null,
      postcode: address?.postcode ?? null,
      location,
      propertyId,
      match,
      possibleDuplicateOf,
      duplicateDecision: null,
      decidedBy: null,
      receivedAt,
      recordedBy: this.actor(),
    });
    await this.audit.record({
      action: 'complaint.created',
      entityType: 'complaint',
      entityId: complaint.id,
      after: auditView(complaint),
    });
    await this.propertyChanged(complaint, null);
    return this.toDto(complaint, { showContact: false, matchNote: note });
  }

  /**
   * Links the complaint to a property by hand, corrects its text or category (both re-check for
   * a possible duplicate), or records a person's verdict on the possible duplicate. A change to
   * nothing writes nothing. A complaint that inspections follow up stays with their property
   * (409). When its property or category changes, the complaints flagged as its possible
   * duplicates no longer repeat it: each is re-checked (`complaint.duplicate_rechecked`).
   */
  @Transactional()
  async update(
    id: string,
    expectedVersion: number,
    changes: UpdateComplaintDto,
  ): Promise<ComplaintDto> {
    const unlocked = await this.complaints.findById(id);
    if (!unlocked) throw new NotFoundProblem('Complaint');
    const relinks = changes.propertyId !== undefined && changes.propertyId !== unlocked.propertyId;
    const recategorises =
      changes.legalGround !== undefined && changes.legalGround !== unlocked.legalGround;
    // The duplicate checks of the properties it leaves and joins, before its row (see the lock).
    const locked = new Set<string>();
    const lockProperties = async (...ids: Array<string | null | undefined>) => {
      const more = ids.filter((p): p is string => typeof p === 'string' && !locked.has(p));
      await this.complaints.lockPropertyComplaints(...more);
      more.forEach((p) => locked.add(p));
    };
    if (relinks || recategorises) await lockProperties(unlocked.propertyId, changes.propertyId);

    const complaint = await this.complaints.findByIdForUpdate(id);
    if (!complaint) throw new NotFoundProblem('Complaint');
    const before = auditView(complaint);
    if (complaint.version !== expectedVersion) {
      throw new StaleVersionProblem(await this.toDto(complaint, { showContact: false }));
    }
    const previousPropertyId = complaint.propertyId;
    const previousLegalGround = complaint.legalGround;

    if (changes.propertyId !== undefined && changes.propertyId !== complaint.propertyId) {
      if (!(await this.properties.exists(changes.propertyId))) {
        throw new ValidationProblem([{ field: 'propertyId', message: 'is not a known property' }]);
      }
      await this.refuseRelinkWithInspections(complaint);
      complaint.propertyId = changes.propertyId;
      complaint.match = 'manual';
    }
    if (changes.legalGround !== undefined) complaint.legalGround = changes.legalGround;
    if (changes.text !== undefined) complaint.text = changes.text;

    const moved = complaint.propertyId !== previousPropertyId;
    const recheck = moved || complaint.legalGround !== previousLegalGround;
    if (recheck) await lockProperties(previousPropertyId, complaint.propertyId);
    if (recheck && complaint.propertyId !== null) {
      const found = await this.possibleDuplicate({
        id: complaint.id,
        propertyId: complaint.propertyId,
        legalGround: complaint.legalGround,
        receivedAt: complaint.receivedAt,
        createdAt: complaint.createdAt,
      });
      if (found !== complaint.possibleDuplicateOf) {
        // A verdict on another complaint says nothing about the new one.
        complaint.possibleDuplicateOf = found;
        complaint.duplicateDecision = null;
        complaint.decidedBy = null;
      }
    }

    if (changes.duplicateDecision !== undefined) {
      if (complaint.possibleDuplicateOf === null) {
        throw new ConflictProblem(
          'This complaint is not flagged as a possible duplicate; there is nothing to decide.',
        );
      }
      if (changes.duplicateDecision !== complaint.duplicateDecision) {
        complaint.duplicateDecision = changes.duplicateDecision;
        complaint.decidedBy = this.actor();
      }
    }

    if (JSON.stringify(auditView(complaint)) === JSON.stringify(before)) {
      return this.toDto(complaint, { showContact: false });
    }
    const saved = await this.complaints.save(complaint);
    await this.audit.record({
      action: 'complaint.updated',
      entityType: 'complaint',
      entityId: id,
      before,
      after: auditView(saved),
    });
    await this.propertyChanged(saved, previousPropertyId);
    if (recheck) await this.recheckFlaggedAsDuplicatesOf(saved, lockProperties);
    return this.toDto(saved, { showContact: false });
  }

  /**
   * 409 when inspections follow up the complaint: they were planned at its property, so a
   * complaint that moved would leave them at another one.
   */
  private async refuseRelinkWithInspections(complaint: Complaint): Promise<void> {
    const inspections = await this.complaints.inspectionsOf(complaint.id);
    if (inspections.length === 0) return;
    const named = inspections
      .map((i) => `${i.id} (${i.status}, ${i.scheduledAt.toISOString()})`)
      .join(', ');
    throw new ConflictProblem(
      `This complaint is followed up by ${inspections.length === 1 ? 'inspection' : 'inspections'} ${named} at its property; it cannot be linked to another property while ${inspections.length === 1 ? 'that inspection refers' : 'they refer'} to it.`,
      { inspectionIds: inspections.map((i) => i.id) },
    );
  }

  /**
   * The complaints flagged as possible duplicates of one whose property or category changed no
   * longer repeat it: the flag and any verdict on it are cleared, and each is checked again (it
   * may now repeat another, earlier complaint of its own property and category). Each change is
   * audited as `complaint.duplicate_rechecked` and queues its property's risk score, since a
   * "duplicate" verdict kept it out of the count.
   */
  private async recheckFlaggedAsDuplicatesOf(
    changed: Complaint,
    lockProperties: (...ids: Array<string | null>) => Promise<void>,
  ): Promise<void> {
    const flagged = await this.complaints.flaggedAsDuplicatesOf(changed.id);
    for (const complaint of flagged) {
      const before = auditView(complaint);
      // Normally the property the changed complaint left, whose lock is held already.
      if (complaint.propertyId !== null) await lockProperties(complaint.propertyId);
      complaint.possibleDuplicateOf =
        complaint.propertyId === null
          ? null
          : await this.possibleDuplicate({
              id: complaint.id,
              propertyId: complaint.propertyId,
              legalGround: complaint.legalGround,
              receivedAt: complaint.receivedAt,
              createdAt: complaint.createdAt,
            });
      if (complaint.possibleDuplicateOf === changed.id) continue; // still repeats it
      complaint.duplicateDecision = null;
      complaint.decidedBy = null;
      const saved = await this.complaints.save(complaint);
      await this.audit.record({
        action: 'complaint.duplicate_rechecked',
        entityType: 'complaint',
        entityId: saved.id,
        before,
        after: { ...auditView(saved), becauseOfChangeTo: changed.id },
      });
      await this.propertyChanged(saved, saved.propertyId);
    }
  }

  /**
   * The most recent earlier complaint of the property and category within 90 days, if any. The
   * caller holds the property's complaint lock.
   */
  private async possibleDuplicate(subject: {
    id?: string;
    propertyId: string;
    legalGround: string;
    receivedAt: Date;
    createdAt?: Date;
  }): Promise<string | null> {
    const candidates = await this.complaints.duplicateCandidates({
      propertyId: subject.propertyId,
      legalGround: subject.legalGround,
      from: duplicateWindowStart(subject.receivedAt),
      to: subject.receivedAt,
    });
    return findPossibleDuplicate(subject, candidates);
  }

  /**
   * The risk score of a property follows its complaints: one job per version of the complaint
   * for the property it is linked to now, and one for the property it left.
   */
  private async propertyChanged(
    complaint: Complaint,
    previousPropertyId: string | null,
  ): Promise<void> {
    const jobId = `property-changed-${complaint.id}-${complaint.version}`;
    if (complaint.propertyId !== null) {
      await this.outbox.add({
        job: 'property-changed',
        jobId,
        payload: { propertyId: complaint.propertyId },
      });
    }
    if (previousPropertyId !== null && previousPropertyId !== complaint.propertyId) {
      await this.outbox.add({
        job: 'property-changed',
        jobId: `${jobId}-previous`,
        payload: { propertyId: previousPropertyId },
      });
    }
  }

  private locationErrors(location: { coordinates: [number, number] } | null): FieldError[] {
    if (location === null) return [];
    const [lon, lat] = location.coordinates;
    const bounds = this.config.CITY_BOUNDS;
    if (isInside(bounds, lon, lat)) return [];
    return [
      {
        field: 'location',
        message: `is outside the city (${bounds.minLon},${bounds.minLat} – ${bounds.maxLon},${bounds.maxLat})`,
      },
    ];
  }

  private actor(): string {
    const actorId = this.context.actorId;
    if (actorId === null) throw new Error('A complaint is recorded by a signed-in user');
    return actorId;
  }

  private async toDto(
    complaint: Complaint,
    options: { showContact: boolean; matchNote?: string | null },
  ): Promise<ComplaintDto> {
    const inspections = await this.complaints.inspectionIdsOf([complaint.id]);
    return ComplaintDto.from(complaint, inspections.get(complaint.id) ?? [], options);
  }
}
