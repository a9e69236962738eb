import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { MapFilters } from './rules/map-filters';
import { countSql, tileSql } from './map-tiles.sql';

/** What the popup shows of one property, as stored. */
export interface MapPopupRow {
  property_id: string;
  lon: number;
  lat: number;
  street: string | null;
  house_number: string | null;
  postcode: string | null;
  city: string | null;
  problem: boolean;
  case_stage: string;
  severity: string;
  item_overdue: boolean;
  closure_state: string;
  reinspection_planned: boolean;
  risk_score: number;
  risk_class: number;
  factors: unknown[] | null;
  computed_at: Date | null;
  open_defects_a: number;
  open_defects_b: number;
  open_defects_c: number;
  open_items: number;
  overdue_items: number;
  occupants: number;
  next_deadline: string | null;
  owner_id: string | null;
  owner_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
}

/** Reads of the map: tiles, counts, the popup, the data version. */
@Injectable()
export class MapTilesRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /** The map's data version: the last change_seq written (an index-only scan). */
  async dataVersion(): Promise<string> {
    const [row]: Array<{ version: string | null }> = await this.manager.query(
      `SELECT max(change_seq)::text AS version FROM map_properties`,
    );
    return row.version ?? '0';
  }

  /** The encoded tile; empty when nothing is in it. */
  async tile(
    z: number,
    x: number,
    y: number,
    filters: MapFilters,
    landlordIds: readonly string[] | null,
  ): Promise<Buffer> {
    const { sql, params } = tileSql(z, x, y, filters, landlordIds);
    const [row]: Array<{ tile: Buffer | null }> = await this.manager.query(sql, params);
    return row?.tile ?? Buffer.alloc(0);
  }

  async count(filters: MapFilters, landlordIds: readonly string[] | null): Promise<number> {
    const { sql, params } = countSql(filters, landlordIds);
    const [row]: Array<{ count: number }> = await this.manager.query(sql, params);
    return row.count;
  }

  async popup(propertyId: string): Promise<MapPopupRow | null> {
    const rows: MapPopupRow[] = await this.manager.query(
      `SELECT m.property_id, ST_X(ST_Transform(m.geom, 4326)) AS lon,
              ST_Y(ST_Transform(m.geom, 4326)) AS lat,
              a.street, a.house_number, a.postcode, a.city,
              m.problem, m.case_stage, m.severity, m.item_overdue, m.closure_state,
              m.reinspection_planned, m.risk_score, m.risk_class, r.factors, r.computed_at,
              m.open_defects_a, m.open_defects_b, m.open_defects_c, m.open_items,
              m.overdue_items, m.occupants, to_char(m.next_deadline, 'YYYY-MM-DD') AS next_deadline,
              m.owner_id, o.name AS owner_name, m.manager_id, mg.name AS manager_name
         FROM map_properties m
         LEFT JOIN property_risk r ON r.property_id = m.property_id
         LEFT JOIN property_addresses a ON a.property_id = m.property_id AND a.is_primary
         LEFT JOIN landlords o ON o.id = m.owner_id
         LEFT JOIN landlords mg ON mg.id = m.manager_id
        WHERE m.property_id = $1`,
      [propertyId],
    );
    return rows[0] ?? null;
  }
}
