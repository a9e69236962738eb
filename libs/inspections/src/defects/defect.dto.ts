import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Severity } from '@hausakte/inspections/rules';
import { PointDto } from '@hausakte/properties';
import type { DefectStatus } from './defect.entity';

export class DefectCatalogueRefDto {
  @ApiProperty({ format: 'uuid', description: 'The catalogue version it was recorded against' })
  id!: string;

  @ApiProperty({ example: 'S5-3-02' })
  code!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ example: 's5_3' })
  legalGround!: string;

  @ApiProperty()
  title!: { de: string; en: string };

  @ApiProperty({ enum: ['A', 'B', 'C'] })
  severity!: Severity;
}

export class DefectDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  propertyId!: string;

  @ApiProperty({ format: 'uuid', description: 'The inspection that found it' })
  inspectionId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  unitId!: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'EG links' })
  unitLabel!: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Bad' })
  room!: string | null;

  @ApiProperty({ type: DefectCatalogueRefDto })
  catalogueItem!: DefectCatalogueRefDto;

  @ApiProperty({ enum: ['A', 'B', 'C'] })
  severity!: Severity;

  @ApiPropertyOptional({ nullable: true, description: 'Why it differs from the catalogue' })
  severityReason!: string | null;

  @ApiProperty()
  description!: string;

  @ApiPropertyOptional({ type: PointDto, nullable: true })
  position!: PointDto | null;

  @ApiProperty({ enum: ['open', 'reported_done', 'verified', 'not_remedied'] })
  status!: DefectStatus;

  @ApiProperty()
  statusChangedAt!: string;

  @ApiProperty({ description: 'Photos attached to it' })
  photoCount!: number;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty()
  version!: number;
}

export class DefectPageDto {
  @ApiProperty({ type: [DefectDto] })
  items!: DefectDto[];

  @ApiProperty()
  total!: number;
}
