import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@hausakte/platform';

export const TIMELINE_KINDS = ['inspection', 'defect', 'photo', 'complaint'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One event in a property's file, newest first. */
export class TimelineEntryDto {
  @ApiProperty({ description: 'When it happened (an inspection: its time, done or planned)' })
  at!: string;

  @ApiProperty({ enum: TIMELINE_KINDS })
  kind!: TimelineKind;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'done',
    description:
      'inspection: planned | done | no_access | cancelled; defect: its status; photo: attached; complaint: its source',
  })
  state!: string;

  @ApiProperty({
    example: 'initial',
    description:
      'inspection: its kind; defect: the catalogue title (German); photo: empty; complaint: its legal ground',
  })
  label!: string;

  @ApiPropertyOptional({ enum: ['A', 'B', 'C'], nullable: true })
  severity!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The record it belongs to' })
  parentId!: string | null;
}

export class TimelinePageDto {
  @ApiProperty({ type: [TimelineEntryDto] })
  items!: TimelineEntryDto[];

  @ApiProperty()
  total!: number;
}

export class TimelineQueryDto extends PageQuery {}
