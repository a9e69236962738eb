import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OmittableNotNull, PageQuery, trim } from '@hausakte/platform';
import { HearingDto } from '../hearings/hearing.dto';
import { OrderDto } from '../orders/order.dto';
import { CASE_STAGES, CaseStage } from './case-stage';
import { CASE_STATUSES, CaseStatus } from './case.entity';

const uuid = { message: 'must be a UUID' };
const notEmpty = { message: 'must not be empty' };

class DefectIdsRules {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one defect' })
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'must not name a defect twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  defectIds!: string[];
}

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid)
  propertyId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The officer in charge; default: the caller',
  })
  @IsOptional()
  @IsUUID('all', uuid)
  officerId?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Open defects to link' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'must not name a defect twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  defectIds?: string[];
}

export class UpdateCaseDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @OmittableNotNull()
  @IsUUID('all', uuid)
  officerId?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;
}

export class LinkDefectsDto extends DefectIdsRules {}

export class CaseReasonDto {
  @ApiProperty()
  @Transform(trim)
  @IsString({ message: 'must be a reason' })
  @MinLength(1, notEmpty)
  @MaxLength(5000)
  reason!: string;
}

export class CaseQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: 'must be open or closed' })
  status?: CaseStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid)
  officerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid)
  propertyId?: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'WA-2026-00042', description: 'Aktenzeichen' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiPropertyOptional({ nullable: true, example: 'Bahnhofstraße 12, 44623 Herne' })
  propertyAddress!: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: CASE_STAGES, description: 'Derived from its hearings and orders' })
  stage!: CaseStage;
  @ApiProperty({ format: 'uuid' }) officerId!: string;
  @ApiProperty() officerName!: string;
  @ApiPropertyOptional({ nullable: true }) notes!: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) closeReason!: string | null;
  @ApiPropertyOptional({ nullable: true }) reopenReason!: string | null;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'The earliest running deadline: a hearing’s reply or a served order’s item',
  })
  nextDeadline!: string | null;
  @ApiProperty({ description: 'An item of a served order is past due' }) overdue!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}

export class CaseDefectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['A', 'B', 'C'] }) severity!: string;
  @ApiProperty({ enum: ['open', 'reported_done', 'verified', 'not_remedied'] }) status!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ nullable: true }) room!: string | null;
  @ApiPropertyOptional({ nullable: true }) unitLabel!: string | null;
  @ApiProperty({ example: 'S5-3-02' }) catalogueCode!: string;
  @ApiProperty() catalogueTitle!: { de: string; en: string };
}

export class CaseTimelineEntryDto {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'order.served' }) action!: string;
  @ApiProperty({ enum: ['case', 'hearing', 'order', 'order_item'] }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiPropertyOptional({ nullable: true }) actorName!: string | null;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [CaseDefectDto] }) defects!: CaseDefectDto[];
  @ApiProperty({ type: [HearingDto] }) hearings!: HearingDto[];
  @ApiProperty({ type: [OrderDto] }) orders!: OrderDto[];
  @ApiProperty({ type: [CaseTimelineEntryDto], description: 'Oldest first, from the audit trail' })
  @Type(() => CaseTimelineEntryDto)
  timeline!: CaseTimelineEntryDto[];
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty() total!: number;
}
