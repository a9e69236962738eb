import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OmittableNotNull } from '@hausakte/platform';
import { LANDLORD_KINDS, LandlordKind } from '../landlord.entity';
import {
  IsPhoneNumber,
  IsPostcodeOfCountry,
  NOT_EMPTY,
  trim,
  trimEach,
  trimToNull,
} from './field-rules';

const toUpperCase = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class PostalAddressInputDto {
  @ApiProperty({ example: 'Bahnhofstraße' })
  @Transform(trim)
  @IsString()
  @MinLength(1, NOT_EMPTY)
  @MaxLength(200)
  street!: string;

  @ApiProperty({ example: '12a' })
  @Transform(trim)
  @IsString()
  @MinLength(1, NOT_EMPTY)
  @MaxLength(20)
  houseNumber!: string;

  @ApiProperty({ example: '44623', description: 'Five digits in Germany' })
  @Transform(trim)
  @IsPostcodeOfCountry()
  postcode!: string;

  @ApiProperty({ example: 'Herne' })
  @Transform(trim)
  @IsString()
  @MinLength(1, NOT_EMPTY)
  @MaxLength(100)
  city!: string;

  @ApiPropertyOptional({ example: 'DE', default: 'DE', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @Transform(toUpperCase)
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter country code such as DE' })
  country?: string;
}

// Each field's rules once, for create and update alike.
const KindRules = () =>
  applyDecorators(IsIn(LANDLORD_KINDS, { message: `must be one of ${LANDLORD_KINDS.join(', ')}` }));
const NameRules = () =>
  applyDecorators(Transform(trim), IsString(), MinLength(1, NOT_EMPTY), MaxLength(200));
const RegisterNumberRules = () =>
  applyDecorators(IsOptional(), Transform(trimToNull), IsString(), MaxLength(60));
const DirectorsRules = () =>
  applyDecorators(
    Transform(trimEach),
    IsArray({ message: 'must be a list of names' }),
    ArrayMaxSize(20),
    IsString({ each: true, message: 'must be a list of names' }),
    MinLength(1, { each: true, message: 'must not contain an empty name' }),
    MaxLength(200, { each: true }),
  );
const EmailRules = () =>
  applyDecorators(
    IsOptional(),
    Transform(trimToNull),
    IsEmail({}, { message: 'must be an e-mail address' }),
    MaxLength(254),
  );
const PhoneRules = () => applyDecorators(IsOptional(), Transform(trimToNull), IsPhoneNumber());
const PostalAddressRules = () =>
  applyDecorators(
    IsOptional(),
    IsObject({ message: 'must be an address object or null' }),
    ValidateNested(),
    Type(() => PostalAddressInputDto),
  );
const NoteRules = () =>
  applyDecorators(IsOptional(), Transform(trimToNull), IsString(), MaxLength(2000));

const KIND_DOC = { enum: LANDLORD_KINDS };
const POSTAL_DOC = {
  type: () => PostalAddressInputDto,
  nullable: true,
  description: 'Where letters go; null clears it',
};
const UNDELIVERABLE_DOC = {
  type: String,
  nullable: true,
  description: 'Why letters do not arrive (returned post, unknown at the address)',
};

export class CreateLandlordDto {
  @ApiProperty(KIND_DOC)
  @KindRules()
  kind!: LandlordKind;

  @ApiProperty({ example: 'Wohnbau Emscher GmbH' })
  @NameRules()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'HRB 12345' })
  @RegisterNumberRules()
  registerNumber?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['Petra Nowak'], default: [] })
  @OmittableNotNull()
  @DirectorsRules()
  directors?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'info@wohnbau-emscher.example' })
  @EmailRules()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+49 2323 160' })
  @PhoneRules()
  phone?: string | null;

  @ApiPropertyOptional(POSTAL_DOC)
  @PostalAddressRules()
  postalAddress?: PostalAddressInputDto | null;

  @ApiPropertyOptional(UNDELIVERABLE_DOC)
  @NoteRules()
  undeliverableNote?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @NoteRules()
  notes?: string | null;
}

/** Any field of a create; `kind`, `name` and `directors` may be left out but not cleared. */
export class UpdateLandlordDto {
  @ApiPropertyOptional(KIND_DOC)
  @OmittableNotNull()
  @KindRules()
  kind?: LandlordKind;

  @ApiPropertyOptional({ example: 'Wohnbau Emscher GmbH' })
  @OmittableNotNull()
  @NameRules()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'HRB 12345' })
  @RegisterNumberRules()
  registerNumber?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the list; [] clears it' })
  @OmittableNotNull()
  @DirectorsRules()
  directors?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @EmailRules()
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @PhoneRules()
  phone?: string | null;

  @ApiPropertyOptional({ ...POSTAL_DOC, description: 'Replaces the whole address; null clears it' })
  @PostalAddressRules()
  postalAddress?: PostalAddressInputDto | null;

  @ApiPropertyOptional(UNDELIVERABLE_DOC)
  @NoteRules()
  undeliverableNote?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @NoteRules()
  notes?: string | null;
}
