import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '@hausakte/platform';

/** `true` and `false` as words; anything else stays as it is and fails validation. */
const booleanWord = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class NotificationQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only unread notifications; false or absent: all' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;
}
