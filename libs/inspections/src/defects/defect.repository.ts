import { Injectable } from '@nestjs/common';
import type { Point } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import { lockDefectsForPhotos } from '../photos/defect-photo-lock';
import { DefectCheck } from './defect-check.entity';
import { Defect, DefectStatus } from './defect.entity';
import type { DefectDto } from './defect.dto';

export type NewDefect = Omit<Defect, 'version' | 'createdAt' | 'updatedAt' | 'statusChangedAt'>;

interface DefectRow {
  id: string;
  property_id: string;
  inspection_id: string;
  unit_id: string | null;
  unit_label: string | null;
  room: string | null;
  severity: DefectDto['severity'];
  severity_reason: string | null;
  description: string;
  position: Point | null;
  status: DefectStatus;
  status_changed_at: Date;
  created_at: Date;
  version: number;
  catalogue_id: string;
  catalogue_code: string;
  catalogue_version: number;
  legal_ground: string;
  title_de: string;
  title_en: string;
  catalogue_severity: DefectDto['severity'];
  photo_count: number;
}

const DEFECT_VIEW = `
  SELECT d.id, d.property_id, d.inspection_id, d.unit_id, u.label AS unit_label, d.room,
         d.severity, d.severity_reason, d.description,
         ST_AsGeoJSON(d.position)::json AS position, d.status, d.status_changed_at,
         d.created_at, d.version,
         c.id AS catalogue_id, c.code AS catalogue_code, c.version AS catalogue_version,
         c.legal_ground, c.title_de, c.title_en, c.severity AS catalogue_severity,
         (SELECT count(*) FROM photos p WHERE p.defect_id = d.id)::int AS photo_count
    FROM defects d
    JOIN catalogue_items c ON c.id = d.catalogue_item_id
    LEFT JOIN units u ON u.id = d.unit_id`;

function toDto(row: DefectRow): DefectDto {
  return {
    id: row.id,
    propertyId: row.property_id,
    inspectionId: row.inspection_id,
    unitId: row.unit_id,
    unitLabel: row.unit_label,
    room: row.room,
    catalogueItem: {
      id: row.catalogue_id,
      code: row.catalogue_code,
      version: row.catalogue_version,
      legalGround: row.legal_ground,
      title: { de: row.title_de, en: row.title_en },
      severity: row.catalogue_severity,
    },
    severity: row.severity,
    severityReason: row.severity_reason,
    description: row.description,
    position: row.position
      ? { type: 'Point', coordinates: row.position.coordinates as [number, number] }
      : null,
    status: row.status,
    statusChangedAt: row.status_changed_at.toISOString(),
    photoCount: row.photo_count,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

@Injectable()
export class DefectRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async view(id: string): Promise<DefectDto | null> {
    const rows: DefectRow[] = await this.manager.query(`${DEFECT_VIEW} WHERE d.id = $1`, [id]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async viewOfInspection(inspectionId: string): Promise<DefectDto[]> {
    const rows: DefectRow[] = await this.manager.query(
      `${DEFECT_VIEW} WHERE d.inspection_id = $1 ORDER BY d.created_at, d.id`,
      [inspectionId],
    );
    return rows.map(toDto);
  }

  /**
   * The property's defects not yet verified, in the order a re-inspection checks them: the most
   * severe first, then the oldest. (Defects in order items go first once orders exist, #5.)
   */
  async openOfProperty(propertyId: string): Promise<DefectDto[]> {
    const rows: DefectRow[] = await this.manager.query(
      `${DEFECT_VIEW}
        WHERE d.property_id = $1 AND d.status <> 'verified'
        ORDER BY d.severity DESC, d.created_at, d.id`,
      [propertyId],
    );
    return rows.map(toDto);
  }

  async listOfProperty(
    propertyId: string,
    filter: { status?: DefectStatus; limit: number; offset: number },
  ): Promise<{ items: DefectDto[]; total: number }> {
    const params: unknown[] = [propertyId];
    let where = 'd.property_id = $1';
    if (filter.status) {
      params.push(filter.status);
      where += ` AND d.status = $${params.length}`;
    }
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total FROM defects d WHERE ${where}`,
      params,
    );
    const rows: DefectRow[] = await this.manager.query(
      `${DEFECT_VIEW} WHERE ${where}
        ORDER BY (d.status = 'verified'), d.severity DESC, d.created_at DESC, d.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toDto), total };
  }

  /** The defects with these ids, locked for the rest of the transaction (a command changes them). */
  lockByIds(ids: string[]): Promise<Defect[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager
      .getRepository(Defect)
      .createQueryBuilder('defect')
      .setLock('pessimistic_write')
      .where('defect.id IN (:...ids)', { ids })
      .getMany();
  }

  findByIdForUpdate(id: string): Promise<Defect | null> {
    return this.manager
      .getRepository(Defect)
      .createQueryBuilder('defect')
      .setLock('pessimistic_write')
      .where('defect.id = :id', { id })
      .getOne();
  }

  /**
   * Inserts new defects, first taking the lock the nightly photo purge respects: a photo that
   * waited for its defect is not removed while the defect is being recorded.
   */
  async insertMany(defects: NewDefect[]): Promise<void> {
    if (defects.length === 0) return;
    await lockDefectsForPhotos(
      this.manager,
      defects.map((defect) => defect.id),
    );
    await this.manager.getRepository(Defect).insert(defects);
  }

  save(defect: Defect): Promise<Defect> {
    return this.manager.getRepository(Defect).save(defect);
  }

  /** Moves defects to a status found at a re-inspection. */
  async setStatus(ids: string[], status: DefectStatus): Promise<void> {
    if (ids.length === 0) return;
    await this.manager.query(
      `UPDATE defects SET status = $2, status_changed_at = now(), updated_at = now(),
              version = version + 1
        WHERE id = ANY($1::uuid[])`,
      [ids, status],
    );
  }

  async insertChecks(checks: DefectCheck[]): Promise<void> {
    if (checks.length === 0) return;
    await this.manager.getRepository(DefectCheck).insert(checks);
  }

  checksOfInspection(inspectionId: string): Promise<DefectCheck[]> {
    return this.manager.getRepository(DefectCheck).find({
      where: { inspectionId },
      order: { defectId: 'ASC' },
    });
  }
}
