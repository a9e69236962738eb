import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CreateUserDto,
  RequirePermission,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UsersService,
} from '@hausakte/auth';
import {
  ApiProblems,
  etagOf,
  Idempotent,
  PageQuery,
  UuidParam,
  versionFromIfMatch,
} from '@hausakte/platform';

@ApiTags('users')
@Controller('users')
@RequirePermission('administer')
@ApiProblems(401, 403)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  @ApiOperation({ summary: 'All users' })
  @ApiProblems(422)
  async list(@Query() page: PageQuery): Promise<UserPageDto> {
    const { items, total } = await this.users.list(page.limit, page.offset);
    return { items: items.map((user) => UserDto.from(user)), total };
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  @Idempotent()
  @ApiOperation({ summary: 'Create a user' })
  @ApiProblems(409, 422)
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(body));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiOperation({ summary: 'One user; its ETag is the version to send as If-Match' })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.get(id);
    void reply.header('etag', etagOf(user.version));
    return UserDto.from(user);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiOperation({
    summary: 'Change name, role or password, or deactivate (ends the user’s sessions at once)',
  })
  @ApiProblems(404, 409, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateUserDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto> {
    const user = await this.users.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(user.version));
    return UserDto.from(user);
  }
}
