import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class DashboardQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this district' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  district?: string;
}

export class ClosureCountsDto {
  @ApiProperty() declared!: number;
  @ApiProperty() vacated!: number;
  @ApiProperty() sealed!: number;
  @ApiProperty({ description: 'Released in the last 12 months' }) releasedLast12Months!: number;
}

/** The figures of the whole city, or of one district. */
export class DashboardTotalsDto {
  @ApiProperty({ description: 'Open cases, closed cases, open defect B/C or closure not released' })
  problemProperties!: number;
  @ApiProperty() openCases!: number;
  @ApiProperty({ description: 'Open items of served or challenged orders past their due date' })
  overdueItems!: number;
  @ApiProperty({ description: 'Item and hearing reply deadlines from today to today + 6 days' })
  deadlinesThisWeek!: number;
  @ApiProperty({ description: 'Planned re-inspections' }) reinspectionsPlanned!: number;
  @ApiProperty({ type: ClosureCountsDto }) closures!: ClosureCountsDto;
}

export class DistrictFiguresDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null: properties in no district' })
  districtId!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty() problemProperties!: number;
  @ApiProperty() openCases!: number;
  @ApiProperty() overdueItems!: number;
  @ApiProperty({ description: 'Closures not released' }) activeClosures!: number;
}

export class MonthFiguresDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty() casesOpened!: number;
  @ApiProperty() ordersServed!: number;
  @ApiProperty({ description: 'Item deadlines that passed without compliance' })
  itemsOverdue!: number;
  @ApiProperty() closuresDeclared!: number;
}

export class DashboardDto {
  @ApiProperty({ example: '2026-11-25', description: 'Berlin date the figures are for' })
  today!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) districtId!: string | null;
  @ApiProperty({ type: DashboardTotalsDto }) totals!: DashboardTotalsDto;
  @ApiProperty({ type: [DistrictFiguresDto], description: 'Most problem properties first' })
  districts!: DistrictFiguresDto[];
  @ApiProperty({ type: [MonthFiguresDto], description: 'The last 12 months, oldest first' })
  trend!: MonthFiguresDto[];
}
