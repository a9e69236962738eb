import { ApiProperty } from '@nestjs/swagger';
import { RiskFactorDto } from './risk.dto';
import type { MapCaseStage, MapClosureState, MapSeverity } from './map-property.entity';

export class MapCountDto {
  @ApiProperty({ description: 'How many properties the filters select' })
  count!: number;
}

export class MapLandlordRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Only for roles that may read the register (not admins)',
  })
  name!: string | null;
}

export class MapPopupRiskDto {
  @ApiProperty({ minimum: 0, maximum: 100 })
  score!: number;

  @ApiProperty({ enum: [0, 1, 2, 3], description: '0 low, 1 medium, 2 high, 3 critical' })
  class!: 0 | 1 | 2 | 3;

  @ApiProperty({ type: [RiskFactorDto], description: 'Highest first; their points add up' })
  factors!: RiskFactorDto[];

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  computedAt!: string | null;
}

export class MapOpenDefectsDto {
  @ApiProperty() A!: number;
  @ApiProperty() B!: number;
  @ApiProperty() C!: number;
}

/** What the map's popup shows of a property. */
export class MapPopupDto {
  @ApiProperty({ format: 'uuid' })
  propertyId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Bahnhofstraße 12, 44623 Herne' })
  address!: string | null;

  @ApiProperty({ type: [Number], example: [7.22, 51.54], description: '[lon, lat] (WGS84)' })
  location!: [number, number];

  @ApiProperty({ description: 'An open case, an open B or C defect, or a closure not released' })
  problem!: boolean;

  @ApiProperty({ type: MapPopupRiskDto })
  risk!: MapPopupRiskDto;

  @ApiProperty({
    enum: ['none', 'investigation', 'hearing', 'ordered', 'monitoring', 'enforcing', 'closed'],
  })
  caseStage!: MapCaseStage;

  @ApiProperty({ enum: ['none', 'A', 'B', 'C'] })
  severity!: MapSeverity;

  @ApiProperty({ enum: ['none', 'declared', 'vacated', 'sealed', 'released'] })
  closureState!: MapClosureState;

  @ApiProperty() itemOverdue!: boolean;
  @ApiProperty() reinspectionPlanned!: boolean;

  @ApiProperty({ type: MapOpenDefectsDto })
  openDefects!: MapOpenDefectsDto;

  @ApiProperty({ description: 'Pending items of served or challenged orders' })
  openItems!: number;

  @ApiProperty() overdueItems!: number;

  @ApiProperty({ type: String, nullable: true, example: '2026-12-01' })
  nextDeadline!: string | null;

  @ApiProperty({ description: 'Persons found at each unit’s latest count' })
  occupants!: number;

  @ApiProperty({ type: MapLandlordRefDto, nullable: true })
  owner!: MapLandlordRefDto | null;

  @ApiProperty({ type: MapLandlordRefDto, nullable: true })
  manager!: MapLandlordRefDto | null;

  @ApiProperty({ format: 'uuid', description: 'The property page to link to' })
  link!: string;
}
