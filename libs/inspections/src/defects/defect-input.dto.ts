import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OmittableNotNull, PageQuery, trim } from '@hausakte/platform';
import { DEFECT_STATUSES, DefectStatus } from './defect.entity';

export class UpdateDefectDto {
  @ApiPropertyOptional({ enum: DEFECT_STATUSES, description: 'Along the defect lifecycle only' })
  @OmittableNotNull()
  @IsIn(DEFECT_STATUSES, { message: `must be one of ${DEFECT_STATUSES.join(', ')}` })
  status?: DefectStatus;

  @ApiPropertyOptional({ enum: ['A', 'B', 'C'] })
  @OmittableNotNull()
  @IsIn(['A', 'B', 'C'], { message: 'must be A, B or C' })
  severity?: 'A' | 'B' | 'C';

  @ApiPropertyOptional({
    nullable: true,
    description: 'Needed when the severity differs from the catalogue’s',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  severityReason?: string | null;

  @ApiPropertyOptional()
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  room?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  unitId?: string | null;
}

export class DefectQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: DEFECT_STATUSES })
  @IsOptional()
  @IsIn(DEFECT_STATUSES, { message: `must be one of ${DEFECT_STATUSES.join(', ')}` })
  status?: DefectStatus;
}
