import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import {
  CloseHearingDto,
  CreateHearingDto,
  HearingDto,
  HearingsService,
  SendHearingDto,
} from '@hausakte/enforcement';
import { ApiProblems, Idempotent, UuidParam } from '@hausakte/platform';
import { sendLetter } from './orders.controller';

@ApiTags('hearings')
@Controller()
@RequirePermission('manageCases')
@ApiProblems(401, 403)
export class HearingsController {
  constructor(private readonly hearings: HearingsService) {}

  @Post('cases/:id/hearings')
  @Idempotent()
  @ApiOperation({ summary: 'Draft a hearing (§ 28 VwVfG NRW) on open defects of the case' })
  @ApiCreatedResponse({ type: HearingDto })
  @ApiProblems(404, 409, 422)
  create(
    @Param('id', UuidParam) caseId: string,
    @Body() body: CreateHearingDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HearingDto> {
    return this.hearings.create(caseId, body, user);
  }

  @Get('hearings/:id')
  @ApiOperation({ summary: 'One hearing' })
  @ApiOkResponse({ type: HearingDto })
  @ApiProblems(404, 422)
  get(@Param('id', UuidParam) id: string): Promise<HearingDto> {
    return this.hearings.get(id);
  }

  @Post('hearings/:id/send')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Record that the hearing was sent: addressees frozen, reply due date from the delivery, ' +
      'its letters issued (one per addressee)',
  })
  @ApiOkResponse({ type: HearingDto })
  @ApiProblems(404, 409, 422)
  send(
    @Param('id', UuidParam) id: string,
    @Body() body: SendHearingDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<HearingDto> {
    return this.hearings.send(id, body, user);
  }

  @Get('hearings/:id/letters/:letterId')
  @ApiOperation({ summary: 'One of the hearing’s letters as issued (PDF); the read is audited' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The stored PDF' })
  @ApiProblems(404, 422)
  async letter(
    @Param('id', UuidParam) id: string,
    @Param('letterId', UuidParam) letterId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.hearings.letterFile(id, letterId);
    await sendLetter(reply, file);
  }

  @Post('hearings/:id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close a sent hearing (the reply came, or the period passed)' })
  @ApiOkResponse({ type: HearingDto })
  @ApiProblems(404, 409, 422)
  close(@Param('id', UuidParam) id: string, @Body() body: CloseHearingDto): Promise<HearingDto> {
    return this.hearings.close(id, body);
  }
}
