import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { LetterData, LetterItem, LetterPeriod } from '../letter-template-content';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = { message: 'must be a date YYYY-MM-DD' };

/**
 * The shapes of a letter's data over HTTP (a preview's sample data). The renderer checks the
 * rest field by field (real dates, periods, fines, printable characters) and answers 422.
 */
export class LetterAddresseeDto {
  @ApiProperty({ example: 'Erika Müller-Lüdenscheidt' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: [String], example: ['Große Straße 5', '44623 Herne'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  addressLines!: string[];

  @ApiPropertyOptional({ example: 'Sehr geehrte Frau Müller-Lüdenscheidt,', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  salutation?: string | null;
}

export class LetterPropertyDto {
  @ApiProperty({ example: 'Bahnhofstraße 12, 44623 Herne' })
  @IsString()
  @MaxLength(200)
  address!: string;
}

export class LetterOfficerDto {
  @ApiProperty({ example: 'Olaf Yıldız' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  email?: string | null;
}

/** `{ unit, amount }` (hours or days after service) or `{ until }` (a fixed last day). */
export class LetterPeriodDto {
  @ApiPropertyOptional({ enum: ['days', 'hours'] })
  @IsOptional()
  @IsIn(['days', 'hours'], { message: 'must be days or hours' })
  unit?: 'days' | 'hours';

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, example: 30 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  amount?: number;

  @ApiPropertyOptional({ example: '2026-04-30', description: 'Not moved off a weekend or holiday' })
  @IsOptional()
  @Matches(DATE, dateMessage)
  until?: string;
}

export class LetterItemDto {
  @ApiProperty({
    example: 'Beseitigen Sie den Schimmelbefall im Schlafzimmer der Wohnung EG links.',
  })
  @IsString()
  @MaxLength(4000)
  text!: string;

  @ApiProperty({ type: LetterPeriodDto })
  @ValidateNested()
  @Type(() => LetterPeriodDto)
  period!: LetterPeriodDto;

  @ApiPropertyOptional({ example: 50000, nullable: true, description: 'Euro cents; none: no fine' })
  @IsOptional()
  @IsInt({ message: 'must be whole cents' })
  coerciveFineCents?: number | null;
}

export class LetterImmediateEnforcementDto {
  @ApiProperty({ type: [String], description: 'The special reasons (§ 80 Abs. 3 VwGO)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(4000, { each: true })
  reasoning!: string[];
}

export class LetterDataDto {
  @ApiProperty({ example: '2026-03-02' })
  @Matches(DATE, dateMessage)
  date!: string;

  @ApiProperty({ type: LetterAddresseeDto })
  @ValidateNested()
  @Type(() => LetterAddresseeDto)
  addressee!: LetterAddresseeDto;

  @ApiProperty({ type: LetterPropertyDto })
  @ValidateNested()
  @Type(() => LetterPropertyDto)
  property!: LetterPropertyDto;

  @ApiProperty({ type: LetterOfficerDto })
  @ValidateNested()
  @Type(() => LetterOfficerDto)
  officer!: LetterOfficerDto;

  @ApiProperty({ type: [LetterItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LetterItemDto)
  items!: LetterItemDto[];

  @ApiPropertyOptional({
    example: '2026-03-20',
    nullable: true,
    description: 'A hearing’s reply date',
  })
  @IsOptional()
  @Matches(DATE, dateMessage)
  replyBy?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true, description: '{{reasoning}}' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(4000, { each: true })
  reasoning?: string[] | null;

  @ApiPropertyOptional({ type: LetterImmediateEnforcementDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LetterImmediateEnforcementDto)
  immediateEnforcement?: LetterImmediateEnforcementDto | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'Values for {{extra.<name>}}',
  })
  @IsOptional()
  @IsObject()
  extra?: Record<string, string> | null;

  /** As the renderer takes it (the period's two shapes told apart there). */
  static toLetterData(dto: LetterDataDto): LetterData {
    return {
      ...dto,
      items: dto.items.map((item): LetterItem => ({
        text: item.text,
        period: (item.period.until !== undefined
          ? { until: item.period.until }
          : { unit: item.period.unit, amount: item.period.amount }) as LetterPeriod,
        coerciveFineCents: item.coerciveFineCents ?? null,
      })),
    };
  }
}

export class PreviewLetterDto {
  @ApiProperty({ example: '63/2-2026-0042', description: 'Aktenzeichen, as printed' })
  @IsString()
  @MaxLength(200)
  reference!: string;

  @ApiProperty({ type: LetterDataDto })
  @ValidateNested()
  @Type(() => LetterDataDto)
  data!: LetterDataDto;
}
