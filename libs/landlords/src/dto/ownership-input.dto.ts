import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { OmittableNotNull } from '@hausakte/platform';
import { OWNERSHIP_ROLES, OwnershipRole } from '../ownership.entity';
import { IsLegalDate, IsNotBefore } from './field-rules';

export class CreateOwnershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  landlordId!: string;

  @ApiProperty({ enum: OWNERSHIP_ROLES })
  @IsIn(OWNERSHIP_ROLES, { message: `must be one of ${OWNERSHIP_ROLES.join(', ')}` })
  role!: OwnershipRole;

  @ApiProperty({ format: 'date', example: '2019-04-01', description: 'The first day' })
  @IsLegalDate()
  validFrom!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-12-31',
    description: 'The last day; absent or null while the period runs',
  })
  @IsOptional()
  @IsLegalDate()
  @IsNotBefore('validFrom')
  validTo?: string | null;
}

/** Moves or ends a period. Role, landlord and property stay: record another ownership instead. */
export class UpdateOwnershipDto {
  @ApiPropertyOptional({ format: 'date', example: '2019-04-01' })
  @OmittableNotNull()
  @IsLegalDate()
  validFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-12-31',
    description: 'The last day; null reopens the period',
  })
  @IsOptional()
  @IsLegalDate()
  @IsNotBefore('validFrom')
  validTo?: string | null;
}
