import { Injectable } from '@nestjs/common';
import type { Point } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { Photo } from './photo.entity';

export type NewPhoto = Omit<Photo, 'createdAt'>;

/** A photo as read: the row with GPS as GeoJSON and whether its defect exists yet. */
export type PhotoRow = Omit<Photo, 'gps'> & { gps: Point | null; attached: boolean };

/** What retention removed, so that the files can follow. */
export type RemovedPhoto = Pick<
  Photo,
  'id' | 'defectId' | 'sha256' | 'originalPath' | 'previewPath' | 'createdAt'
>;

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

  /** Deletes the photos created before `cutoff` whose defect does not exist, and returns them. */
  async deleteUnattachedCreatedBefore(cutoff: Date): Promise<RemovedPhoto[]> {
    const [rows]: [RemovedPhoto[], number] = await this.manager.query(
      `DELETE FROM photos p
       WHERE p.created_at < $1
         AND NOT EXISTS (SELECT 1 FROM defects d WHERE d.id = p.defect_id)
       RETURNING p.id, p.defect_id AS "defectId", p.sha256, p.original_path AS "originalPath",
                 p.preview_path AS "previewPath", p.created_at AS "createdAt"`,
      [cutoff],
    );
    return rows;
  }
}

/** True for the error a second insert of the same photo id gets. */
export function isDuplicatePhoto(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'photos_pkey';
}
