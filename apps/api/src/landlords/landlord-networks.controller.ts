import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '@hausakte/auth';
import {
  CreateNetworkSplitDto,
  LandlordNetworkDto,
  LandlordNetworksService,
  NetworkSplitDto,
} from '@hausakte/landlords';
import { ApiProblems, Idempotent, UuidParam, ValidationProblem } from '@hausakte/platform';

/** A malformed other id is a 422 naming that parameter. */
const OtherLandlordIdParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationProblem([{ field: 'otherLandlordId', message: 'must be a UUID' }]),
});

@ApiTags('landlords')
@Controller('landlords/:id/network')
@ApiProblems(401, 403)
export class LandlordNetworksController {
  constructor(private readonly networks: LandlordNetworksService) {}

  @Get()
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'The landlord’s network: members, every link with its reason, managed-by relations',
    description:
      'Landlords link by a shared postal address, register number or director. A property ' +
      'manager is shown as managed-by, never as a network link. Reasons that show a person’s ' +
      'postal address write `landlord.contact_read` to the audit trail.',
  })
  @ApiOkResponse({ type: LandlordNetworkDto })
  @ApiProblems(404, 422)
  get(@Param('id', UuidParam) id: string): Promise<LandlordNetworkDto> {
    return this.networks.network(id);
  }

  @Post('splits')
  @RequirePermission('editLandlords')
  @Idempotent()
  @ApiOperation({
    summary: 'Split a pair: "these are not the same"',
    description:
      'Removes the pair’s network links; deriving the links again never re-creates them until ' +
      'the split is undone. An already split pair is a 409, an unknown otherLandlordId a 422.',
  })
  @ApiCreatedResponse({ type: NetworkSplitDto })
  @ApiProblems(404, 409, 422)
  split(
    @Param('id', UuidParam) id: string,
    @Body() body: CreateNetworkSplitDto,
  ): Promise<NetworkSplitDto> {
    return this.networks.split(id, body);
  }

  @Delete('splits/:otherLandlordId')
  @RequirePermission('editLandlords')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Undo a split: the pair’s links are derived again' })
  @ApiNoContentResponse({ description: 'The split is gone' })
  @ApiProblems(404, 422)
  undoSplit(
    @Param('id', UuidParam) id: string,
    @Param('otherLandlordId', OtherLandlordIdParam) otherLandlordId: string,
  ): Promise<void> {
    return this.networks.undoSplit(id, otherLandlordId);
  }
}
