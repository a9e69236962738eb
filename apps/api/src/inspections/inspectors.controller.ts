import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@hausakte/auth';
import {
  InspectorDto,
  InspectorPageDto,
  InspectorQueryDto,
  InspectorsService,
  SetDistrictsDto,
} from '@hausakte/inspections';
import { ApiProblems, UuidParam } from '@hausakte/platform';

@ApiTags('inspections')
@Controller('inspectors')
@ApiProblems(401, 403)
export class InspectorsController {
  constructor(private readonly inspectors: InspectorsService) {}

  @Get()
  @RequirePermission('planInspections')
  @ApiOperation({ summary: 'People who can be sent to inspections, with their districts' })
  @ApiOkResponse({ type: InspectorPageDto })
  @ApiProblems(422)
  list(@Query() query: InspectorQueryDto): Promise<InspectorPageDto> {
    return this.inspectors.list(query);
  }

  @Put(':id/districts')
  @RequirePermission('administer')
  @ApiOperation({ summary: 'Set the districts a person is assigned to (replaces them)' })
  @ApiOkResponse({ type: InspectorDto })
  @ApiProblems(404, 422)
  setDistricts(
    @Param('id', UuidParam) id: string,
    @Body() body: SetDistrictsDto,
  ): Promise<InspectorDto> {
    return this.inspectors.setDistricts(id, body);
  }
}
