import { Injectable } from '@nestjs/common';
import type { Point } from 'typeorm';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { InspectionDto } from './inspection.dto';
import { InspectionInspector } from './inspection-inspector.entity';
import { Inspection, InspectionStatus } from './inspection.entity';

export type NewInspection = Omit<
  Inspection,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'inspectors'
>;

export interface InspectionFilter {
  propertyId?: string;
  inspectorId?: string;
  status?: InspectionStatus;
  /** First and last day, `YYYY-MM-DD` in Europe/Berlin. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

interface InspectionRow {
  id: string;
  property_id: string;
  address: string | null;
  location: Point;
  kind: InspectionDto['kind'];
  status: InspectionStatus;
  scheduled_at: Date;
  reason: string | null;
  joint_partners: string[];
  inspectors: Array<{ id: string; displayName: string }>;
  complaint_id: string | null;
  follows_inspection_id: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  completed_by_name: string | null;
  outcome_reason: string | null;
  notes: string | null;
  version: number;
}

const INSPECTION_VIEW = `
  SELECT i.id, i.property_id, i.kind, i.status, i.scheduled_at, i.reason, i.joint_partners,
         i.complaint_id, i.follows_inspection_id, i.completed_at, i.completed_by,
         i.outcome_reason, i.notes, i.version,
         ST_AsGeoJSON(p.location)::json AS location,
         a.street || ' ' || a.house_number || ', ' || a.postcode || ' ' || a.city AS address,
         COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                                   ORDER BY u.display_name, u.id)
                     FROM inspection_inspectors ii JOIN users u ON u.id = ii.user_id
                    WHERE ii.inspection_id = i.id), '[]'::json) AS inspectors,
         cb.display_name AS completed_by_name
    FROM inspections i
    JOIN properties p ON p.id = i.property_id
    LEFT JOIN property_addresses a ON a.property_id = p.id AND a.is_primary
    LEFT JOIN users cb ON cb.id = i.completed_by`;

/** A day of Europe/Berlin as a half-open range of instants. */
const DAY_START = (param: string) => `(${param}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`;
const DAY_END = (param: string) => `(${param}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`;

function toDto(row: InspectionRow): InspectionDto {
  return {
    id: row.id,
    propertyId: row.property_id,
    address: row.address ?? '',
    location: { type: 'Point', coordinates: row.location.coordinates as [number, number] },
    kind: row.kind,
    status: row.status,
    scheduledAt: row.scheduled_at.toISOString(),
    reason: row.reason,
    jointPartners: row.joint_partners,
    inspectors: row.inspectors,
    complaintId: row.complaint_id,
    followsInspectionId: row.follows_inspection_id,
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy:
      row.completed_by && row.completed_by_name
        ? { id: row.completed_by, displayName: row.completed_by_name }
        : null,
    outcomeReason: row.outcome_reason,
    notes: row.notes,
    version: row.version,
  };
}

@Injectable()
export class InspectionRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async insert(inspection: NewInspection, inspectorIds: string[]): Promise<Inspection> {
    const saved = await this.manager
      .getRepository(Inspection)
      .save(this.manager.getRepository(Inspection).create(inspection));
    await this.setInspectors(saved.id, inspectorIds);
    return saved;
  }

  async setInspectors(inspectionId: string, inspectorIds: string[]): Promise<void> {
    const repo = this.manager.getRepository(InspectionInspector);
    await repo.delete({ inspectionId });
    await repo.insert(inspectorIds.map((userId) => ({ inspectionId, userId })));
  }

  async inspectorIdsOf(inspectionId: string): Promise<string[]> {
    const rows = await this.manager
      .getRepository(InspectionInspector)
      .find({ where: { inspectionId } });
    return rows.map((row) => row.userId);
  }

  findByIdForUpdate(id: string): Promise<Inspection | null> {
    return this.manager
      .getRepository(Inspection)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes a visit's outcome in one statement (the row is locked; `save` would read it again). */
  async recordOutcome(inspection: Inspection): Promise<void> {
    await this.manager.query(
      `UPDATE inspections
          SET status = $2, completed_at = $3, completed_by = $4, outcome_reason = $5, notes = $6,
              completion_hash = $7, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        inspection.id,
        inspection.status,
        inspection.completedAt,
        inspection.completedBy,
        inspection.outcomeReason,
        inspection.notes,
        inspection.completionHash,
      ],
    );
  }

  save(inspection: Inspection): Promise<Inspection> {
    return this.manager.getRepository(Inspection).save(inspection);
  }

  /** Marks the row changed (new version) when only its inspectors changed. */
  async touch(id: string): Promise<void> {
    await this.manager.query(
      `UPDATE inspections SET version = version + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async view(id: string): Promise<InspectionDto | null> {
    const rows: InspectionRow[] = await this.manager.query(`${INSPECTION_VIEW} WHERE i.id = $1`, [
      id,
    ]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async list(filter: InspectionFilter): Promise<{ items: InspectionDto[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.propertyId) where.push(`i.property_id = ${param(filter.propertyId)}`);
    if (filter.status) where.push(`i.status = ${param(filter.status)}`);
    if (filter.inspectorId) {
      where.push(
        `EXISTS (SELECT 1 FROM inspection_inspectors f WHERE f.inspection_id = i.id AND f.user_id = ${param(filter.inspectorId)})`,
      );
    }
    if (filter.from) where.push(`i.scheduled_at >= ${DAY_START(param(filter.from))}`);
    if (filter.to) where.push(`i.scheduled_at < ${DAY_END(param(filter.to))}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total FROM inspections i ${clause}`,
      params,
    );
    const rows: InspectionRow[] = await this.manager.query(
      `${INSPECTION_VIEW} ${clause} ORDER BY i.scheduled_at, i.id
        LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { items: rows.map(toDto), total };
  }

  /** The planned and done visits of one person on one day (Europe/Berlin), by time. */
  async ofInspectorOnDay(inspectorId: string, date: string): Promise<InspectionDto[]> {
    const rows: InspectionRow[] = await this.manager.query(
      `${INSPECTION_VIEW}
        WHERE EXISTS (SELECT 1 FROM inspection_inspectors f
                       WHERE f.inspection_id = i.id AND f.user_id = $1)
          AND i.status <> 'cancelled'
          AND i.scheduled_at >= ${DAY_START('$2')} AND i.scheduled_at < ${DAY_END('$2')}
        ORDER BY i.scheduled_at, i.id`,
      [inspectorId, date],
    );
    return rows.map(toDto);
  }

  /**
   * Straight-line distances in metres between the points, on the spheroid (PostGIS geography):
   * `matrix[i][j]` from point i to point j.
   */
  async distanceMatrix(points: Array<[number, number]>): Promise<number[][]> {
    if (points.length === 0) return [];
    const rows: Array<{ i: number; j: number; metres: number }> = await this.manager.query(
      `WITH pts AS (
         SELECT ordinality - 1 AS idx,
                ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
           FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS t(lon, lat))
       SELECT a.idx::int AS i, b.idx::int AS j, ST_Distance(a.g, b.g) AS metres
         FROM pts a CROSS JOIN pts b`,
      [points.map((point) => point[0]), points.map((point) => point[1])],
    );
    const matrix = points.map(() => points.map(() => 0));
    for (const row of rows) matrix[row.i][row.j] = Number(row.metres);
    return matrix;
  }

  /** The same wall-clock time in Herne `days` later (an hour off in UTC across a DST change). */
  async sameTimeDaysLater(instant: Date, days: number): Promise<Date> {
    const [row]: Array<{ at: Date }> = await this.manager.query(
      `SELECT (($1::timestamptz AT TIME ZONE 'Europe/Berlin') + make_interval(days => $2))
                AT TIME ZONE 'Europe/Berlin' AS at`,
      [instant, days],
    );
    return row.at;
  }

  /** The visit planned after this one found no access, if any. */
  async revisitOf(inspectionId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM inspections WHERE follows_inspection_id = $1 ORDER BY created_at LIMIT 1`,
      [inspectionId],
    );
    return rows[0]?.id ?? null;
  }
}
