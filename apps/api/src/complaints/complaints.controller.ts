import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '@hausakte/auth';
import {
  ComplaintDto,
  ComplaintPageDto,
  ComplaintQueryDto,
  ComplaintsService,
  CreateComplaintDto,
  UpdateComplaintDto,
} from '@hausakte/inspections';
import { ApiProblems, etagOf, Idempotent, UuidParam, versionFromIfMatch } from '@hausakte/platform';

const ETAG = {
  ETag: { description: 'The version; send it as If-Match', schema: { type: 'string' } },
};

@ApiTags('complaints')
@Controller('complaints')
@ApiProblems(401, 403)
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Get()
  @RequirePermission('recordComplaints')
  @ApiOperation({
    summary: 'Complaints, latest received first; by property, category, undecided or unmatched',
    description: 'The reporter’s contact is withheld in lists (`hasReporterContact` says if any).',
  })
  @ApiOkResponse({ type: ComplaintPageDto })
  @ApiProblems(422)
  list(@Query() query: ComplaintQueryDto): Promise<ComplaintPageDto> {
    return this.complaints.list(query);
  }

  @Post()
  @RequirePermission('recordComplaints')
  @Idempotent()
  @ApiOperation({
    summary: 'Record a complaint and match it to a property',
    description:
      'Matched by address first (properties inside the city only), else to the nearest property in the city within 25 m of the point, else `match: none` with a `proposedProperty`. An address that names several properties (no postcode given) matches none, and `matchNote` says so. An earlier complaint of the same property and category within 90 days is flagged in `possibleDuplicateOf`, never merged.',
  })
  @ApiCreatedResponse({ type: ComplaintDto })
  @ApiProblems(409, 422)
  create(@Body() body: CreateComplaintDto): Promise<ComplaintDto> {
    return this.complaints.create(body);
  }

  @Get(':id')
  @RequirePermission('recordComplaints')
  @ApiOperation({
    summary: 'One complaint with the reporter’s contact; ETag is its version',
    description: 'Showing a contact writes `complaint.contact_read` to the audit trail.',
  })
  @ApiOkResponse({ type: ComplaintDto, headers: ETAG })
  @ApiProblems(404, 422)
  async get(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintDto> {
    const complaint = await this.complaints.get(id);
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }

  @Patch(':id')
  @RequirePermission('recordComplaints')
  @ApiOperation({
    summary: 'Link to a property, correct text or category, or decide on a possible duplicate',
    description:
      '409 for `duplicateDecision` when the complaint is not flagged as a possible duplicate, and for `propertyId` while inspections follow up the complaint (the detail and `inspectionIds` name them). When the property or category changes, complaints flagged as possible duplicates of this one are re-checked: their flag and verdict are cleared or point at another earlier complaint (`complaint.duplicate_rechecked` in the audit trail).',
  })
  @ApiOkResponse({ type: ComplaintDto, headers: ETAG })
  @ApiProblems(404, 409, 412, 422, 428)
  async update(
    @Param('id', UuidParam) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateComplaintDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintDto> {
    const complaint = await this.complaints.update(id, versionFromIfMatch(ifMatch), body);
    void reply.header('etag', etagOf(complaint.version));
    return complaint;
  }
}
