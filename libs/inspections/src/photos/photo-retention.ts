import { Injectable } from '@nestjs/common';
import { Propagation } from '@nestjs-cls/transactional';
import { AuditTrail, Transactional } from '@hausakte/platform';
import { PhotoStorage } from './photo-storage';
import { PhotoUploads } from './photo-uploads';
import { PhotoRepository, RemovedPhoto } from './photo.repository';

/** A photo whose defect was never created is removed this long after its upload (ARCHITECTURE.md). */
export const UNATTACHED_PHOTO_DAYS = 7;

const DAY_MS = 24 * 3600_000;

/**
 * What photo evidence keeps no longer than needed; the worker registers both purges as
 * retention tasks. Each removal is recorded in the audit trail (no file name, no position).
 */
@Injectable()
export class PhotoRetention {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly storage: PhotoStorage,
    private readonly uploads: PhotoUploads,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Removes photos never attached to a defect within UNATTACHED_PHOTO_DAYS, with their files.
   * The rows and audit entries commit in a transaction of their own first, so a file is removed
   * only once nothing points at it any more.
   */
  async purgeUnattached(now: Date): Promise<number> {
    const removed = await this.deleteUnattached(
      new Date(now.getTime() - UNATTACHED_PHOTO_DAYS * DAY_MS),
    );
    for (const photo of removed) await this.storage.remove(photo.originalPath, photo.previewPath);
    return removed.length;
  }

  /** Removes tus uploads begun more than PHOTO_UPLOAD_EXPIRY_HOURS ago and never finished. */
  purgeStaleUploads(): Promise<number> {
    return this.uploads.expireStale();
  }

  @Transactional(Propagation.RequiresNew)
  private async deleteUnattached(cutoff: Date): Promise<RemovedPhoto[]> {
    const removed = await this.photos.deleteUnattachedCreatedBefore(cutoff);
    for (const photo of removed) {
      await this.audit.record({
        action: 'photo.removed_unattached',
        entityType: 'photo',
        entityId: photo.id,
        before: { defectId: photo.defectId, sha256: photo.sha256, createdAt: photo.createdAt },
        after: { rule: `never attached to a defect within ${UNATTACHED_PHOTO_DAYS} days` },
      });
    }
    return removed;
  }
}
