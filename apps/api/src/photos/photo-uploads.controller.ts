import { Controller, Delete, Get, Head, HttpStatus, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthenticatedUser, CurrentUser, RequirePermission } from '@hausakte/auth';
import { PhotoUploads } from '@hausakte/inspections';
import { ApiProblems, Problem } from '@hausakte/platform';

const TUS_RESUMABLE = { name: 'Tus-Resumable', required: true, schema: { example: '1.0.0' } };

/**
 * Photo evidence arrives by the tus protocol (v1.0.0: creation, creation-with-upload,
 * termination, expiration) only. The global guard authenticates every request; the tus server
 * then keeps each upload to the user who began it.
 */
@ApiTags('photos')
@Controller('uploads/photos')
@ApiProblems(401, 403)
export class PhotoUploadsController {
  constructor(private readonly uploads: PhotoUploads) {}

  @Post()
  @RequirePermission('logInspections')
  @ApiOperation({
    summary: 'Begin a photo upload (tus creation)',
    description:
      'Upload-Metadata (base64 values): `photoId` and `defectId`, the client’s UUIDs; `filename` optional. ' +
      'Upload-Length is required and at most PHOTO_MAX_BYTES. The answer’s Location is the upload to PATCH. ' +
      'The photo’s UUID plus the SHA-256 of its bytes is its identity: sending it again stores nothing new.',
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Length', required: true })
  @ApiHeader({ name: 'Upload-Metadata', required: true })
  @ApiResponse({ status: 201, description: 'Created; Location names the upload' })
  @ApiProblems(409, 413, 415, 422)
  create(
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.relay(request, user, reply);
  }

  // Declared before the GET below, so that Fastify does not derive a HEAD route from that.
  @Head(':id')
  @RequirePermission('logInspections')
  @ApiOperation({ summary: 'How many bytes of the upload have arrived (tus Upload-Offset)' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiResponse({ status: 200, description: 'Upload-Offset and Upload-Length in the headers' })
  @ApiProblems(404, 410, 423)
  offset(
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.relay(request, user, reply);
  }

  @Patch(':id')
  @RequirePermission('logInspections')
  @ApiOperation({
    summary: 'Send the next bytes (tus PATCH, Content-Type: application/offset+octet-stream)',
    description:
      'When the last byte arrives the photo is checked by its content (JPEG, PNG or WebP; HEIC is refused: ' +
      'this server cannot decode it), decoded in full, hashed and stored with a preview; only then does the PATCH answer 204.',
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Offset', required: true })
  @ApiResponse({ status: 204, description: 'Accepted; Upload-Offset is the new offset' })
  @ApiProblems(404, 409, 410, 413, 415, 422, 423)
  append(
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.relay(request, user, reply);
  }

  @Delete(':id')
  @RequirePermission('logInspections')
  @ApiOperation({ summary: 'Abandon an unfinished upload (tus termination)' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiProblems(404, 410)
  terminate(
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.relay(request, user, reply);
  }

  /** tus has no GET: a received photo is read at /api/v1/photos/{photoId}. */
  @Get(':id')
  @RequirePermission('logInspections')
  @ApiExcludeEndpoint()
  notReadable(): never {
    throw new Problem(
      HttpStatus.METHOD_NOT_ALLOWED,
      'method-not-allowed',
      'An upload cannot be read back; read the photo at /api/v1/photos/{photoId}.',
      {},
      { allow: 'HEAD, PATCH, DELETE' },
    );
  }

  private async relay(
    request: FastifyRequest,
    user: AuthenticatedUser,
    reply: FastifyReply,
  ): Promise<void> {
    const answer = await this.uploads.handle(request.raw, user.id);
    await reply
      .status(answer.status)
      .headers(answer.headers)
      .send(answer.body || undefined);
  }
}
