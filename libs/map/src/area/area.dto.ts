import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The request body; exactly one of bbox, polygon, districtId (checked by `parseAreaShape`). */
export class AreaQueryDto {
  @ApiPropertyOptional({
    type: [Number],
    example: [7.19, 51.53, 7.23, 51.55],
    description: '[west, south, east, north] in degrees (WGS84)',
  })
  bbox?: number[];

  @ApiPropertyOptional({
    type: Object,
    description: 'A GeoJSON Polygon (WGS84), at most 2,000 positions',
  })
  polygon?: { type: 'Polygon'; coordinates: number[][][] };

  @ApiPropertyOptional({ format: 'uuid' })
  districtId?: string;

  @ApiPropertyOptional({
    type: Object,
    example: { severity: 'B,C', overdue: 'true' },
    description: 'The map filters as query parameters (docs/api/map.md)',
  })
  filters?: Record<string, unknown>;
}

export class AreaDefectsDto {
  @ApiProperty() A!: number;
  @ApiProperty() B!: number;
  @ApiProperty() C!: number;
}

/** The figures of the properties the filters select inside the area. */
export class AreaFiguresDto {
  @ApiProperty({ description: 'Problem properties (every property with layer=portfolio)' })
  properties!: number;
  @ApiProperty({ type: AreaDefectsDto, description: 'Open defects by severity' })
  openDefects!: AreaDefectsDto;
  @ApiProperty({ description: 'Open items of served or challenged orders' }) openItems!: number;
  @ApiProperty() overdueItems!: number;
  @ApiProperty({ description: 'Properties with a closure not released' }) closures!: number;
  @ApiProperty({ description: 'Persons found at the latest counts' }) occupants!: number;
  @ApiProperty({ description: 'The area’s size on the ground' }) areaKm2!: number;
}
