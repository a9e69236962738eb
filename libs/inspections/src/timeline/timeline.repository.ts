import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { TimelineEntryDto } from './timeline.dto';

/** Every event of a property, one row each, as one UNION over the tables that hold them. */
const EVENTS = `
  SELECT COALESCE(i.completed_at, i.scheduled_at) AS at, 'inspection' AS kind, i.id,
         i.status AS state, i.kind AS label, NULL::text AS severity, NULL::uuid AS parent_id
    FROM inspections i WHERE i.property_id = $1
  UNION ALL
  SELECT d.created_at, 'defect', d.id, d.status, c.title_de, d.severity, d.inspection_id
    FROM defects d JOIN catalogue_items c ON c.id = d.catalogue_item_id
   WHERE d.property_id = $1
  UNION ALL
  SELECT p.created_at, 'photo', p.id, 'attached', '', NULL, p.defect_id
    FROM photos p JOIN defects d ON d.id = p.defect_id
   WHERE d.property_id = $1
  UNION ALL
  SELECT m.received_at, 'complaint', m.id, m.source, m.legal_ground, NULL, NULL
    FROM complaints m WHERE m.property_id = $1`;

@Injectable()
export class TimelineRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async ofProperty(
    propertyId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: TimelineEntryDto[]; total: number }> {
    const [{ total }]: Array<{ total: number }> = await this.manager.query(
      `SELECT count(*)::int AS total FROM (${EVENTS}) events`,
      [propertyId],
    );
    const rows: Array<{
      at: Date;
      kind: TimelineEntryDto['kind'];
      id: string;
      state: string;
      label: string;
      severity: string | null;
      parent_id: string | null;
    }> = await this.manager.query(
      `SELECT * FROM (${EVENTS}) events ORDER BY at DESC, kind, id LIMIT $2 OFFSET $3`,
      [propertyId, page.limit, page.offset],
    );
    return {
      total,
      items: rows.map((row) => ({
        at: row.at.toISOString(),
        kind: row.kind,
        id: row.id,
        state: row.state,
        label: row.label,
        severity: row.severity,
        parentId: row.parent_id,
      })),
    };
  }
}
