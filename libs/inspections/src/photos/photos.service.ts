import { Injectable } from '@nestjs/common';
import type { ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { AuditTrail, NotFoundProblem, Page, PageQuery, Transactional } from '@hausakte/platform';
import { PhotoDto } from './dto/photo.dto';
import { FILE_EXTENSION, SHARP_FORMAT, SNIFF_BYTES, sniffPhotoType } from './photo-content';
import { readPhotoExif } from './photo-exif';
import { decodeWithPreview, PREVIEW_CONTENT_TYPE, UnreadableImageError } from './photo-image';
import {
  PhotoConflictProblem,
  UnreadablePhotoProblem,
  UnsupportedPhotoTypeProblem,
} from './photo-problems';
import { headOf, PhotoStorage, sha256Of } from './photo-storage';
import { isDuplicatePhoto, NewPhoto, PhotoRepository, PhotoRow } from './photo.repository';

/** A completely received upload, as the tus server hands it over. */
export interface ReceivedPhoto {
  /** The uploaded bytes, in the upload directory; left there for the caller to remove. */
  file: string;
  photoId: string;
  defectId: string;
  uploaderId: string;
  filename: string | null;
}

/** A stored file opened for sending. */
export interface PhotoFile {
  stream: ReadStream;
  size: number;
  contentType: string;
  /** Quoted, for the ETag header. */
  etag: string;
  /** For Content-Disposition: the photo id and the type's extension, never the client's name. */
  filename: string;
}

/** What the audit trail keeps of a photo: no file name (it may name a person), no position. */
function auditView(photo: NewPhoto): Record<string, unknown> {
  return {
    defectId: photo.defectId,
    sha256: photo.sha256,
    contentType: photo.contentType,
    byteSize: photo.byteSize,
    width: photo.width,
    height: photo.height,
    capturedAt: photo.capturedAt,
    hasPosition: photo.gps !== null,
  };
}

@Injectable()
export class PhotosService {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly storage: PhotoStorage,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Records a received upload as photo evidence, or refuses it with a problem (nothing stored).
   * The photo's UUID plus the SHA-256 of its bytes is its identity: the same again is a repeat
   * that stores nothing; the same UUID with other bytes or another defect is a 409.
   */
  async accept(received: ReceivedPhoto): Promise<{ photo: PhotoDto; repeat: boolean }> {
    const type = sniffPhotoType(await headOf(received.file, SNIFF_BYTES));
    if (type === 'image/heic') {
      throw new UnsupportedPhotoTypeProblem(
        'HEIC photos cannot be decoded by this server. Send JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible), PNG or WebP.',
      );
    }
    if (!type) throw new UnsupportedPhotoTypeProblem('The file is not a JPEG, PNG or WebP image.');

    const sha256 = await sha256Of(received.file);
    const existing = await this.photos.findById(received.photoId);
    if (existing) return this.repeatOf(existing, received, sha256);

    const names = this.storage.newNames(received.photoId, FILE_EXTENSION[type]);
    try {
      const decoded = await decodeWithPreview(
        received.file,
        await this.storage.prepare(names.preview),
      );
      if (decoded.format !== SHARP_FORMAT[type]) {
        throw new UnsupportedPhotoTypeProblem('The file is not a JPEG, PNG or WebP image.');
      }
      const exif = await readPhotoExif(received.file);
      await this.storage.keepOriginal(received.file, names.original);
      const photo = await this.record({
        id: received.photoId,
        defectId: received.defectId,
        uploadedBy: received.uploaderId,
        sha256,
        contentType: type,
        byteSize: (await stat(received.file)).size,
        width: decoded.width,
        height: decoded.height,
        capturedAt: exif.capturedAt,
        gps: exif.position
          ? { type: 'Point', coordinates: [exif.position.lon, exif.position.lat] }
          : null,
        originalPath: names.original,
        previewPath: names.preview,
        originalFilename: received.filename,
      });
      return { photo, repeat: false };
    } catch (error) {
      await this.storage.remove(names.preview, names.original);
      if (error instanceof UnreadableImageError) throw new UnreadablePhotoProblem(error.message);
      // A concurrent upload of the same photo won the primary key: judge against it.
      if (isDuplicatePhoto(error)) {
        const winner = await this.photos.findById(received.photoId);
        if (winner) return this.repeatOf(winner, received, sha256);
      }
      throw error;
    }
  }

  /** `withExif`: the viewer may see original photos; otherwise capture time, position and name are null. */
  async get(id: string, viewerId: string, withExif: boolean): Promise<PhotoDto> {
    return PhotoDto.from(await this.visible(id, viewerId), withExif);
  }

  /** `withExif` as for `get`. */
  async listOfDefect(
    defectId: string,
    viewerId: string,
    page: PageQuery,
    withExif: boolean,
  ): Promise<Page<PhotoDto>> {
    const { rows, total } = await this.photos.listOfDefect(
      defectId,
      viewerId,
      page.limit,
      page.offset,
    );
    return { items: rows.map((row) => PhotoDto.from(row, withExif)), total };
  }

  /** The resized copy without metadata; it derives from immutable bytes, so its ETag is their hash. */
  async preview(id: string, viewerId: string): Promise<PhotoFile> {
    const photo = await this.visible(id, viewerId);
    const { stream, size } = await this.storage.open(photo.previewPath);
    return {
      stream,
      size,
      contentType: PREVIEW_CONTENT_TYPE,
      etag: `"${photo.sha256}"`,
      filename: `${photo.id}-preview.jpg`,
    };
  }

  /** The original as uploaded, EXIF and all. Every read is recorded in the audit trail. */
  async original(id: string, viewerId: string): Promise<PhotoFile> {
    const photo = await this.visible(id, viewerId);
    const file = await this.storage.open(photo.originalPath);
    try {
      await this.recordOriginalRead(photo.id);
    } catch (error) {
      file.stream.destroy();
      throw error;
    }
    return {
      ...file,
      contentType: photo.contentType,
      etag: `"${photo.sha256}"`,
      filename: `${photo.id}.${FILE_EXTENSION[photo.contentType]}`,
    };
  }

  private async visible(id: string, viewerId: string): Promise<PhotoRow> {
    const photo = await this.photos.findVisible(id, viewerId);
    if (!photo) throw new NotFoundProblem('Photo');
    return photo;
  }

  private repeatOf(
    existing: PhotoRow,
    received: ReceivedPhoto,
    sha256: string,
  ): { photo: PhotoDto; repeat: boolean } {
    if (existing.sha256 !== sha256) {
      throw new PhotoConflictProblem(
        `Photo ${existing.id} was uploaded before with other bytes; a photo never changes. Give a new photo a new id.`,
      );
    }
    if (existing.defectId !== received.defectId) {
      throw new PhotoConflictProblem(
        `Photo ${existing.id} belongs to another defect; a photo is evidence of one defect.`,
      );
    }
    // The uploader sent these bytes, EXIF and all.
    return { photo: PhotoDto.from(existing, true), repeat: true };
  }

  @Transactional()
  private async record(photo: NewPhoto): Promise<PhotoDto> {
    await this.photos.insert(photo);
    await this.audit.record({
      action: 'photo.uploaded',
      entityType: 'photo',
      entityId: photo.id,
      after: auditView(photo),
    });
    const stored = await this.photos.findById(photo.id);
    if (!stored) throw new Error(`Photo ${photo.id} vanished in its own transaction`);
    return PhotoDto.from(stored, true);
  }

  /** Which photo was read, never anything about it: the trail must not copy the evidence. */
  @Transactional()
  private async recordOriginalRead(id: string): Promise<void> {
    await this.audit.record({ action: 'photo.original_read', entityType: 'photo', entityId: id });
  }
}
