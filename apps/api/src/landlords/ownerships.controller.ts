import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import {
  CreateOwnershipDto,
  OwnershipDto,
  OwnershipPageDto,
  OwnershipsService,
  UpdateOwnershipDto,
} from '@hausakte/landlords';
import {
  ApiProblems,
  etagOf,
  Idempotent,
  PageQuery,
  UuidParam,
  versionFromIfMatch,
} from '@hausakte/platform';

@ApiTags('ownerships')
@Controller()
@ApiProblems(401, 403)
export class OwnershipsController {
  constructor(private readonly ownerships: OwnershipsService) {}

  @Get('properties/:id/ownerships')
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'Who owns, owned or manages the property; current first' })
  @ApiOkResponse({ type: OwnershipPageDto })
  @ApiProblems(404, 422)
  list(@Param('id', UuidParam) id: string, @Query() page: PageQuery): Promise<OwnershipPageDto> {
    return this.ownerships.listOfProperty(id, page);
  }

  @Post('properties/:id/ownerships')
  @RequirePermission('editLandlords')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a landlord’s role for the property over a period',
    description:
      'A period overlapping another of the same property, landlord and role is a 409; an unknown landlordId a 422.',
  })
  @ApiCreatedResponse({ type: OwnershipDto })
  @ApiProblems(404, 409, 422)
  create(
    @Param('id', UuidParam) id: string,
    @Body() body: CreateOwnershipDto,
  ): Promise<OwnershipDto> {
    return this.ownerships.create(id, body);
  }

  @Patch('ownerships/:id')
  @RequirePermission('editLandlords')
  @ApiOperation({ summary: 'Move or end an ownership period' })
  @ApiOkResponse({
    type: OwnershipDto,
    headers: {
      ETag: { description: 'The version; send it as If-Match', schema: { type: 'string' } },
    },
  })
  @ApiProblems(404, 409, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateOwnershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OwnershipDto> {
    const ownership = await this.ownerships.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(ownership.version));
    return ownership;
  }
}
