import { Injectable } from '@nestjs/common';
import { Propagation } from '@nestjs-cls/transactional';
import { AuditTrail, Transactional } from '@hausakte/platform';
import { PhotoStorage } from './photo-storage';
import { PhotoUploads } from './photo-uploads';
import { PhotoRepository, PurgeCursor, RemovedPhoto } from './photo.repository';

/** A photo whose defect was never created is removed this long after its upload (ARCHITECTURE.md). */
export const UNATTACHED_PHOTO_DAYS = 7;

/** Photos looked at per statement (and per transaction) of that purge. */
export const UNATTACHED_PURGE_BATCH = 1000;

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
   * Works in batches of at most `batchSize` photos, each in a transaction of its own, so that a
   * large backlog never holds one transaction's locks for long. A batch's rows and audit entries
   * commit first, so a file is removed only once nothing points at it any more. A photo whose
   * defect a completion is recording right now is skipped, and looked at again the next night.
   */
  async purgeUnattached(now: Date, batchSize = UNATTACHED_PURGE_BATCH): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_PHOTO_DAYS * DAY_MS);
    let after: PurgeCursor | null = null;
    let count = 0;
    do {
      const batch = await this.deleteUnattached(cutoff, after, batchSize);
      for (const photo of batch.removed) {
        await this.storage.remove(photo.originalPath, photo.previewPath);
      }
      count += batch.removed.length;
      after = batch.next;
    } while (after);
    return count;
  }

  /** Removes tus uploads begun more than PHOTO_UPLOAD_EXPIRY_HOURS ago and never finished. */
  purgeStaleUploads(): Promise<number> {
    return this.uploads.expireStale();
  }

  @Transactional(Propagation.RequiresNew)
  private async deleteUnattached(
    cutoff: Date,
    after: PurgeCursor | null,
    limit: number,
  ): Promise<{ removed: RemovedPhoto[]; next: PurgeCursor | null }> {
    const batch = await this.photos.deleteUnattachedBatch(cutoff, after, limit);
    for (const photo of batch.removed) {
      await this.audit.record({
        action: 'photo.removed_unattached',
        entityType: 'photo',
        entityId: photo.id,
        before: { defectId: photo.defectId, sha256: photo.sha256, createdAt: photo.createdAt },
        after: { rule: `never attached to a defect within ${UNATTACHED_PHOTO_DAYS} days` },
      });
    }
    return batch;
  }
}
