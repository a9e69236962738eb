import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@hausakte/auth';
import { DashboardDto, DashboardQueryDto, DashboardService } from '@hausakte/map';
import { ApiProblems } from '@hausakte/platform';

@ApiTags('map')
@Controller('dashboard')
@ApiProblems(401, 403)
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @RequirePermission('viewMap')
  @ApiOperation({
    summary:
      'Open cases, overdue items, deadlines this week, re-inspections, closures; per district; trend by month',
  })
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(404, 422)
  get(@Query() query: DashboardQueryDto): Promise<DashboardDto> {
    return this.dashboard.get(query.district ?? null);
  }
}
