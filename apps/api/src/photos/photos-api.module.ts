import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PhotosModule } from '@hausakte/inspections';
import { PhotoUploadsController } from './photo-uploads.controller';
import { PhotosController } from './photos.controller';

/** Photo evidence over HTTP: tus uploads and the reads. */
@Module({
  imports: [PhotosModule],
  controllers: [PhotoUploadsController, PhotosController],
})
export class PhotosApiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** tus PATCH bodies: left unread for the tus server (which enforces the size limit itself). */
  onModuleInit(): void {
    this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
        done(null),
      );
  }
}
