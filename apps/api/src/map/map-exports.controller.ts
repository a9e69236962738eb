import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import {
  AreaFiguresDto,
  AreaQueryDto,
  AreaService,
  type ExportFormat,
  ExportService,
} from '@hausakte/map';
import { ApiProblems } from '@hausakte/platform';

const EXPORT_DOC =
  'Filters as for the tiles. Owner and manager names only for officers and managers; every export is audited.';

@ApiTags('map')
@Controller('map')
@ApiProblems(401, 403)
export class MapExportsController {
  constructor(
    private readonly areas: AreaService,
    private readonly exports: ExportService,
  ) {}

  @Post('area')
  @HttpCode(200)
  @RequirePermission('viewMap')
  @ApiOperation({
    summary: 'Figures inside a rectangle, a polygon or a district, under the map filters',
  })
  @ApiBody({ type: AreaQueryDto })
  @ApiOkResponse({ type: AreaFiguresDto })
  @ApiProblems(404, 422)
  area(@Body() body: unknown): Promise<AreaFiguresDto> {
    return this.areas.figures(body);
  }

  @Get('districts.geojson')
  @RequirePermission('viewMap')
  @ApiOperation({
    summary: 'The districts’ outlines as a GeoJSON FeatureCollection (WGS84, simplified to ~10 m)',
  })
  @ApiProduces('application/geo+json')
  async districts(@Res({ passthrough: true }) reply: FastifyReply): Promise<object> {
    void reply.header('content-type', 'application/geo+json; charset=utf-8');
    return this.areas.districtOutlines();
  }

  @Get('export.csv')
  @RequirePermission('viewMap')
  @ApiOperation({ summary: `The filtered set as CSV (RFC 4180, UTF-8). ${EXPORT_DOC}` })
  @ApiProduces('text/csv')
  @ApiProblems(422)
  csv(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send('csv', query, user, reply);
  }

  @Get('export.geojson')
  @RequirePermission('viewMap')
  @ApiOperation({ summary: `The filtered set as a GeoJSON FeatureCollection. ${EXPORT_DOC}` })
  @ApiProduces('application/geo+json')
  @ApiProblems(422)
  geojson(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.send('geojson', query, user, reply);
  }

  private async send(
    format: ExportFormat,
    query: Record<string, unknown>,
    user: AuthenticatedUser,
    reply: FastifyReply,
  ): Promise<void> {
    const file = await this.exports.export(format, query, user.role);
    await reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'private, no-store')
      .header('x-export-count', String(file.count))
      .send(file.body);
  }
}
