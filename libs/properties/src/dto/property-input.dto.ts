import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { OmittableNotNull, trim } from '@hausakte/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PointDto } from './point.dto';

const notEmpty = { message: 'must not be empty' };

export class AddressInputDto {
  @ApiProperty({ example: 'Bahnhofstraße' })
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

  @ApiProperty({ example: '44623' })
  @Transform(trim)
  @Matches(/^\d{5}$/, { message: 'must be five digits' })
  postcode!: string;

  @ApiProperty({ example: 'Herne' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(100)
  city!: string;

  @ApiPropertyOptional({ example: 'Herne-Mitte', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  district?: string | null;

  @ApiPropertyOptional({ description: 'One address is primary; without a mark, the first.' })
  @IsOptional()
  @IsBoolean()
  isPrimary?: boolean;
}

export class UnitInputDto {
  @ApiProperty({ example: 'EG links' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(60)
  label!: string;

  @ApiPropertyOptional({
    example: 0,
    nullable: true,
    description: '0 = ground floor, -1 = basement',
  })
  @IsOptional()
  @IsInt()
  @Min(-5)
  @Max(200)
  floor?: number | null;

  @ApiPropertyOptional({ example: 54.5, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'must be a number with at most 2 decimals' })
  @Min(0.01, { message: 'must be greater than 0' })
  @Max(99999)
  areaM2?: number | null;

  @ApiPropertyOptional({ example: 2.5, nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'must be a number with at most 1 decimal' })
  @Min(0)
  @Max(99)
  rooms?: number | null;
}

export class BuildingInputDto {
  @ApiProperty({ example: 'Vorderhaus' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(60)
  label!: string;

  @ApiPropertyOptional({ example: 1912, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(2100)
  yearBuilt?: number | null;

  @ApiPropertyOptional({ type: [UnitInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => UnitInputDto)
  units?: UnitInputDto[];
}

export class CreatePropertyDto {
  @ApiProperty({ type: PointDto })
  @ValidateNested()
  @Type(() => PointDto)
  location!: PointDto;

  @ApiPropertyOptional({ example: 'Gemarkung Herne, Flur 3, Flurstück 112', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  parcelRef?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @ApiProperty({ type: [AddressInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one address' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AddressInputDto)
  addresses!: AddressInputDto[];

  @ApiPropertyOptional({ type: [BuildingInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BuildingInputDto)
  buildings?: BuildingInputDto[];
}

export class UpdatePropertyDto {
  @ApiPropertyOptional({ type: PointDto })
  @OmittableNotNull()
  @ValidateNested()
  @Type(() => PointDto)
  location?: PointDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  parcelRef?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [AddressInputDto], description: 'Replaces all addresses.' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one address' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AddressInputDto)
  addresses?: AddressInputDto[];
}

export class AddUnitDto extends UnitInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The building; or give buildingLabel' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  buildingId?: string;

  @ApiPropertyOptional({
    example: 'Hinterhaus',
    description: 'Created if the property has none of that name',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(60)
  buildingLabel?: string;
}

/** Every field may be left out; the label may not be cleared, the measurements may (null). */
export class UpdateUnitDto extends OmitType(PartialType(UnitInputDto), ['label'] as const) {
  @ApiPropertyOptional({ example: 'EG links' })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(60)
  label?: string;
}
