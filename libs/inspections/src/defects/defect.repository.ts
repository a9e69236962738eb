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
   * Inserts new defects in one plain statement (the hot path of recording), first taking the lock the nightly photo purge respects (a photo that
   * waited for its defect is not removed while the defect is being recorded). Returns the ids that
   * exist already and were not inserted.
   */
  async insertNew(defects: NewDefect[]): Promise<string[]> {
    if (defects.length === 0) return [];
    const ids = defects.map((defect) => defect.id);
    await lockDefectsForPhotos(this.manager, ids);
    const rows: Array<{ id: string }> = await this.manager.query(
      `INSERT INTO defects (id, property_id, inspection_id, unit_id, room, catalogue_item_id,
                            severity, severity_reason, description, position, status, created_by)
       SELECT given.id, given.property_id, given.inspection_id, given.unit_id, given.room,
              given.catalogue_item_id, given.severity, given.severity_reason, given.description,
              ST_SetSRID(ST_GeomFromGeoJSON(given.position), 4326), given.status, given.created_by
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[],
                     $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::uuid[])
              AS given (id, property_id, inspection_id, unit_id, room, catalogue_item_id, severity,
                        severity_reason, description, position, status, created_by)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        ids,
        defects.map((defect) => defect.propertyId),
        defects.map((defect) => defect.inspectionId),
        defects.map((defect) => defect.unitId),
        defects.map((defect) => defect.room),
        defects.map((defect) => defect.catalogueItemId),
        defects.map((defect) => defect.severity),
        defects.map((defect) => defect.severityReason),
        defects.map((defect) => defect.description),
        defects.map((defect) => (defect.position ? JSON.stringify(defect.position) : null)),
        defects.map((defect) => defect.status),
        defects.map((defect) => defect.createdBy),
      ],
    );
    const inserted = new Set(rows.map((row) => row.id));
    return ids.filter((id) => !inserted.has(id));
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
