import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@hausakte/auth';
import { TimelinePageDto, TimelineQueryDto, TimelineService } from '@hausakte/inspections';
import { ApiProblems, UuidParam } from '@hausakte/platform';

@ApiTags('properties')
@Controller('properties')
@ApiProblems(401, 403)
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'The property’s file in time order: inspections, defects, photos, complaints',
  })
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiProblems(404, 422)
  ofProperty(
    @Param('id', UuidParam) id: string,
    @Query() query: TimelineQueryDto,
  ): Promise<TimelinePageDto> {
    return this.timeline.ofProperty(id, query);
  }
}
