import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import {
  CaseDetailDto,
  CasePageDto,
  CaseQueryDto,
  CaseReasonDto,
  CasesService,
  CreateCaseDto,
  LinkDefectsDto,
  UpdateCaseDto,
} from '@hausakte/enforcement';
import { ApiProblems, etagOf, Idempotent, UuidParam, versionFromIfMatch } from '@hausakte/platform';

const ETAG = {
  ETag: { description: 'The version; send it as If-Match', schema: { type: 'string' } },
};

// Cases hold landlords' personal data: reading them is the officers' too ("manage cases" row).
@ApiTags('cases')
@Controller('cases')
@RequirePermission('manageCases')
@ApiProblems(401, 403)
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @ApiOperation({ summary: 'Cases by the next deadline, passed ones first' })
  @ApiOkResponse({ type: CasePageDto })
  @ApiProblems(422)
  list(@Query() query: CaseQueryDto): Promise<CasePageDto> {
    return this.cases.list(query);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Open a case for a property (at most one open per property)' })
  @ApiCreatedResponse({ type: CaseDetailDto })
  @ApiProblems(409, 422)
  open(
    @Body() body: CreateCaseDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CaseDetailDto> {
    return this.cases.open(body, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case with its defects, hearings, orders and timeline' })
  @ApiOkResponse({ type: CaseDetailDto, headers: ETAG })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDetailDto> {
    const found = await this.cases.get(id);
    void reply.header('etag', etagOf(found.version));
    return found;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Reassign the officer or change the notes of an open case' })
  @ApiOkResponse({ type: CaseDetailDto, headers: ETAG })
  @ApiProblems(404, 409, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCaseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDetailDto> {
    const found = await this.cases.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(found.version));
    return found;
  }

  @Post(':id/defects')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Link open defects of the property (a defect is in at most one case)' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiProblems(404, 409, 422)
  linkDefects(
    @Param('id', UuidParam) id: string,
    @Body() body: LinkDefectsDto,
  ): Promise<CaseDetailDto> {
    return this.cases.linkDefects(id, body.defectIds);
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the case with a reason; it is read-only until reopened' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiProblems(404, 409, 422)
  close(@Param('id', UuidParam) id: string, @Body() body: CaseReasonDto): Promise<CaseDetailDto> {
    return this.cases.close(id, body.reason);
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reopen a closed case with a reason' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiProblems(404, 409, 422)
  reopen(@Param('id', UuidParam) id: string, @Body() body: CaseReasonDto): Promise<CaseDetailDto> {
    return this.cases.reopen(id, body.reason);
  }
}
