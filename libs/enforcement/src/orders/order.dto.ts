import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AddresseeDto } from '../cases/addressee.dto';
import {
  ORDER_ITEM_STATUSES,
  ORDER_STATUSES,
  OrderItemStatus,
  OrderStatus,
} from './order-lifecycle';
import { ORDER_KINDS, OrderKind } from './order.entity';
import { DeliveryDto } from './delivery.dto';
import { DELIVERY_METHODS, type DeliveryMethod } from '../rules/notification';

const DELIVERY_METHOD_NAMES = Object.keys(DELIVERY_METHODS);
import { RecordLetterDto } from './record-letters';

export class PeriodDto {
  @ApiProperty({ enum: ['hours', 'days'] }) unit!: 'hours' | 'days';
  @ApiProperty() amount!: number;
}

export class AppliedRuleDto {
  @ApiProperty({ example: 'notification.post.fourth_day' }) id!: string;
  @ApiProperty({ example: '§ 41 Abs. 2 Satz 1 VwVfG NRW' }) basis!: string;
}

export class ThreatDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['coercive_fine', 'substitute_performance'] }) measure!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Coercive fine threatened, in cents' })
  amountCents!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Substitute performance: cost estimate' })
  costEstimateCents!: number | null;
  @ApiProperty({ enum: ['order', 'separate'] }) threatenedIn!: string;
  @ApiProperty({ format: 'date' }) threatenedOn!: string;
  @ApiPropertyOptional({ nullable: true, description: 'Separate threat: its period in days' })
  periodDays!: number | null;
  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    description: 'Last day of its period (the order’s own threat: the item’s due date)',
  })
  dueOn!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Formal service' })
  servedOn!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) usedByFixingId!: string | null;
}

export class FixingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) threatId!: string;
  @ApiProperty({ enum: ['coercive_fine', 'substitute_performance'] }) measure!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ format: 'date' }) fixedOn!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class OrderItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty() requirement!: string;
  @ApiProperty({ enum: ORDER_ITEM_STATUSES }) status!: OrderItemStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) defectIds!: string[];
  @ApiProperty({ description: 'Every defect of the item is verified: it can be marked complied' })
  defectsVerified!: boolean;
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ enum: ['override', 'catalogue', 'severity_default'] }) periodSource!: string;
  @ApiPropertyOptional({ nullable: true }) periodOverrideReason!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Coercive fine threatened, in cents' })
  threatenedFineCents!: number | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Set once served' })
  dueOn!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Hour periods: the instant they end' })
  dueAt!: string | null;
  @ApiProperty({ description: 'Past due and not complied' }) overdue!: boolean;
  @ApiProperty({ type: () => [ThreatDto], description: 'Its threats, the order’s own first' })
  threats!: ThreatDto[];
  @ApiProperty({ type: () => [FixingDto], description: 'Its fixings, oldest first' })
  fixings!: FixingDto[];
  @ApiPropertyOptional({ nullable: true }) statusReason!: string | null;
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ORDER_KINDS }) kind!: OrderKind;
  @ApiProperty({ example: '§§ 4, 6 WohnStG' }) legalBasis!: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: OrderStatus;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) hearingId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: '§ 28 Abs. 2 VwVfG NRW' })
  hearingSkippedReason!: string | null;
  @ApiProperty() immediatelyEnforceable!: boolean;
  @ApiPropertyOptional({ nullable: true }) immediateEnforcementReasoning!: string | null;
  @ApiProperty({ enum: ['correct', 'missing', 'wrong'] }) legalRemedyInstructions!: string;
  @ApiPropertyOptional({ type: [AddresseeDto], nullable: true, description: 'Frozen when issued' })
  addressees!: AddresseeDto[] | null;
  @ApiPropertyOptional({ nullable: true }) issuedAt!: string | null;
  @ApiProperty({
    type: [RecordLetterDto],
    description: 'The letters it was issued as, one per addressee; never rendered again',
  })
  letters!: RecordLetterDto[];
  @ApiPropertyOptional({ type: DeliveryDto, nullable: true }) delivery!: DeliveryDto | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) notifiedOn!: string | null;
  @ApiPropertyOptional({ nullable: true }) notifiedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'notification.post.fourth_day' })
  notificationRule!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Last day to sue' })
  challengeEndsOn!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) suitFiledOn!: string | null;
  @ApiProperty({
    description:
      'The suit was filed after the challenge period ended: it does not suspend the order',
  })
  suitLate!: boolean;
  @ApiPropertyOptional({ enum: ['dismissed', 'set_aside'], nullable: true })
  suitOutcome!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) suitDecidedOn!: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawnReason!: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: 'Challenge period passed without a suit, or the suit dismissed' })
  final!: boolean;
  @ApiProperty({ description: 'An item is past due and not complied' }) overdue!: boolean;
  @ApiProperty({ type: [OrderItemDto] }) items!: OrderItemDto[];
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}

export class ProjectedItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiPropertyOptional({ nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: [AppliedRuleDto] }) rules!: AppliedRuleDto[];
}

/** The dates an order would get if it were posted by ordinary post today. */
export class OrderProjectionDto {
  @ApiProperty({ enum: DELIVERY_METHOD_NAMES, description: 'The channel assumed' })
  method!: DeliveryMethod;
  @ApiProperty({ format: 'date', description: 'The day the letter leaves (today)' })
  postedOn!: string;
  @ApiProperty({ format: 'date' }) notifiedOn!: string;
  @ApiProperty({ type: AppliedRuleDto }) notificationRule!: AppliedRuleDto;
  @ApiProperty({ description: 'The instant hour periods run from (12:00 Europe/Berlin)' })
  notifiedAt!: string;
  @ApiProperty({ format: 'date' }) challengeEndsOn!: string;
  @ApiProperty({ type: [ProjectedItemDto] }) items!: ProjectedItemDto[];
}
