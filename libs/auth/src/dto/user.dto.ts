import { ApiProperty, PickType } from '@nestjs/swagger';
import { ROLES, Role } from '../roles';
import type { User } from '../user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'Send as If-Match when changing the user.' })
  version!: number;

  static from(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      active: user.active,
      version: user.version,
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];

  @ApiProperty()
  total!: number;
}

export class MeDto extends PickType(UserDto, ['id', 'email', 'displayName', 'role'] as const) {}
