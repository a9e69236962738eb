import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthenticatedUser, CurrentUser, RequirePermission, roleHas } from '@hausakte/auth';
import { PhotoDto, PhotoFile, PhotoPageDto, PhotosService } from '@hausakte/inspections';
import { ApiProblems, PageQuery, UuidParam } from '@hausakte/platform';

const UNATTACHED =
  'A photo whose defect does not exist yet is visible only to its uploader (404 for others).';
const EXIF_FIELDS =
  '`capturedAt`, `location` and `originalFilename` are null unless the caller may see original photos.';

/** EXIF and the device's file name go with the original: to inspectors and officers only. */
const seesExif = (user: AuthenticatedUser) => roleHas(user.role, 'seeOriginalPhotos');

@ApiTags('photos')
@Controller()
@ApiProblems(401, 403)
export class PhotosController {
  constructor(private readonly photos: PhotosService) {}

  @Get('photos/:id')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'A photo’s record: hash, size, capture time and position from EXIF',
    description: `${UNATTACHED} ${EXIF_FIELDS}`,
  })
  @ApiOkResponse({ type: PhotoDto })
  @ApiProblems(404, 422)
  get(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PhotoDto> {
    return this.photos.get(id, user.id, seesExif(user));
  }

  @Get('photos/:id/preview')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'The photo for the browser: upright, at most 1600 px, JPEG without any metadata',
    description: `Immutable: cache it; the ETag is the original's SHA-256. ${UNATTACHED}`,
  })
  @ApiProduces('image/jpeg')
  @ApiResponse({ status: 200, description: 'The JPEG' })
  @ApiResponse({ status: 304, description: 'If-None-Match still matches' })
  @ApiProblems(404, 422)
  async preview(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.photos.preview(id, user.id);
    await sendFile(reply, file, 'inline', 'private, max-age=31536000, immutable', ifNoneMatch);
  }

  @Get('photos/:id/original')
  @RequirePermission('seeOriginalPhotos')
  @ApiOperation({
    summary: 'The original as uploaded, EXIF and all (as a download)',
    description: `Every read is recorded in the audit trail as \`photo.original_read\`. ${UNATTACHED}`,
  })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiResponse({ status: 200, description: 'The original bytes' })
  @ApiProblems(404, 422)
  async original(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.photos.original(id, user.id);
    await sendFile(reply, file, 'attachment', 'private, no-store');
  }

  @Get('defects/:id/photos')
  @RequirePermission('readRegister')
  @ApiOperation({
    summary: 'The photos of a defect, in the order they were taken',
    description: `${UNATTACHED} ${EXIF_FIELDS}`,
  })
  @ApiOkResponse({ type: PhotoPageDto })
  @ApiProblems(422)
  list(
    @Param('id', UuidParam) defectId: string,
    @Query() page: PageQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PhotoPageDto> {
    return this.photos.listOfDefect(defectId, user.id, page, seesExif(user));
  }
}

/** Sends a stored file, or 304 when the client's copy still matches. */
async function sendFile(
  reply: FastifyReply,
  file: PhotoFile,
  disposition: 'inline' | 'attachment',
  cacheControl: string,
  ifNoneMatch?: string,
): Promise<void> {
  void reply.header('etag', file.etag).header('cache-control', cacheControl);
  const tags = ifNoneMatch?.split(',').map((tag) => tag.trim().replace(/^W\//, '')) ?? [];
  if (tags.includes(file.etag) || tags.includes('*')) {
    file.stream.destroy();
    await reply.status(304).send();
    return;
  }
  await reply
    .status(200)
    .type(file.contentType)
    .header('content-length', file.size)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .send(file.stream);
}
