import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import {
  LETTER_TEMPLATE_KEYS,
  LetterDataDto,
  LettersService,
  LetterTemplateDto,
  LetterTemplateListDto,
  LetterTemplatesService,
  PreviewLetterDto,
  UpdateLetterTemplateDto,
} from '@hausakte/enforcement';
import { ApiProblems, etagOf, versionFromIfMatch } from '@hausakte/platform';

const KEY = { name: 'key', enum: LETTER_TEMPLATE_KEYS };

@ApiTags('letter templates')
@Controller('letter-templates')
@ApiProblems(401, 403)
export class LetterTemplatesController {
  constructor(
    private readonly templates: LetterTemplatesService,
    private readonly letters: LettersService,
  ) {}

  @Get()
  @RequirePermission('administer')
  @ApiOperation({ summary: 'The current version of every letter template' })
  @ApiOkResponse({ type: LetterTemplateListDto })
  list(): Promise<LetterTemplateListDto> {
    return this.templates.list();
  }

  @Get(':key')
  @RequirePermission('administer')
  @ApiOperation({ summary: 'The current version of a letter template' })
  @ApiParam(KEY)
  @ApiOkResponse({ type: LetterTemplateDto })
  @ApiProblems(404)
  async get(
    @Param('key') key: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LetterTemplateDto> {
    const template = await this.templates.get(key);
    void reply.header('etag', etagOf(template.version));
    return template;
  }

  @Patch(':key')
  @RequirePermission('administer')
  @ApiOperation({
    summary: 'Change a letter template: a new version; issued letters keep theirs',
    description:
      'The parts given replace the current ones. Every placeholder must be known where it stands; an order’s instructions on legal remedies must name {{court}}.',
  })
  @ApiParam(KEY)
  @ApiOkResponse({ type: LetterTemplateDto })
  @ApiProblems(404, 412, 422, 428)
  async update(
    @Param('key') key: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateLetterTemplateDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LetterTemplateDto> {
    const template = await this.templates.update(key, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(template.version));
    return template;
  }

  @Post(':key/preview')
  @RequirePermission('manageCases')
  @ApiOperation({
    summary: 'The letter the current template makes of this data, as PDF (nothing is stored)',
  })
  @ApiParam(KEY)
  @ApiProduces('application/pdf')
  @ApiResponse({ status: 200, description: 'The PDF' })
  @ApiProblems(404, 422)
  async preview(
    @Param('key') key: string,
    @Body() body: PreviewLetterDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.letters.preview(
      key,
      body.reference,
      LetterDataDto.toLetterData(body.data),
    );
    await reply
      .status(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${key}-preview.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }
}
