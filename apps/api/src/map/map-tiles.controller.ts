import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import { MapCountDto, MapPopupDto, MapTilesService, type TileAnswer } from '@hausakte/map';
import { ApiProblems, UuidParam } from '@hausakte/platform';

const FILTERS_DOC =
  'Filters (docs/api/map.md): layer=problems|closures|portfolio, stage, severity, overdue, ' +
  'closure, reinspection, district, landlord, network; comma-separated values.';

/** Sends a tile answer with its caching headers (the browser revalidates every time). */
function sendTile(reply: FastifyReply, answer: TileAnswer): Buffer | undefined {
  void reply
    .status(answer.status)
    .header('etag', answer.etag)
    .header('cache-control', 'private, no-cache');
  if (answer.body === null) return undefined;
  void reply.header('content-type', 'application/vnd.mapbox-vector-tile');
  return answer.body;
}

@ApiTags('map')
@Controller('map')
@ApiProblems(401, 403)
export class MapTilesController {
  constructor(private readonly map: MapTilesService) {}

  @Get('tiles/:z/:x/:y.mvt')
  @RequirePermission('viewMap')
  @ApiOperation({
    summary: 'A Mapbox vector tile: grid cells at z ≤ 12, properties at z ≥ 13 or with a landlord',
    description: `${FILTERS_DOC} ETag with Cache-Control: private, no-cache; If-None-Match → 304; empty → 204.`,
  })
  @ApiProduces('application/vnd.mapbox-vector-tile')
  @ApiResponse({ status: 200, description: 'The tile (extent 4096, buffer 128)' })
  @ApiResponse({ status: 204, description: 'Nothing in the tile' })
  @ApiResponse({ status: 304, description: 'The tile named by If-None-Match is current' })
  @ApiProblems(404, 422)
  async tile(
    @Param('z') z: string,
    @Param('x') x: string,
    @Param('y') y: string,
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return sendTile(reply, await this.map.tile(z, x, `${y}.mvt`, query, ifNoneMatch));
  }

  @Get('summary')
  @RequirePermission('viewMap')
  @ApiOperation({ summary: 'How many properties the filters select', description: FILTERS_DOC })
  @ApiOkResponse({ type: MapCountDto })
  @ApiProblems(422)
  summary(@Query() query: Record<string, unknown>): Promise<MapCountDto> {
    return this.map.count(query);
  }

  @Get('properties/:id')
  @RequirePermission('viewMap')
  @ApiOperation({ summary: 'The popup of a property on the map' })
  @ApiOkResponse({ type: MapPopupDto })
  @ApiProblems(404, 422)
  popup(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MapPopupDto> {
    return this.map.popup(id, user.role);
  }
}
