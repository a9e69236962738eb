import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsZonedDateTime, OmittableNotNull, PageQuery, trim } from '@hausakte/platform';
import { PointDto } from '@hausakte/properties';
import { INSPECTION_KINDS, InspectionKind } from './inspection.entity';

const notEmpty = { message: 'must not be empty' };
const uuid = { message: 'must be a UUID' };

export class PlanInspectionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid)
  propertyId!: string;

  @ApiProperty({ enum: INSPECTION_KINDS })
  @IsIn(INSPECTION_KINDS, { message: `must be one of ${INSPECTION_KINDS.join(', ')}` })
  kind!: InspectionKind;

  @ApiProperty({ example: '2026-11-25T09:30:00+01:00' })
  @IsZonedDateTime()
  scheduledAt!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Inspectors (or officers) who go' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one inspector' })
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'must not name anyone twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  inspectorIds!: string[];

  @ApiPropertyOptional({ example: 'Beschwerde einer Mieterin über Schimmel' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['Polizei', 'Ordnungsamt'],
    description: 'Who else attends; required for a joint inspection',
  })
  @ValidateIf((dto: PlanInspectionDto) => dto.kind === 'joint' || dto.jointPartners !== undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'a joint inspection names at least one partner' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true, ...notEmpty })
  @MaxLength(100, { each: true })
  jointPartners?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The complaint this visit follows up' })
  @IsOptional()
  @IsUUID('all', uuid)
  complaintId?: string | null;
}

export class UpdateInspectionDto {
  @ApiPropertyOptional({ example: '2026-11-26T10:00:00+01:00' })
  @OmittableNotNull()
  @IsZonedDateTime()
  scheduledAt?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one inspector' })
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'must not name anyone twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  inspectorIds?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

export class CancelInspectionDto {
  @ApiProperty({ example: 'Eigentümer hat den Termin abgesagt' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(2000)
  reason!: string;
}

export class InspectionQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuid)
  propertyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Inspections this person goes to' })
  @IsOptional()
  @IsUUID('all', uuid)
  inspectorId?: string;

  @ApiPropertyOptional({ enum: ['planned', 'done', 'no_access', 'cancelled'] })
  @IsOptional()
  @IsIn(['planned', 'done', 'no_access', 'cancelled'], {
    message: 'must be planned, done, no_access or cancelled',
  })
  status?: 'planned' | 'done' | 'no_access' | 'cancelled';

  @ApiPropertyOptional({ example: '2026-11-24', description: 'First day (Europe/Berlin)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (Europe/Berlin)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' })
  to?: string;
}

export class DayRouteQueryDto {
  @ApiProperty({ example: '2026-11-24', description: 'The day (Europe/Berlin)' })
  @IsISO8601({ strict: true }, { message: 'must be a date YYYY-MM-DD' })
  date!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Whose day; default: the caller' })
  @IsOptional()
  @IsUUID('all', uuid)
  inspectorId?: string;

  @ApiPropertyOptional({
    example: '7.2201,51.5389',
    description: 'Start point lon,lat; default: the first visit of the day',
  })
  @IsOptional()
  @IsString()
  start?: string;
}

export class FindingInputDto {
  @ApiProperty({ format: 'uuid', description: 'Made by the client; a retry sends the same' })
  @IsUUID('all', uuid)
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The catalogue version (its id)' })
  @IsUUID('all', uuid)
  catalogueItemId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', uuid)
  unitId?: string | null;

  @ApiPropertyOptional({ example: 'Bad', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  room?: string | null;

  @ApiPropertyOptional({ enum: ['A', 'B', 'C'], description: 'Default: the catalogue’s' })
  @IsOptional()
  @IsIn(['A', 'B', 'C'], { message: 'must be A, B or C' })
  severity?: 'A' | 'B' | 'C';

  @ApiPropertyOptional({ description: 'Needed when the severity differs from the catalogue’s' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  severityReason?: string | null;

  @ApiProperty({ example: 'Schimmel an der Außenwand, ca. 2 m²' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ type: PointDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointDto)
  position?: PointDto | null;
}

export class OccupancyInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid)
  unitId!: string;

  @ApiProperty({ minimum: 0, description: 'Occupants aged six or over' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(500)
  adultsFound!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(500)
  childrenUnderSixFound!: number;

  @ApiProperty({ minimum: 0, description: 'Registered at the address (Melderegister)' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(500)
  personsRegistered!: number;

  @ApiPropertyOptional({ description: 'm²; default: the unit’s recorded area' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(0.01, { message: 'must be greater than 0' })
  @Max(100_000)
  livingAreaM2?: number;

  @ApiProperty({ enum: ['flat', 'single_room'] })
  @IsIn(['flat', 'single_room'], { message: 'must be flat or single_room' })
  unitKind!: 'flat' | 'single_room';

  @ApiProperty({ description: 'Single rooms: kitchen, bath or WC shared' })
  @IsBoolean()
  sharedAncillaryRooms!: boolean;

  @ApiProperty({ description: 'Worker housing (Unterkunft für Beschäftigte)' })
  @IsBoolean()
  workerHousing!: boolean;
}

export class DefectCheckInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', uuid)
  defectId!: string;

  @ApiProperty({ enum: ['remedied', 'not_remedied'] })
  @IsIn(['remedied', 'not_remedied'], { message: 'must be remedied or not_remedied' })
  result!: 'remedied' | 'not_remedied';

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

/** Everything an inspection recorded, committed as one. */
export class CompleteInspectionDto {
  @ApiProperty({ enum: ['done', 'no_access'] })
  @IsIn(['done', 'no_access'], { message: 'must be done or no_access' })
  outcome!: 'done' | 'no_access';

  @ApiPropertyOptional({ description: 'When the visit ended; default now; not in the future' })
  @IsOptional()
  @IsZonedDateTime()
  completedAt?: string;

  @ApiPropertyOptional({ description: 'Required for no_access' })
  @ValidateIf((dto: CompleteInspectionDto) => dto.outcome === 'no_access')
  @Transform(trim)
  @IsString({ message: 'a visit without access needs a reason' })
  @MinLength(1, { message: 'a visit without access needs a reason' })
  @MaxLength(2000)
  noAccessReason?: string;

  @ApiPropertyOptional({
    description: 'no_access: when to try again (default: a week later, same time of day in Herne)',
  })
  @IsOptional()
  @IsZonedDateTime()
  revisitAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [FindingInputDto] })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FindingInputDto)
  findings: FindingInputDto[] = [];

  @ApiPropertyOptional({ type: [OccupancyInputDto] })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OccupancyInputDto)
  occupancy: OccupancyInputDto[] = [];

  @ApiPropertyOptional({ type: [DefectCheckInputDto], description: 'Open defects checked off' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DefectCheckInputDto)
  checks: DefectCheckInputDto[] = [];
}
