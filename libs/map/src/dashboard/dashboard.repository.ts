import { Injectable } from '@nestjs/common';
import { TransactionHost, Tx } from '@hausakte/platform';

/**
 * `$1` is the district (or null: all); every part of the dashboard filters through it. Written as
 * a semi-join on the property column so that, without a district, no join with all properties is
 * planned at all.
 */
const inDistrict = (propertyColumn: string) =>
  `($1::uuid IS NULL OR ${propertyColumn} IN (SELECT id FROM properties WHERE district_id = $1::uuid))`;
/** The same on the map's rows, which carry the district themselves (no join). */
const MAP_IN_DISTRICT = `($1::uuid IS NULL OR m.district_id = $1::uuid)`;
/** The same on the grid's zoom-0 rows: every problem property once, keyed by district. */
const GRID_IN_DISTRICT = `($1::uuid IS NULL OR g.district_key = $1::uuid)`;
/** Properties in no district are grouped under the nil uuid (a FULL JOIN needs equality). */
const NO_DISTRICT = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** An open item's last day; hour periods end at an instant, counted on its Berlin date. */
const ITEM_DUE_DAY = `COALESCE(i.due_on, (i.due_at AT TIME ZONE 'Europe/Berlin')::date)`;

/**
 * The headline figures. Problem properties (from the grid's zoom-0 rows, which hold each once)
 * and overdue items come from the map's read model, so that the dashboard and the map agree; the
 * rest is counted where it lives. `$2` is today (Berlin).
 */
const TOTALS_SQL = `
  SELECT
    (SELECT COALESCE(sum(g.n), 0) FROM map_grid_cells g
      WHERE g.zoom = 0 AND ${GRID_IN_DISTRICT})::int AS problem_properties,
    (SELECT count(*) FROM cases c
      WHERE c.status = 'open' AND ${inDistrict('c.property_id')})::int AS open_cases,
    (SELECT COALESCE(sum(m.overdue_items), 0) FROM map_properties m
      WHERE m.overdue_items > 0 AND ${MAP_IN_DISTRICT})::int AS overdue_items,
    (SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id
       JOIN cases c ON c.id = o.case_id
      WHERE i.status = 'open' AND o.status IN ('served', 'challenged')
        AND ${ITEM_DUE_DAY} BETWEEN $2::date AND $2::date + 6
        AND ${inDistrict('c.property_id')})::int
    + (SELECT count(*) FROM hearings h JOIN cases c ON c.id = h.case_id
        WHERE h.status = 'sent' AND h.reply_due_on BETWEEN $2::date AND $2::date + 6
          AND ${inDistrict('c.property_id')})::int AS deadlines_this_week,
    (SELECT count(*) FROM inspections i
      WHERE i.kind = 'reinspection' AND i.status = 'planned'
        AND ${inDistrict('i.property_id')})::int AS reinspections_planned,
    (SELECT count(*) FROM closures cl
      WHERE cl.status = 'declared' AND ${inDistrict('cl.property_id')})::int AS closures_declared,
    (SELECT count(*) FROM closures cl
      WHERE cl.status = 'vacated' AND ${inDistrict('cl.property_id')})::int AS closures_vacated,
    (SELECT count(*) FROM closures cl
      WHERE cl.status = 'sealed' AND ${inDistrict('cl.property_id')})::int AS closures_sealed,
    (SELECT count(*) FROM closures cl
      WHERE cl.status = 'released' AND cl.released_on > $2::date - interval '12 months'
        AND ${inDistrict('cl.property_id')})::int AS closures_released`;

/** Per district, most problem properties first; properties in no district form one row. */
const DISTRICTS_SQL = `
  WITH problems AS (
    SELECT g.district_key, sum(g.n)::int AS problem_properties,
           (sum(g.n) FILTER (WHERE g.closure_state IN ('declared', 'vacated', 'sealed')))::int
             AS active_closures
      FROM map_grid_cells g
     WHERE g.zoom = 0 AND ${GRID_IN_DISTRICT}
     GROUP BY 1),
  overdue AS (
    SELECT COALESCE(m.district_id, ${NO_DISTRICT}) AS district_key,
           sum(m.overdue_items)::int AS overdue_items
      FROM map_properties m
     WHERE m.overdue_items > 0 AND ${MAP_IN_DISTRICT}
     GROUP BY 1),
  -- Each open case's district by the property's key, not a join: a hash join would read every
  -- property of a state to place a few thousand cases.
  open_cases AS (
    SELECT COALESCE(c.district_id, ${NO_DISTRICT}) AS district_key, count(*)::int AS open_cases
      FROM (SELECT (SELECT p.district_id FROM properties p WHERE p.id = c.property_id) AS district_id
              FROM cases c WHERE c.status = 'open') c
     WHERE ($1::uuid IS NULL OR c.district_id = $1::uuid)
     GROUP BY 1)
  SELECT NULLIF(district_key, ${NO_DISTRICT}) AS district_id, d.name,
         COALESCE(pr.problem_properties, 0) AS problem_properties,
         COALESCE(oc.open_cases, 0) AS open_cases,
         COALESCE(o.overdue_items, 0) AS overdue_items,
         COALESCE(pr.active_closures, 0) AS active_closures
    FROM problems pr
    FULL JOIN overdue o USING (district_key)
    FULL JOIN open_cases oc USING (district_key)
    LEFT JOIN districts d ON d.id = district_key
   ORDER BY problem_properties DESC, d.name NULLS LAST`;

/** The last 12 months (Berlin), oldest first; each source grouped by month in one pass. */
const TREND_SQL = `
  WITH bounds AS (
    SELECT (date_trunc('month', $2::date) - interval '11 months')::date AS first_month),
  months AS (
    SELECT generate_series(first_month, date_trunc('month', $2::date)::date, interval '1 month')::date
           AS month FROM bounds),
  since AS (SELECT (first_month::timestamp AT TIME ZONE 'Europe/Berlin') AS instant, first_month
              FROM bounds),
  opened AS (
    SELECT date_trunc('month', c.created_at AT TIME ZONE 'Europe/Berlin')::date AS month,
           count(*)::int AS n
      FROM cases c, since
     WHERE c.created_at >= since.instant AND ${inDistrict('c.property_id')} GROUP BY 1),
  served AS (
    SELECT date_trunc('month', o.notified_on)::date AS month, count(*)::int AS n
      FROM orders o JOIN cases c ON c.id = o.case_id, since
     WHERE o.notified_on >= since.first_month AND ${inDistrict('c.property_id')} GROUP BY 1),
  overdue AS (
    SELECT date_trunc('month', e.occurred_at AT TIME ZONE 'Europe/Berlin')::date AS month,
           count(*)::int AS n
      FROM enforcement_events e JOIN cases c ON c.id = e.case_id, since
     WHERE e.kind = 'item-overdue' AND e.occurred_at >= since.instant
       AND ${inDistrict('c.property_id')}
     GROUP BY 1),
  declared AS (
    SELECT date_trunc('month', cl.declared_on)::date AS month, count(*)::int AS n
      FROM closures cl, since
     WHERE cl.declared_on >= since.first_month AND ${inDistrict('cl.property_id')} GROUP BY 1)
  SELECT to_char(months.month, 'YYYY-MM') AS month,
         COALESCE(opened.n, 0) AS cases_opened, COALESCE(served.n, 0) AS orders_served,
         COALESCE(overdue.n, 0) AS items_overdue, COALESCE(declared.n, 0) AS closures_declared
    FROM months
    LEFT JOIN opened USING (month) LEFT JOIN served USING (month)
    LEFT JOIN overdue USING (month) LEFT JOIN declared USING (month)
   ORDER BY months.month`;

export interface DashboardTotalsRow {
  problem_properties: number;
  open_cases: number;
  overdue_items: number;
  deadlines_this_week: number;
  reinspections_planned: number;
  closures_declared: number;
  closures_vacated: number;
  closures_sealed: number;
  closures_released: number;
}

export interface DistrictRow {
  district_id: string | null;
  name: string | null;
  problem_properties: number;
  open_cases: number;
  overdue_items: number;
  active_closures: number;
}

export interface MonthRow {
  month: string;
  cases_opened: number;
  orders_served: number;
  items_overdue: number;
  closures_declared: number;
}

/** Reads across the libs' tables (the map lib may read every lib), never writes. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async totals(districtId: string | null, today: string): Promise<DashboardTotalsRow> {
    const rows: DashboardTotalsRow[] = await this.manager.query(TOTALS_SQL, [districtId, today]);
    return rows[0];
  }

  districts(districtId: string | null): Promise<DistrictRow[]> {
    return this.manager.query(DISTRICTS_SQL, [districtId]);
  }

  trend(districtId: string | null, today: string): Promise<MonthRow[]> {
    return this.manager.query(TREND_SQL, [districtId, today]);
  }

  async districtExists(districtId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM districts WHERE id = $1`, [
      districtId,
    ]);
    return rows.length > 0;
  }
}
