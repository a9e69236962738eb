import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
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
  ChangeItemStatusDto,
  CreateOrderDto,
  DecideSuitDto,
  EscalateItemDto,
  ExtendItemPeriodDto,
  type LetterFile,
  OrderDto,
  OrderEscalationService,
  OrderItemsService,
  OrderLettersService,
  OrderProjectionDto,
  OrdersService,
  ProjectionQueryDto,
  RecordServiceDto,
  RecordSuitDto,
  ServeThreatDto,
  ThreatenItemDto,
  WithdrawOrderDto,
} from '@hausakte/enforcement';
import { ApiProblems, Idempotent, UuidParam } from '@hausakte/platform';

/** An issued letter as a download: its file name is the template and the letter's id, nothing personal. */
export async function sendLetter(reply: FastifyReply, file: LetterFile): Promise<void> {
  await reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-length', file.bytes.length)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

@ApiTags('orders')
@Controller()
@RequirePermission('manageCases')
@ApiProblems(401, 403)
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly letters: OrderLettersService,
    private readonly items: OrderItemsService,
    private readonly escalation: OrderEscalationService,
  ) {}

  @Post('cases/:id/orders')
  @Idempotent()
  @ApiOperation({
    summary: 'Draft an order with numbered items built from the case’s defects',
    description:
      'Items may contain only defects that were in the hearing, unless the hearing was skipped ' +
      'with a § 28 Abs. 2 reason (422 naming the item otherwise).',
  })
  @ApiCreatedResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  create(
    @Param('id', UuidParam) caseId: string,
    @Body() body: CreateOrderDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderDto> {
    return this.orders.create(caseId, body, user);
  }

  @Get('orders/:id')
  @ApiOperation({ summary: 'One order with its items and derived flags (final, overdue)' })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 422)
  get(@Param('id', UuidParam) id: string): Promise<OrderDto> {
    return this.orders.get(id);
  }

  @Get('orders/:id/projection')
  @ApiOperation({
    summary: 'The dates a draft or issued order gets if it leaves today by the given channel',
  })
  @ApiOkResponse({ type: OrderProjectionDto })
  @ApiProblems(404, 409, 422)
  projection(
    @Param('id', UuidParam) id: string,
    @Query() query: ProjectionQueryDto,
  ): Promise<OrderProjectionDto> {
    return this.orders.projection(id, query.method);
  }

  @Post('orders/:id/issue')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Issue the draft: its addressees are frozen, its letters issued (one per addressee)',
    description: 'Once only: a second issue is 409 and renders nothing.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  issue(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderDto> {
    return this.orders.issue(id, user);
  }

  @Post('orders/:id/letter-preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The letter the draft would be issued as today (first addressee, PDF; nothing stored)',
  })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The PDF' })
  @ApiProblems(404, 409, 422)
  async letterPreview(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.letters.letterPreview(id, user);
    await reply
      .status(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'inline; filename="order-preview.pdf"')
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }

  @Get('orders/:id/letters/:letterId')
  @ApiOperation({ summary: 'One of the order’s letters as issued (PDF); the read is audited' })
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The stored PDF' })
  @ApiProblems(404, 422)
  async letter(
    @Param('id', UuidParam) id: string,
    @Param('letterId', UuidParam) letterId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.letters.letterFile(id, letterId);
    await sendLetter(reply, file);
  }

  @Post('orders/:id/service')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the service: notification date, item due dates, end of the challenge period',
    description: 'A coercive-fine threat needs formal service: ordinary post is then a 422.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  recordService(
    @Param('id', UuidParam) id: string,
    @Body() body: RecordServiceDto,
  ): Promise<OrderDto> {
    return this.orders.recordService(id, body);
  }

  @Post('orders/:id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw an issued or served order' })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  withdraw(@Param('id', UuidParam) id: string, @Body() body: WithdrawOrderDto): Promise<OrderDto> {
    return this.orders.withdraw(id, body);
  }

  @Post('orders/:id/suit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record a suit against the served order: it is challenged' })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  recordSuit(@Param('id', UuidParam) id: string, @Body() body: RecordSuitDto): Promise<OrderDto> {
    return this.orders.recordSuit(id, body);
  }

  @Post('orders/:id/suit-decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The court’s decision: dismissed (served, final) or set aside (annulled)',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  decideSuit(@Param('id', UuidParam) id: string, @Body() body: DecideSuitDto): Promise<OrderDto> {
    return this.orders.decideSuit(id, body);
  }

  @Post('orders/:id/items/:itemId/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move an item: complied, not complied, closed, withdrawn' })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  changeItemStatus(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: ChangeItemStatusDto,
  ): Promise<OrderDto> {
    return this.items.changeItemStatus(id, itemId, body);
  }

  @Post('orders/:id/items/:itemId/extension')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Extend an open item’s period (Fristverlängerung); its reminders move with it',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  extendItemPeriod(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: ExtendItemPeriodDto,
  ): Promise<OrderDto> {
    return this.items.extendItemPeriod(id, itemId, body);
  }

  @Post('orders/:id/items/:itemId/threats')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Threaten a coercive fine again, or substitute performance, for an item',
    description:
      'A separate threat (§ 63 VwVG NRW) with its amount (coercive fine) or cost estimate ' +
      '(substitute performance) and a new period in days from its service. It is usable once ' +
      'its formal service is recorded and its period has passed.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  threaten(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: ThreatenItemDto,
  ): Promise<OrderDto> {
    return this.escalation.threaten(id, itemId, body);
  }

  @Post('orders/:id/items/:itemId/threats/:threatId/service')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record the formal service of a separate threat',
    description:
      'Formal service only (422 for ordinary post); the day of notification is its service ' +
      'date and the threat’s period runs from it.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  serveThreat(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Param('threatId', UuidParam) threatId: string,
    @Body() body: ServeThreatDto,
  ): Promise<OrderDto> {
    return this.escalation.serveThreat(id, itemId, threatId, body);
  }

  @Post('orders/:id/items/:itemId/escalate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Fix a coercive fine or order substitute performance, using a threat of the item',
    description:
      'Only once the order is final or immediately enforceable, with a served, unused threat ' +
      'of the item whose period has passed (409 otherwise), and at most the amount threatened ' +
      '(422 naming amountCents otherwise). Each fixing is kept as a row of the item.',
  })
  @ApiOkResponse({ type: OrderDto })
  @ApiProblems(404, 409, 422)
  escalate(
    @Param('id', UuidParam) id: string,
    @Param('itemId', UuidParam) itemId: string,
    @Body() body: EscalateItemDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OrderDto> {
    return this.escalation.escalate(id, itemId, body, user);
  }
}
