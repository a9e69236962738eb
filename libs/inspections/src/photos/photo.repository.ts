import { Injectable } from '@nestjs/common';
import type { Point } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { DEFECT_PHOTO_LOCK_KEY } from './defect-photo-lock';
import { Photo } from './photo.entity';

export type NewPhoto = Omit<Photo, 'createdAt'>;

/** A photo as read: the row with GPS as GeoJSON and whether its defect exists yet. */
export type PhotoRow = Omit<Photo, 'gps'> & { gps: Point | null; attached: boolean };

/** What retention removed, so that the files can follow. */
export type RemovedPhoto = Pick<
  Photo,
  'id' | 'defectId' | 'sha256' | 'originalPath' | 'previewPath' | 'createdAt'
>;

/** Where the next batch of the unattached-photo purge starts: after this photo. */
export interface PurgeCursor {
  /** As Postgres prints it, to the microsecond (a Date would round it to milliseconds). */
  createdAt: string;
  id: string;
}

const COLUMNS = `p.id, p.defect_id AS "defectId", p.uploaded_by AS "uploadedBy", p.sha256,
  p.content_type AS "contentType", p.byte_size AS "byteSize", p.width, p.height,
  p.captured_at AS "capturedAt", ST_AsGeoJSON(p.gps)::json AS gps,
  p.original_path AS "originalPath", p.preview_path AS "previewPath",
  p.original_filename AS "originalFilename", p.created_at AS "createdAt",
  EXISTS (SELECT 1 FROM defects d WHERE d.id = p.defect_id) AS attached`;

/** Visible: attached to a defect that exists, or uploaded by the viewer. */
const VISIBLE_TO = (viewer: string) =>
  `(p.uploaded_by = ${viewer} OR EXISTS (SELECT 1 FROM defects d WHERE d.id = p.defect_id))`;

@Injectable()
export class PhotoRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /** Inserts, never updates: a second photo with the same id fails on `photos_pkey`. */
  async insert(photo: NewPhoto): Promise<void> {
    await this.manager.getRepository(Photo).insert(photo);
  }

  /** The photo, whoever uploaded it and whether attached or not. */
  async findById(id: string): Promise<PhotoRow | null> {
    const rows: PhotoRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM photos p WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The photo if the viewer may see it (see VISIBLE_TO). */
  async findVisible(id: string, viewerId: string): Promise<PhotoRow | null> {
    const rows: PhotoRow[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM photos p WHERE p.id = $1 AND ${VISIBLE_TO('$2')}`,
      [id, viewerId],
    );
    return rows[0] ?? null;
  }

  /** The defect's photos the viewer may see, in the order they were taken. */
  async listOfDefect(
    defectId: string,
    viewerId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: PhotoRow[]; total: number }> {
    const filtered = `FROM photos p WHERE p.defect_id = $1 AND ${VISIBLE_TO('$2')}`;
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total ${filtered}`,
      [defectId, viewerId],
    );
    const rows: PhotoRow[] = await this.manager.query(
      `SELECT ${COLUMNS} ${filtered}
       ORDER BY p.captured_at NULLS LAST, p.created_at, p.id
       LIMIT $3 OFFSET $4`,
      [defectId, viewerId, limit, offset],
    );
    return { rows, total };
  }

  /**
   * One batch of the unattached-photo purge; call it in a transaction of its own (READ COMMITTED,
   * the default), which holds the advisory locks it takes until it ends. Looks at no more than
   * `limit` photos created before `cutoff` whose defect does not exist, in (created_at, id) order
   * after `after`, and deletes those whose defect lock (see lockDefectsForPhotos) it gets.
   * `next` is where the following batch starts, null once the scan has reached its end.
   *
   * Why two statements. A completion takes the defect's lock, inserts the defect and commits,
   * which releases the lock. One statement with the try-lock in its WHERE clause would check
   * NOT EXISTS with the snapshot taken when the statement began, before its try-lock: a completion
   * committing between that snapshot and the try-lock would leave the lock free and its defect
   * invisible, and its photo would go just as it became attached. So the first statement takes
   * the locks; the DELETE starts later, and under READ COMMITTED with a fresh snapshot: any
   * completion that held one of those locks has committed before it (its defect is seen and the
   * photo kept), and any completion that had not yet asked for it waits until this transaction
   * ends (the purge comes first; the defect is recorded without the removed photo). A lock held
   * right now means a completion is under way: that photo is skipped, never waited for (no
   * deadlock, no long wait), and looked at again the next night.
   */
  async deleteUnattachedBatch(
    cutoff: Date,
    after: PurgeCursor | null,
    limit: number,
  ): Promise<{ removed: RemovedPhoto[]; next: PurgeCursor | null }> {
    // Walks photos_created_at_idx from the oldest (or from the cursor) and looks each defect up
    // by its primary key. The try-lock sits in the select list outside the LIMITed subquery, so it
    // runs once for each candidate and for nothing else (in a WHERE clause beside NOT EXISTS the
    // planner could run it first, for photos that are attached).
    const params: unknown[] = [cutoff, limit];
    let start = '';
    if (after) {
      params.push(after.createdAt, after.id);
      start = 'AND p.created_at >= $3 AND (p.created_at, p.id) > ($3::timestamptz, $4::uuid)';
    }
    const candidates: Array<{ id: string; createdAt: string; locked: boolean }> =
      await this.manager.query(
        `SELECT c.id, c.created_at::text AS "createdAt",
                pg_try_advisory_xact_lock(${DEFECT_PHOTO_LOCK_KEY('c.defect_id')}) AS locked
           FROM (SELECT p.id, p.defect_id, p.created_at
                   FROM photos p
                  WHERE p.created_at < $1 ${start}
                    AND NOT EXISTS (SELECT 1 FROM defects d WHERE d.id = p.defect_id)
                  ORDER BY p.created_at, p.id
                  LIMIT $2) AS c
          ORDER BY c.created_at, c.id`,
        params,
      );
    const last = candidates.at(-1);
    const next =
      candidates.length < limit || !last ? null : { createdAt: last.createdAt, id: last.id };
    const locked = candidates.filter((candidate) => candidate.locked).map(({ id }) => id);
    if (locked.length === 0) return { removed: [], next };
    // A new statement, a new snapshot: the re-check sees every defect committed until now.
    const [removed]: [RemovedPhoto[], number] = await this.manager.query(
      `DELETE FROM photos p
        WHERE p.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM defects d WHERE d.id = p.defect_id)
       RETURNING p.id, p.defect_id AS "defectId", p.sha256, p.original_path AS "originalPath",
                 p.preview_path AS "previewPath", p.created_at AS "createdAt"`,
      [locked],
    );
    return { removed, next };
  }
}

/** True for the error a second insert of the same photo id gets. */
export function isDuplicatePhoto(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'photos_pkey';
}
