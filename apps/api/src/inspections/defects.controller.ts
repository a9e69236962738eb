import { Body, Controller, Get, Headers, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import {
  DefectDto,
  DefectPageDto,
  DefectQueryDto,
  DefectsService,
  UpdateDefectDto,
} from '@hausakte/inspections';
import { ApiProblems, etagOf, UuidParam, versionFromIfMatch } from '@hausakte/platform';

const ETAG = {
  ETag: { description: 'The version; send it as If-Match', schema: { type: 'string' } },
};

@ApiTags('defects')
@Controller()
@ApiProblems(401, 403)
export class DefectsController {
  constructor(private readonly defects: DefectsService) {}

  @Get('defects/:id')
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'One defect' })
  @ApiOkResponse({ type: DefectDto, headers: ETAG })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DefectDto> {
    const defect = await this.defects.get(id);
    void reply.header('etag', etagOf(defect.version));
    return defect;
  }

  @Patch('defects/:id')
  @RequirePermission('logInspections')
  @ApiOperation({
    summary: 'Change a defect: its status along the lifecycle, severity (with reason), text',
  })
  @ApiOkResponse({ type: DefectDto, headers: ETAG })
  @ApiProblems(404, 409, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateDefectDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DefectDto> {
    const defect = await this.defects.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(defect.version));
    return defect;
  }

  @Get('properties/:id/defects')
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'A property’s defects: open ones first, most severe first' })
  @ApiOkResponse({ type: DefectPageDto })
  @ApiProblems(404, 422)
  ofProperty(
    @Param('id', UuidParam) id: string,
    @Query() query: DefectQueryDto,
  ): Promise<DefectPageDto> {
    return this.defects.listOfProperty(id, query);
  }

  @Get('properties/:id/open-defects')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'What a re-inspection checks off: the open defects, in checking order',
  })
  @ApiOkResponse({ type: DefectPageDto })
  @ApiProblems(404, 422)
  async openOfProperty(@Param('id', UuidParam) id: string): Promise<DefectPageDto> {
    const items = await this.defects.openOfProperty(id);
    return { items, total: items.length };
  }
}
