import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import {
  ClosureDetailsDto,
  ClosureDto,
  ClosurePageDto,
  ClosureQueryDto,
  ClosuresService,
  ClosureTransitionDto,
  CreateClosureDto,
} from '@hausakte/enforcement';
import { ApiProblems, Idempotent, UuidParam } from '@hausakte/platform';

// Closures are part of working a case ("manage cases, hearings, orders, letters": officers).
@ApiTags('closures')
@Controller()
@RequirePermission('manageCases')
@ApiProblems(401, 403)
export class ClosuresController {
  constructor(private readonly closures: ClosuresService) {}

  @Post('cases/:id/closures')
  @Idempotent()
  @ApiOperation({
    summary:
      'Declare a closure from an issued or served declaration of uninhabitability (§ 9 WohnStG)',
    description:
      'A move-out date without immediate danger needs replacement housing recorded first ' +
      '(§ 9 Abs. 4 WohnStG): 422 naming moveOutBy otherwise.',
  })
  @ApiCreatedResponse({ type: ClosureDto })
  @ApiProblems(404, 409, 422)
  create(
    @Param('id', UuidParam) caseId: string,
    @Body() body: CreateClosureDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ClosureDto> {
    return this.closures.create(caseId, body, user);
  }

  @Get('closures')
  @ApiOperation({ summary: 'The closure register, newest declaration first' })
  @ApiOkResponse({ type: ClosurePageDto })
  @ApiProblems(422)
  list(@Query() query: ClosureQueryDto): Promise<ClosurePageDto> {
    return this.closures.list(query);
  }

  @Get('closures/:id')
  @ApiOperation({ summary: 'One closure' })
  @ApiOkResponse({ type: ClosureDto })
  @ApiProblems(404, 422)
  get(@Param('id', UuidParam) id: string): Promise<ClosureDto> {
    return this.closures.get(id);
  }

  @Patch('closures/:id')
  @ApiOperation({
    summary:
      'Record notice to occupants (a count), immediate danger, move-out date, replacement housing',
  })
  @ApiOkResponse({ type: ClosureDto })
  @ApiProblems(404, 409, 422)
  update(@Param('id', UuidParam) id: string, @Body() body: ClosureDetailsDto): Promise<ClosureDto> {
    return this.closures.update(id, body);
  }

  @Post('closures/:id/transition')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move the closure on: declared → vacated → sealed → released (409 for any other step)',
    description:
      'Vacating plans the re-inspection that checks the re-letting ban; releasing needs a reason.',
  })
  @ApiOkResponse({ type: ClosureDto })
  @ApiProblems(404, 409, 422)
  transition(
    @Param('id', UuidParam) id: string,
    @Body() body: ClosureTransitionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ClosureDto> {
    return this.closures.transition(id, body, user);
  }
}
