import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsLegalDate } from '@hausakte/landlords';
import { PageQuery, trim } from '@hausakte/platform';
import {
  CLOSURE_COMMANDS,
  CLOSURE_STATUSES,
  ClosureCommand,
  ClosureStatus,
} from './closure-lifecycle';
import { REPLACEMENT_HOUSING_PROVIDERS, ReplacementHousingProvider } from './closure.entity';

const uuid = { message: 'must be a UUID' };

/** What the officer records about notice, danger, move-out and replacement housing. */
export class ClosureDetailsDto {
  @ApiPropertyOptional({
    description:
      '§ 9 Abs. 4 WohnStG: immediate danger; the move-out date need not wait for replacement housing',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  immediateDanger?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description:
      'Move-out date. Without immediate danger it needs replacement housing recorded first (§ 9 Abs. 4 WohnStG).',
  })
  @IsOptional()
  @IsLegalDate()
  moveOutBy?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsLegalDate()
  replacementHousingOfferedOn?: string | null;

  @ApiPropertyOptional({
    enum: REPLACEMENT_HOUSING_PROVIDERS,
    nullable: true,
    description: 'Who offered it: the landlord (made to rehouse, § 9 Abs. 5 WohnStG) or the city',
  })
  @IsOptional()
  @IsIn(REPLACEMENT_HOUSING_PROVIDERS, { message: 'must be landlord or city' })
  replacementHousingBy?: ReplacementHousingProvider | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsLegalDate()
  occupantsNotifiedOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    minimum: 0,
    description: 'How many occupant households were notified: a count, no names',
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(10_000)
  householdsNotified?: number | null;
}

export class CreateClosureDto extends ClosureDetailsDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The declaration: an order of kind uninhabitability, issued or served',
  })
  @IsUUID('all', uuid)
  orderId!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: today' })
  @IsOptional()
  @IsLegalDate()
  declaredOn?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The units closed; none: the whole building',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'must not name a unit twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  unitIds?: string[];
}

export class UpdateClosureDto extends ClosureDetailsDto {}

export class ClosureTransitionDto {
  @ApiProperty({ enum: CLOSURE_COMMANDS, description: 'The state to move to' })
  @IsIn(CLOSURE_COMMANDS, { message: 'must be vacated, sealed or released' })
  to!: ClosureCommand;

  @ApiPropertyOptional({ format: 'date', description: 'The day of the step; default: today' })
  @IsOptional()
  @IsLegalDate()
  on?: string;

  @ApiPropertyOptional({ description: 'Required to release' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(2000)
  reason?: string;
}

export class ClosureQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: CLOSURE_STATUSES })
  @IsOptional()
  @IsIn(CLOSURE_STATUSES, { message: 'must be declared, vacated, sealed or released' })
  status?: ClosureStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid)
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid)
  caseId?: string;
}

export class ClosureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'WA-2026-00042' }) caseReference!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiPropertyOptional({ nullable: true }) propertyAddress!: string | null;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: CLOSURE_STATUSES }) status!: ClosureStatus;
  @ApiProperty({ description: 'No units named: the whole building is closed' })
  wholeBuilding!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) unitIds!: string[];
  @ApiProperty({ format: 'date' }) declaredOn!: string;
  @ApiProperty() immediateDanger!: boolean;
  @ApiPropertyOptional({ format: 'date', nullable: true }) moveOutBy!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true })
  replacementHousingOfferedOn!: string | null;
  @ApiPropertyOptional({ enum: REPLACEMENT_HOUSING_PROVIDERS, nullable: true })
  replacementHousingBy!: ReplacementHousingProvider | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) occupantsNotifiedOn!: string | null;
  @ApiPropertyOptional({ nullable: true }) householdsNotified!: number | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) vacatedOn!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) sealedOn!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) releasedOn!: string | null;
  @ApiPropertyOptional({ nullable: true }) releaseReason!: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The re-letting re-inspection planned last',
  })
  recheckInspectionId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}

export class ClosurePageDto {
  @ApiProperty({ type: [ClosureDto] }) items!: ClosureDto[];
  @ApiProperty() total!: number;
}
