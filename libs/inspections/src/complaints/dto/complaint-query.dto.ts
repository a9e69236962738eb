import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@hausakte/platform';
import { CATEGORY_MESSAGE, COMPLAINT_CATEGORIES } from '../complaint-categories';

/** `true` and `false` as words; anything else stays as it is and fails validation. */
const booleanWord = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ComplaintQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  propertyId?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES, { message: CATEGORY_MESSAGE })
  legalGround?: string;

  @ApiPropertyOptional({
    description: 'Only complaints flagged as a possible duplicate that no one has decided yet',
  })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'must be true or false' })
  undecidedDuplicates?: boolean;

  @ApiPropertyOptional({ description: 'Only complaints not yet linked to a property' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'must be true or false' })
  unmatched?: boolean;
}
