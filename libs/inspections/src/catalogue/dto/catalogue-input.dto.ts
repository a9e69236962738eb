import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OmittableNotNull, trim } from '@hausakte/platform';
import { LEGAL_GROUND_IDS } from '@hausakte/inspections/rules';

const notEmpty = { message: 'must not be empty' };

export class BilingualTextDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(300)
  de!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(300)
  en!: string;
}

export class PeriodInputDto {
  @ApiProperty({ enum: ['hours', 'days'] })
  @IsIn(['hours', 'days'], { message: 'must be hours or days' })
  unit!: 'hours' | 'days';

  @ApiProperty({ minimum: 1, maximum: 3650 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(3650)
  amount!: number;
}

export class CreateCatalogueItemDto {
  @ApiProperty({ example: 'S5-3-09', description: 'Stable code: letters, digits and dashes' })
  @Transform(trim)
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,29}$/, {
    message: 'must be 2–30 capital letters, digits or dashes',
  })
  code!: string;

  @ApiProperty({ enum: LEGAL_GROUND_IDS })
  @IsIn(LEGAL_GROUND_IDS, { message: `must be one of ${LEGAL_GROUND_IDS.join(', ')}` })
  legalGround!: string;

  @ApiProperty({ type: BilingualTextDto })
  @ValidateNested()
  @Type(() => BilingualTextDto)
  title!: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  @ValidateNested()
  @Type(() => BilingualTextDto)
  description!: BilingualTextDto;

  @ApiProperty({ enum: ['A', 'B', 'C'] })
  @IsIn(['A', 'B', 'C'], { message: 'must be A, B or C' })
  severity!: 'A' | 'B' | 'C';

  @ApiPropertyOptional({ type: PeriodInputDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodInputDto)
  period?: PeriodInputDto | null;
}

/** A change makes a new version; fields left out keep their value. */
export class UpdateCatalogueItemDto extends PartialType(
  OmitType(CreateCatalogueItemDto, ['code']),
) {
  @ApiPropertyOptional({ description: 'Retired entries are not offered for new findings' })
  @OmittableNotNull()
  @IsBoolean()
  retired?: boolean;
}

export class CatalogueQueryDto {
  @ApiPropertyOptional({ enum: LEGAL_GROUND_IDS })
  @IsOptional()
  @IsIn(LEGAL_GROUND_IDS, { message: `must be one of ${LEGAL_GROUND_IDS.join(', ')}` })
  legalGround?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  includeRetired?: boolean;
}
