import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '@hausakte/platform';
import { AddresseeDto } from '../cases/addressee.dto';
import { DeliveryDto } from '../orders/delivery.dto';
import { RecordLetterDto } from '../orders/record-letters';
import { HEARING_STATUSES, HearingStatus } from './hearing.entity';

export class CreateHearingDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Open defects of the case it names' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one defect' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'must not name a defect twice' })
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  defectIds!: string[];

  @ApiProperty({ minimum: 1, maximum: 365, example: 14, description: 'Reply period in days' })
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(365)
  replyDays!: number;
}

export class SendHearingDto {
  @ApiProperty({ type: DeliveryDto })
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;

  @ApiPropertyOptional({
    type: [String],
    description:
      'The officer’s own paragraphs for the letter’s facts (Sachverhalt), after the defects found',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(4000, { each: true })
  reasoning?: string[];
}

export class CloseHearingDto {
  @ApiPropertyOptional({ description: 'What the landlord replied, or why it ends' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10_000)
  note?: string | null;
}

export class HearingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: HEARING_STATUSES }) status!: HearingStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) defectIds!: string[];
  @ApiProperty() replyDays!: number;
  @ApiPropertyOptional({ type: [AddresseeDto], nullable: true, description: 'Frozen when sent' })
  addressees!: AddresseeDto[] | null;
  @ApiPropertyOptional({ type: DeliveryDto, nullable: true }) delivery!: DeliveryDto | null;
  @ApiPropertyOptional({ format: 'date', nullable: true }) notifiedOn!: string | null;
  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Last day to reply' })
  replyDueOn!: string | null;
  @ApiProperty({
    type: [RecordLetterDto],
    description: 'The letters it went out as, one per addressee; issued when sent',
  })
  letters!: RecordLetterDto[];
  @ApiPropertyOptional({ nullable: true }) sentAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) closeNote!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
}
