import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';
import type { MapFilters } from '../rules/map-filters';
import { propertyConditions, SqlParams } from '../map-tiles.sql';
import type { ExportRow } from './export-format';

/** The owner and manager columns, joined only when the caller may export personal data. */
const PERSONAL_COLUMNS = `, owner.name AS owner_name, manager.name AS manager_name`;
const PERSONAL_JOINS = `
  LEFT JOIN landlords owner ON owner.id = m.owner_id
  LEFT JOIN landlords manager ON manager.id = m.manager_id`;

@Injectable()
export class ExportRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  /**
   * The next batch of the selected properties after `after` (keyset on the primary key: a large
   * export never holds a cursor or a transaction open while the client reads slowly).
   */
  batch(
    filters: MapFilters,
    landlordIds: readonly string[] | null,
    withPersonalData: boolean,
    after: string | null,
    limit: number,
  ): Promise<ExportRow[]> {
    const params = new SqlParams(2);
    const where = propertyConditions(filters, landlordIds, params);
    return this.manager.query(
      `SELECT m.property_id,
              ST_X(ST_Transform(m.geom, 4326)) AS lon, ST_Y(ST_Transform(m.geom, 4326)) AS lat,
              (SELECT a.street || ' ' || a.house_number || ', ' || a.postcode || ' ' || a.city
                 FROM property_addresses a WHERE a.property_id = m.property_id
                ORDER BY a.is_primary DESC, a.id LIMIT 1) AS address,
              district.name AS district, m.risk_score, m.risk_class, m.severity, m.case_stage,
              m.item_overdue, m.closure_state, m.reinspection_planned, m.open_defects_a,
              m.open_defects_b, m.open_defects_c, m.open_items, m.overdue_items, m.occupants,
              m.next_deadline::text AS next_deadline
              ${withPersonalData ? PERSONAL_COLUMNS : ''}
         FROM map_properties m
         LEFT JOIN districts district ON district.id = m.district_id
         ${withPersonalData ? PERSONAL_JOINS : ''}
        WHERE ($1::uuid IS NULL OR m.property_id > $1::uuid)
              ${where.map((condition) => `AND ${condition}`).join(' ')}
        ORDER BY m.property_id
        LIMIT $2`,
      [after, limit, ...params.values],
    );
  }
}
