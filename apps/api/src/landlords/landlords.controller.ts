import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import {
  CreateLandlordDto,
  LandlordDto,
  LandlordPageDto,
  LandlordQueryDto,
  LandlordsService,
  OwnershipPageDto,
  OwnershipsService,
  UpdateLandlordDto,
} from '@hausakte/landlords';
import {
  ApiProblems,
  etagOf,
  Idempotent,
  PageQuery,
  UuidParam,
  versionFromIfMatch,
} from '@hausakte/platform';

const ETAG = {
  ETag: { description: 'The version; send it as If-Match', schema: { type: 'string' } },
};

@ApiTags('landlords')
@Controller('landlords')
@ApiProblems(401, 403)
export class LandlordsController {
  constructor(
    private readonly landlords: LandlordsService,
    private readonly ownerships: OwnershipsService,
  ) {}

  @Get()
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'Landlords by name (typo-tolerant) and kind; no contact data' })
  @ApiOkResponse({ type: LandlordPageDto })
  @ApiProblems(422)
  list(@Query() query: LandlordQueryDto): Promise<LandlordPageDto> {
    return this.landlords.list(query);
  }

  @Post()
  @RequirePermission('editLandlords')
  @Idempotent()
  @ApiOperation({ summary: 'Record a landlord (person or company)' })
  @ApiCreatedResponse({ type: LandlordDto })
  @ApiProblems(409, 422)
  create(@Body() body: CreateLandlordDto): Promise<LandlordDto> {
    return this.landlords.create(body);
  }

  @Get(':id')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'One landlord with contact data; ETag is its version',
    description:
      'Showing a person’s contact data writes `landlord.contact_read` to the audit trail.',
  })
  @ApiOkResponse({ type: LandlordDto, headers: ETAG })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LandlordDto> {
    const landlord = await this.landlords.get(id);
    void reply.header('etag', etagOf(landlord.version));
    return landlord;
  }

  @Patch(':id')
  @RequirePermission('editLandlords')
  @ApiOperation({ summary: 'Change any field of a landlord' })
  @ApiOkResponse({ type: LandlordDto, headers: ETAG })
  @ApiProblems(404, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateLandlordDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LandlordDto> {
    const landlord = await this.landlords.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(landlord.version));
    return landlord;
  }

  @Get(':id/properties')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'The landlord’s portfolio: properties held now, then before, with role and period',
  })
  @ApiOkResponse({ type: OwnershipPageDto })
  @ApiProblems(404, 422)
  properties(
    @Param('id', UuidParam) id: string,
    @Query() page: PageQuery,
  ): Promise<OwnershipPageDto> {
    return this.ownerships.listOfLandlord(id, page);
  }
}
