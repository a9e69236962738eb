import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PhotoRetention } from './photo-retention';
import { PhotoStorage } from './photo-storage';
import { PhotoUploads } from './photo-uploads';
import { Photo } from './photo.entity';
import { PhotoRepository } from './photo.repository';
import { PhotosService } from './photos.service';

/**
 * Photo evidence: the tus upload server, the stored files and their records. Needs the auth
 * lib's User entity in the DataSource (a photo's uploader) and PHOTO_STORAGE_DIR on a disk the
 * api and the worker share (the worker's retention removes files).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Photo])],
  providers: [PhotoRepository, PhotoStorage, PhotosService, PhotoUploads, PhotoRetention],
  exports: [PhotosService, PhotoUploads, PhotoRetention],
})
export class PhotosModule {}
