import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import { ApiProblems, etagOf, Idempotent, UuidParam, versionFromIfMatch } from '@hausakte/platform';
import {
  AddUnitDto,
  CreatePropertyDto,
  DistrictPageDto,
  PropertiesService,
  PropertyDto,
  PropertyPageDto,
  PropertyQueryDto,
  UnitDto,
  UpdatePropertyDto,
  UpdateUnitDto,
} from '@hausakte/properties';

@ApiTags('properties')
@Controller()
@ApiProblems(401, 403)
export class PropertiesController {
  constructor(private readonly properties: PropertiesService) {}

  @Get('properties')
  @ApiOkResponse({ type: PropertyPageDto })
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'Properties: address search, bbox, near, district; paged' })
  @ApiProblems(400, 422)
  list(@Query() query: PropertyQueryDto): Promise<PropertyPageDto> {
    return this.properties.list(query);
  }

  @Post('properties')
  @ApiCreatedResponse({ type: PropertyDto })
  @RequirePermission('editProperties')
  @Idempotent()
  @ApiOperation({ summary: 'Register a property with its addresses, buildings and units' })
  @ApiProblems(409, 422)
  create(@Body() body: CreatePropertyDto): Promise<PropertyDto> {
    return this.properties.create(body);
  }

  @Get('properties/:id')
  @ApiOkResponse({ type: PropertyDto })
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'One property with addresses, buildings and units; ETag is its version',
  })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PropertyDto> {
    const property = await this.properties.get(id);
    void reply.header('etag', etagOf(property.version));
    return property;
  }

  @Patch('properties/:id')
  @ApiOkResponse({ type: PropertyDto })
  @RequirePermission('editProperties')
  @ApiOperation({ summary: 'Change location, parcel reference, notes or the address list' })
  @ApiProblems(404, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePropertyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PropertyDto> {
    const property = await this.properties.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(property.version));
    return property;
  }

  @Post('properties/:id/units')
  @ApiCreatedResponse({ type: UnitDto })
  @RequirePermission('editProperties')
  @Idempotent()
  @ApiOperation({
    summary: 'Add a unit to a building of the property (the building is created if new)',
  })
  @ApiProblems(404, 409, 422)
  addUnit(@Param('id', UuidParam) id: string, @Body() body: AddUnitDto): Promise<UnitDto> {
    return this.properties.addUnit(id, body);
  }

  @Patch('units/:id')
  @ApiOkResponse({ type: UnitDto })
  @RequirePermission('editProperties')
  @ApiOperation({ summary: 'Change a unit' })
  @ApiProblems(404, 409, 412, 422, 428)
  async updateUnit(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateUnitDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UnitDto> {
    const unit = await this.properties.updateUnit(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(unit.version));
    return unit;
  }

  @Get('districts')
  @ApiOkResponse({ type: DistrictPageDto })
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'The districts (boroughs) of the authority' })
  districts(): Promise<DistrictPageDto> {
    return this.properties.districts();
  }
}
