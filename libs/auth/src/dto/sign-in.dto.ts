import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from './user.dto';

export class SignInDto {
  @ApiProperty({ example: 'officer@herne.example' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(256)
  password!: string;
}

export class SignInResultDto {
  @ApiProperty({ description: 'Bearer token for API clients (the browser uses the cookie).' })
  token!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: () => UserDto })
  user!: UserDto;
}
