import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@hausakte/platform';
import { LANDLORD_KINDS, LandlordKind } from '../landlord.entity';
import { trim } from './field-rules';

export class LandlordQueryDto extends PageQuery {
  @ApiPropertyOptional({
    example: 'emscher',
    description: 'Part of the name; tolerant of typos (trigram)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: LANDLORD_KINDS })
  @IsOptional()
  @IsIn(LANDLORD_KINDS, { message: `must be one of ${LANDLORD_KINDS.join(', ')}` })
  kind?: LandlordKind;
}
