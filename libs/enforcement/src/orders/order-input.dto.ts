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
import { IsLegalDate } from '@hausakte/landlords';
import { IsZonedDateTime, trim } from '@hausakte/platform';
import { ORDER_KINDS, OrderKind } from './order.entity';
import { ESCALATION_MEASURES as MEASURES, EscalationMeasure } from './order-item.entity';
import { DeliveryDto } from './delivery.dto';

const notEmpty = { message: 'must not be empty' };

export class PeriodOverrideDto {
  @ApiProperty({ enum: ['hours', 'days'] })
  @IsIn(['hours', 'days'], { message: 'must be hours or days' })
  unit!: 'hours' | 'days';

  @ApiProperty({ minimum: 1, maximum: 3650 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(3650)
  amount!: number;

  @ApiProperty({ description: 'Why the period differs from the catalogue or severity default' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason!: string;
}

export class OrderItemInputDto {
  @ApiProperty({ example: 'Beseitigen Sie den Schimmelbefall im Bad fachgerecht.' })
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(5000)
  requirement!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Defects of the case it remedies' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one defect' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'must not name a defect twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  defectIds!: string[];

  @ApiPropertyOptional({
    type: PeriodOverrideDto,
    description:
      'Default: the catalogue entry’s period, else its severity’s (C 24 h, B 30 d, A 90 d)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeriodOverrideDto)
  periodOverride?: PeriodOverrideDto | null;

  @ApiPropertyOptional({
    description: 'Coercive fine threatened (Zwangsgeldandrohung), in cents: 10 € to 100,000 €',
    minimum: 1000,
    maximum: 10_000_000,
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(1000, { message: 'must be at least 1000 cents (10 €, § 60 VwVG NRW)' })
  @Max(10_000_000, { message: 'must be at most 10000000 cents (100,000 €, § 60 VwVG NRW)' })
  threatenedFineCents?: number | null;
}

export class CreateOrderDto {
  @ApiProperty({ enum: ORDER_KINDS })
  @IsIn(ORDER_KINDS, { message: `must be one of ${ORDER_KINDS.join(', ')}` })
  kind!: OrderKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The hearing it follows' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  hearingId?: string | null;

  @ApiPropertyOptional({ description: 'Without a hearing: the § 28 Abs. 2 VwVfG NRW reason' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  hearingSkippedReason?: string | null;

  @ApiPropertyOptional({ default: false, description: '§ 80 Abs. 2 Satz 1 Nr. 4 VwGO' })
  @IsOptional()
  @IsBoolean()
  immediatelyEnforceable?: boolean;

  @ApiPropertyOptional({ description: 'Required with immediate enforceability (§ 80 Abs. 3 VwGO)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10_000)
  immediateEnforcementReasoning?: string | null;

  @ApiPropertyOptional({ enum: ['correct', 'missing', 'wrong'], default: 'correct' })
  @IsOptional()
  @IsIn(['correct', 'missing', 'wrong'], { message: 'must be correct, missing or wrong' })
  legalRemedyInstructions?: 'correct' | 'missing' | 'wrong';

  @ApiProperty({ type: [OrderItemInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'an order has at least one item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrderItemInputDto)
  items!: OrderItemInputDto[];
}

export class RecordServiceDto {
  @ApiProperty({ type: DeliveryDto })
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;

  @ApiPropertyOptional({
    example: '2025-07-01T09:30:00+02:00',
    description:
      'Time of hand-over, on the day of notification; periods in hours run from it. ' +
      'Default: 12:00 Europe/Berlin on that day.',
  })
  @IsOptional()
  @IsZonedDateTime()
  notifiedAt?: string | null;
}

export class WithdrawOrderDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(5000)
  reason!: string;
}

export class RecordSuitDto {
  @ApiProperty({ format: 'date', description: 'Day the suit reached the court' })
  @IsLegalDate()
  filedOn!: string;
}

export class DecideSuitDto {
  @ApiProperty({ enum: ['dismissed', 'set_aside'] })
  @IsIn(['dismissed', 'set_aside'], { message: 'must be dismissed or set_aside' })
  outcome!: 'dismissed' | 'set_aside';

  @ApiProperty({ format: 'date' })
  @IsLegalDate()
  decidedOn!: string;
}

/** More time for an item (Fristverlängerung), usually on the landlord's request. */
export class ExtendItemPeriodDto {
  @ApiProperty({
    format: 'date',
    description:
      'The new last day to act, after the current one; on a weekend or NRW holiday it moves to ' +
      'the next working day (§ 31 Abs. 3 VwVfG NRW)',
  })
  @IsLegalDate()
  dueOn!: string;

  @ApiProperty({ example: 'Handwerker erst ab Januar verfügbar (Auftragsbestätigung liegt vor)' })
  @Transform(trim)
  @IsString({ message: 'an extension needs a reason' })
  @MinLength(1, { message: 'an extension needs a reason' })
  @MaxLength(5000)
  reason!: string;
}

export const ITEM_TARGETS = ['complied', 'not_complied', 'closed', 'withdrawn'] as const;
export type ItemTarget = (typeof ITEM_TARGETS)[number];

export class ChangeItemStatusDto {
  @ApiProperty({
    enum: ITEM_TARGETS,
    description:
      'complied: all its defects verified; not_complied: its period has passed; ' +
      'closed: after complied; withdrawn: needs a reason',
  })
  @IsIn(ITEM_TARGETS, { message: `must be one of ${ITEM_TARGETS.join(', ')}` })
  status!: ItemTarget;

  @ApiPropertyOptional()
  @ValidateIf((dto: ChangeItemStatusDto) => dto.status === 'withdrawn' || dto.reason != null)
  @Transform(trim)
  @IsString({ message: 'withdrawing an item needs a reason' })
  @MinLength(1, { message: 'withdrawing an item needs a reason' })
  @MaxLength(5000)
  reason?: string | null;
}

export class ThreatenItemDto {
  @ApiProperty({ enum: MEASURES })
  @IsIn(MEASURES, { message: `must be one of ${MEASURES.join(', ')}` })
  measure!: EscalationMeasure;

  @ApiPropertyOptional({ description: 'coercive_fine: the amount threatened, in cents (required)' })
  @ValidateIf((dto: ThreatenItemDto) => dto.measure === 'coercive_fine' || dto.amountCents != null)
  @IsInt({ message: 'a coercive fine threat needs its amount, a whole number of cents' })
  @Min(1)
  @Max(1_000_000_000)
  amountCents?: number | null;

  @ApiPropertyOptional({
    description: 'substitute_performance: the estimated cost, in cents (required, § 63 VwVG NRW)',
  })
  @ValidateIf(
    (dto: ThreatenItemDto) =>
      dto.measure === 'substitute_performance' || dto.costEstimateCents != null,
  )
  @IsInt({ message: 'a substitute performance threat needs its cost estimate in cents' })
  @Min(1)
  @Max(1_000_000_000)
  costEstimateCents?: number | null;

  @ApiProperty({ description: 'The new period, in days from the threat’s service' })
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(365)
  periodDays!: number;

  @ApiPropertyOptional({ format: 'date', description: 'The day of the letter; default today' })
  @IsOptional()
  @IsLegalDate()
  threatenedOn?: string | null;
}

export class ServeThreatDto {
  @ApiProperty({
    type: DeliveryDto,
    description: 'Formal service only (§ 63 VwVG NRW): certificate, registered mail, personal',
  })
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;
}

export class EscalateItemDto {
  @ApiProperty({ format: 'uuid', description: 'The served, unused threat of this item to use' })
  @IsUUID('all', { message: 'must be the id of a threat of this item' })
  threatId!: string;

  @ApiProperty({
    description:
      'coercive_fine: the amount fixed; substitute_performance: the cost charged. ' +
      'At most the amount threatened (or the cost estimate).',
  })
  @IsInt({ message: 'must be a whole number of cents' })
  @Min(1)
  @Max(1_000_000_000)
  amountCents!: number;

  @ApiPropertyOptional({
    enum: MEASURES,
    description: 'If given, must be the threat’s measure',
  })
  @IsOptional()
  @IsIn(MEASURES, { message: `must be one of ${MEASURES.join(', ')}` })
  measure?: EscalationMeasure;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}
