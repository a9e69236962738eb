import { ApiProperty } from '@nestjs/swagger';
import { PointDto } from '@hausakte/properties';
import { COMPLAINT_CATEGORIES } from '../complaint-categories';
import {
  COMPLAINT_MATCHES,
  COMPLAINT_SOURCES,
  Complaint,
  ComplaintMatch,
  ComplaintSource,
  DUPLICATE_DECISIONS,
  DuplicateDecision,
} from '../complaint.entity';

export class ComplaintAddressDto {
  @ApiProperty({ example: 'Bahnhofstraße' }) street!: string;
  @ApiProperty({ example: '12a' }) houseNumber!: string;
  @ApiProperty({ type: String, nullable: true, example: '44623' }) postcode!: string | null;
}

/** What a person would register when no property matched: the complaint's own place. */
export class ProposedPropertyDto {
  @ApiProperty({ type: () => ComplaintAddressDto, nullable: true })
  address!: ComplaintAddressDto | null;
  @ApiProperty({ type: PointDto, nullable: true }) location!: PointDto | null;
}

/**
 * A complaint. `reporterContact` is personal data: only GET /complaints/{id} shows it, and that
 * read is recorded in the audit trail; every other answer withholds it (null) and says by
 * `hasReporterContact` whether there is one.
 */
export class ComplaintDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Send as If-Match when changing the complaint.' }) version!: number;
  @ApiProperty({ enum: COMPLAINT_SOURCES }) source!: ComplaintSource;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES, description: 'The defect category' })
  legalGround!: string;
  @ApiProperty() text!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Shown only by GET /complaints/{id} (a recorded read); null elsewhere',
  })
  reporterContact!: string | null;
  @ApiProperty() hasReporterContact!: boolean;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: () => ComplaintAddressDto, nullable: true })
  address!: ComplaintAddressDto | null;
  @ApiProperty({ type: PointDto, nullable: true }) location!: PointDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) propertyId!: string | null;
  @ApiProperty({
    enum: COMPLAINT_MATCHES,
    description:
      'address: by the address named; nearby: the nearest property within 25 m of the point; manual: linked by a person; none: not yet linked',
  })
  match!: ComplaintMatch;
  @ApiProperty({
    type: () => ProposedPropertyDto,
    nullable: true,
    description: 'When match is none: the place to register as a new property',
  })
  proposedProperty!: ProposedPropertyDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'The address names 2 properties (…, …); give the postcode, or link one with PATCH.',
    description:
      'Why match is none when the reason is not plain, e.g. the address names several properties in the city and none was picked. Only in the answer that recorded the complaint; null elsewhere',
  })
  matchNote!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'An earlier complaint of the same property and category within 90 days; a flag for a person, never merged',
  })
  possibleDuplicateOf!: string | null;
  @ApiProperty({ enum: DUPLICATE_DECISIONS, nullable: true, type: String })
  duplicateDecision!: DuplicateDecision | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy!: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Inspections planned for this complaint, by scheduled time',
  })
  inspectionIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static from(
    complaint: Complaint,
    inspectionIds: string[],
    options: { showContact: boolean; matchNote?: string | null },
  ): ComplaintDto {
    const address: ComplaintAddressDto | null =
      complaint.street !== null
        ? {
            street: complaint.street,
            houseNumber: complaint.houseNumber ?? '',
            postcode: complaint.postcode,
          }
        : null;
    const location: PointDto | null = complaint.location
      ? { type: 'Point', coordinates: complaint.location.coordinates as [number, number] }
      : null;
    return {
      id: complaint.id,
      version: complaint.version,
      source: complaint.source,
      legalGround: complaint.legalGround,
      text: complaint.text,
      reporterContact: options.showContact ? complaint.reporterContact : null,
      hasReporterContact: complaint.reporterContact !== null,
      receivedAt: complaint.receivedAt.toISOString(),
      address,
      location,
      propertyId: complaint.propertyId,
      match: complaint.match,
      proposedProperty: complaint.match === 'none' ? { address, location } : null,
      matchNote: complaint.match === 'none' ? (options.matchNote ?? null) : null,
      possibleDuplicateOf: complaint.possibleDuplicateOf,
      duplicateDecision: complaint.duplicateDecision,
      decidedBy: complaint.decidedBy,
      recordedBy: complaint.recordedBy,
      inspectionIds,
      createdAt: complaint.createdAt.toISOString(),
      updatedAt: complaint.updatedAt.toISOString(),
    };
  }
}

export class ComplaintPageDto {
  @ApiProperty({ type: [ComplaintDto], description: 'Latest received first; contact withheld' })
  items!: ComplaintDto[];
  @ApiProperty() total!: number;
}
