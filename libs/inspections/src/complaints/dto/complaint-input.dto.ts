import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsZonedDateTime, OmittableNotNull, trim } from '@hausakte/platform';
import { PointDto } from '@hausakte/properties';
import { CATEGORY_MESSAGE, COMPLAINT_CATEGORIES } from '../complaint-categories';
import {
  COMPLAINT_SOURCES,
  ComplaintSource,
  DUPLICATE_DECISIONS,
  DuplicateDecision,
} from '../complaint.entity';

const notEmpty = { message: 'must not be empty' };

/** Trims, and a blank value counts as not given. */
const trimToNull = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

const LegalGroundRules = () =>
  applyDecorators(IsIn(COMPLAINT_CATEGORIES, { message: CATEGORY_MESSAGE }));
const TextRules = () =>
  applyDecorators(Transform(trim), IsString(), MinLength(1, notEmpty), MaxLength(10_000));
const LEGAL_GROUND_DOC = {
  enum: COMPLAINT_CATEGORIES,
  description: 'The defect category: a legal ground of the defect catalogue',
};

/** Where the complaint says the problem is. The city is the deployment's own. */
export class ComplaintAddressInputDto {
  @ApiProperty({ example: 'Bahnhofstraße', description: 'Any spelling: "Bahnhofstr." matches' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(200)
  street!: string;

  @ApiProperty({ example: '12a' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(20)
  houseNumber!: string;

  @ApiPropertyOptional({ example: '44623', nullable: true, type: String })
  @IsOptional()
  @Transform(trimToNull)
  @Matches(/^\d{5}$/, { message: 'must be five digits' })
  postcode?: string | null;
}

export class CreateComplaintDto {
  @ApiProperty({ enum: COMPLAINT_SOURCES })
  @IsIn(COMPLAINT_SOURCES, { message: `must be one of ${COMPLAINT_SOURCES.join(', ')}` })
  source!: ComplaintSource;

  @ApiProperty(LEGAL_GROUND_DOC)
  @LegalGroundRules()
  legalGround!: string;

  @ApiProperty({ example: 'Schimmel im Schlafzimmer, Vermieter reagiert nicht.' })
  @TextRules()
  text!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0176 1234567',
    description:
      'How to reach the reporter. Personal data: refused for anonymous complaints; shown only by GET /complaints/{id}, which records the read.',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(500)
  reporterContact?: string | null;

  @ApiPropertyOptional({
    example: '2026-11-20T09:30:00+01:00',
    description: 'When the complaint came in; now if absent, never in the future',
  })
  @IsOptional()
  @IsZonedDateTime()
  receivedAt?: string;

  @ApiPropertyOptional({
    type: () => ComplaintAddressInputDto,
    nullable: true,
    description: 'The address named; give it, a location, or both',
  })
  @IsOptional()
  @IsObject({ message: 'must be an address object' })
  @ValidateNested()
  @Type(() => ComplaintAddressInputDto)
  address?: ComplaintAddressInputDto | null;

  @ApiPropertyOptional({
    type: PointDto,
    nullable: true,
    description: 'A point set on the map, inside the city',
  })
  @IsOptional()
  @IsObject({ message: 'must be a GeoJSON point' })
  @ValidateNested()
  @Type(() => PointDto)
  location?: PointDto | null;
}

/** Link to a property, correct the text or category, or decide on a possible duplicate. */
export class UpdateComplaintDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Links the complaint to this property by hand (match becomes "manual")',
  })
  @OmittableNotNull()
  @IsUUID('all', { message: 'must be a UUID' })
  propertyId?: string;

  @ApiPropertyOptional(LEGAL_GROUND_DOC)
  @OmittableNotNull()
  @LegalGroundRules()
  legalGround?: string;

  @ApiPropertyOptional()
  @OmittableNotNull()
  @TextRules()
  text?: string;

  @ApiPropertyOptional({
    enum: DUPLICATE_DECISIONS,
    description: 'The verdict on possibleDuplicateOf; 409 when there is none to decide',
  })
  @OmittableNotNull()
  @IsIn(DUPLICATE_DECISIONS, { message: `must be one of ${DUPLICATE_DECISIONS.join(', ')}` })
  duplicateDecision?: DuplicateDecision;
}
