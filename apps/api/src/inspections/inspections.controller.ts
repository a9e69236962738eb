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
  CancelInspectionDto,
  CompleteInspectionDto,
  DayRouteDto,
  DayRouteQueryDto,
  InspectionCompletionService,
  InspectionDetailDto,
  InspectionDto,
  InspectionPageDto,
  InspectionQueryDto,
  InspectionsService,
  PlanInspectionDto,
  UpdateInspectionDto,
} from '@hausakte/inspections';
import { ApiProblems, etagOf, Idempotent, UuidParam, versionFromIfMatch } from '@hausakte/platform';

const ETAG = {
  ETag: { description: 'The version; send it as If-Match', schema: { type: 'string' } },
};

@ApiTags('inspections')
@Controller('inspections')
@ApiProblems(401, 403)
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly completion: InspectionCompletionService,
  ) {}

  @Get()
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'Inspections by property, person, status and days (Europe/Berlin)' })
  @ApiOkResponse({ type: InspectionPageDto })
  @ApiProblems(422)
  list(@Query() query: InspectionQueryDto): Promise<InspectionPageDto> {
    return this.inspections.list(query);
  }

  @Post()
  @RequirePermission('planInspections')
  @Idempotent()
  @ApiOperation({
    summary: 'Plan an inspection',
    description: 'Inspectors plan only visits they go to themselves (403 otherwise).',
  })
  @ApiCreatedResponse({ type: InspectionDto })
  @ApiProblems(409, 422)
  plan(
    @Body() body: PlanInspectionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InspectionDto> {
    return this.inspections.plan(body, user);
  }

  @Get('day')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'A person’s visits of a day as a route: nearest next by straight-line distance',
  })
  @ApiOkResponse({ type: DayRouteDto })
  @ApiProblems(400, 404, 422)
  day(
    @Query() query: DayRouteQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DayRouteDto> {
    return this.inspections.dayRoute(query, user);
  }

  @Get(':id')
  @RequirePermission('readRegister')
  @ApiOperation({ summary: 'One inspection with what it recorded, and the open defects to check' })
  @ApiOkResponse({ type: InspectionDetailDto, headers: ETAG })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionDetailDto> {
    const inspection = await this.inspections.get(id);
    void reply.header('etag', etagOf(inspection.version));
    return inspection;
  }

  @Patch(':id')
  @RequirePermission('planInspections')
  @ApiOperation({ summary: 'Reschedule or reassign a planned inspection' })
  @ApiOkResponse({ type: InspectionDto, headers: ETAG })
  @ApiProblems(404, 409, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateInspectionDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionDto> {
    const inspection = await this.inspections.update(id, versionFromIfMatch(ifMatch), body, user);
    void reply.header('etag', etagOf(inspection.version));
    return inspection;
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('planInspections')
  @ApiOperation({ summary: 'Cancel a planned inspection (spawns nothing)' })
  @ApiOkResponse({ type: InspectionDto, headers: ETAG })
  @ApiProblems(404, 409, 412, 422, 428)
  async cancel(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CancelInspectionDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionDto> {
    const inspection = await this.inspections.cancel(id, versionFromIfMatch(ifMatch), body, user);
    void reply.header('etag', etagOf(inspection.version));
    return inspection;
  }

  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('logInspections')
  @Idempotent()
  @ApiOperation({
    summary: 'Record the inspection: outcome, findings, occupancy, checked-off defects, at once',
    description:
      'One transaction. Finding ids come from the client: a retry of a recorded inspection with ' +
      'the same findings answers the record again; anything else on a finished inspection is 409. ' +
      'No access plans a new visit (a week later unless `revisitAt`).',
  })
  @ApiOkResponse({ type: InspectionDetailDto })
  @ApiProblems(404, 409, 422)
  complete(
    @Param('id', UuidParam) id: string,
    @Body() body: CompleteInspectionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InspectionDetailDto> {
    return this.completion.complete(id, body, user);
  }
}
