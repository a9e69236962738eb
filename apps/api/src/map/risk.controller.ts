import { Body, Controller, Get, Headers, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import { PropertyRiskDto, RiskService, RiskWeightsDto } from '@hausakte/map';
import { ApiProblems, etagOf, UuidParam, versionFromIfMatch } from '@hausakte/platform';

@ApiTags('map')
@Controller()
@ApiProblems(401, 403)
export class RiskController {
  constructor(private readonly risk: RiskService) {}

  @Get('properties/:id/risk')
  @RequirePermission('viewMap')
  @ApiOperation({ summary: 'The property’s risk score with its factors and weights' })
  @ApiOkResponse({ type: PropertyRiskDto })
  @ApiProblems(404, 422)
  get(@Param('id', UuidParam) id: string): Promise<PropertyRiskDto> {
    return this.risk.get(id);
  }

  @Get('risk-weights')
  @RequirePermission('administer')
  @ApiOperation({ summary: 'The risk weights in force; ETag is their version' })
  @ApiOkResponse({ type: RiskWeightsDto })
  async weights(@Res({ passthrough: true }) reply: FastifyReply): Promise<RiskWeightsDto> {
    const weights = await this.risk.weights();
    void reply.header('etag', etagOf(weights.version));
    return weights;
  }

  @Put('risk-weights')
  @RequirePermission('administer')
  @ApiOperation({
    summary: 'Set new risk weights (a new version); every score is recomputed in the background',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: { type: 'number' } } })
  @ApiOkResponse({ type: RiskWeightsDto })
  @ApiProblems(412, 422, 428)
  async setWeights(
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RiskWeightsDto> {
    const weights = await this.risk.setWeights(versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(weights.version));
    return weights;
  }
}
