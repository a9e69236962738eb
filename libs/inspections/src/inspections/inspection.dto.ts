import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PointDto } from '@hausakte/properties';
import { DefectDto } from '../defects/defect.dto';
import { OccupancyDto } from '../occupancy/occupancy.dto';
import type { InspectionKind, InspectionStatus } from './inspection.entity';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;
}

export class InspectionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  propertyId!: string;

  @ApiProperty({ example: 'Bahnhofstraße 12, 44623 Herne' })
  address!: string;

  @ApiProperty({ type: PointDto })
  location!: PointDto;

  @ApiProperty({ enum: ['initial', 'complaint', 'reinspection', 'joint'] })
  kind!: InspectionKind;

  @ApiProperty({ enum: ['planned', 'done', 'no_access', 'cancelled'] })
  status!: InspectionStatus;

  @ApiProperty()
  scheduledAt!: string;

  @ApiPropertyOptional({ nullable: true })
  reason!: string | null;

  @ApiProperty({ type: [String] })
  jointPartners!: string[];

  @ApiProperty({ type: [PersonRefDto] })
  inspectors!: PersonRefDto[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  complaintId!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The visit this repeats' })
  followsInspectionId!: string | null;

  @ApiPropertyOptional({ nullable: true })
  completedAt!: string | null;

  @ApiPropertyOptional({ type: PersonRefDto, nullable: true })
  completedBy!: PersonRefDto | null;

  @ApiPropertyOptional({ nullable: true, description: 'No access or cancellation: why' })
  outcomeReason!: string | null;

  @ApiPropertyOptional({ nullable: true })
  notes!: string | null;

  @ApiProperty()
  version!: number;
}

export class InspectionPageDto {
  @ApiProperty({ type: [InspectionDto] })
  items!: InspectionDto[];

  @ApiProperty()
  total!: number;
}

/** One inspection with what it recorded, and for a planned visit what it should check. */
export class InspectionDetailDto extends InspectionDto {
  @ApiProperty({ type: [DefectDto], description: 'Defects found at this visit' })
  findings!: DefectDto[];

  @ApiProperty({ type: [OccupancyDto] })
  occupancy!: OccupancyDto[];

  @ApiProperty({
    type: [Object],
    description: 'Open defects checked off: { defectId, result, note }',
  })
  checks!: Array<{ defectId: string; result: string; note: string | null }>;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'After no access: the new visit proposed',
  })
  revisitInspectionId!: string | null;

  @ApiProperty({
    type: [DefectDto],
    description: 'The property’s open defects to check off (re-inspections; others may too)',
  })
  openDefects!: DefectDto[];
}

export class DayStopDto extends InspectionDto {
  @ApiProperty({ description: '1, 2, … in the order to visit' })
  stop!: number;

  @ApiProperty({ description: 'Straight-line metres from the previous stop (or the start)' })
  distanceM!: number;
}

export class DayRouteDto {
  @ApiProperty({ example: '2026-11-24' })
  date!: string;

  @ApiProperty({ type: PersonRefDto })
  inspector!: PersonRefDto;

  @ApiProperty({ type: [Number], nullable: true, description: 'The start point [lon, lat]' })
  start!: [number, number] | null;

  @ApiProperty({ type: [DayStopDto] })
  stops!: DayStopDto[];

  @ApiProperty({ description: 'Sum of straight-line metres' })
  totalDistanceM!: number;
}
