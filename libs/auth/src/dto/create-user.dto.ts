import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OmittableNotNull, trim } from '@hausakte/platform';
import { ROLES, Role } from '../roles';

export class CreateUserDto {
  @ApiProperty({ example: 'a.schmidt@herne.example' })
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ format: 'password', minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters long' })
  @MaxLength(256)
  password!: string;
}

/** Every field may be left out; none may be cleared. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Anna Schmidt' })
  @OmittableNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @OmittableNotNull()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'password', minLength: 12 })
  @OmittableNotNull()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters long' })
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({
    description: 'false deactivates the user and ends their sessions at once',
  })
  @OmittableNotNull()
  @IsBoolean()
  active?: boolean;
}
