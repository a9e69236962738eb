import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import {
  CatalogueItemDto,
  CatalogueItemListDto,
  CatalogueQueryDto,
  CatalogueService,
  CreateCatalogueItemDto,
  UpdateCatalogueItemDto,
} from '@hausakte/inspections';
import { ApiProblems, etagOf, Idempotent, UuidParam, versionFromIfMatch } from '@hausakte/platform';

@ApiTags('defect catalogue')
@Controller('defect-catalogue')
@ApiProblems(401, 403)
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @RequirePermission('readCatalogue')
  @ApiOperation({ summary: 'The current version of every catalogue entry, by legal ground' })
  @ApiOkResponse({ type: CatalogueItemListDto })
  @ApiProblems(422)
  list(@Query() query: CatalogueQueryDto): Promise<CatalogueItemListDto> {
    return this.catalogue.list(query);
  }

  @Get('versions/:id')
  @RequirePermission('readCatalogue')
  @ApiOperation({ summary: 'One version of an entry, as a finding recorded against it shows it' })
  @ApiOkResponse({ type: CatalogueItemDto })
  @ApiProblems(404, 422)
  version(@Param('id', UuidParam) id: string): Promise<CatalogueItemDto> {
    return this.catalogue.getVersion(id);
  }

  @Post()
  @RequirePermission('administer')
  @Idempotent()
  @ApiOperation({ summary: 'Add an entry (version 1)' })
  @ApiCreatedResponse({ type: CatalogueItemDto })
  @ApiProblems(409, 422)
  create(@Body() body: CreateCatalogueItemDto): Promise<CatalogueItemDto> {
    return this.catalogue.create(body);
  }

  @Patch(':code')
  @RequirePermission('administer')
  @ApiOperation({
    summary: 'Change an entry: a new version; findings keep the version they were recorded against',
  })
  @ApiOkResponse({ type: CatalogueItemDto })
  @ApiProblems(404, 412, 422, 428)
  async update(
    @Param('code') code: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCatalogueItemDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CatalogueItemDto> {
    const item = await this.catalogue.update(code, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(item.version));
    return item;
  }
}
