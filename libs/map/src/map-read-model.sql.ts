/**
 * The SQL of the map's read model (docs/api/map.md), kept apart from the repository that runs it.
 * Every statement is set-based over a batch of properties; the cell math lives in the database
 * (`map_grid_cells_of`, migration 1764500000000) and mirrors grid-math.ts.
 */

/** The nil uuid: `district_key` of properties without a district. */
const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The dimensions that key a grid row, in primary-key order. */
export const GRID_DIMENSIONS =
  'case_stage, severity, item_overdue, closure_state, reinspection_planned, district_key';
const GRID_KEY = `zoom, cell_x, cell_y, ${GRID_DIMENSIONS}`;

/** The columns of `map_properties` a recompute writes, in this order (change_seq aside). */
export const MAP_COLUMNS = [
  'geom',
  'district_id',
  'owner_id',
  'manager_id',
  'problem',
  'case_stage',
  'severity',
  'item_overdue',
  'closure_state',
  'reinspection_planned',
  'risk_score',
  'risk_class',
  'open_defects_a',
  'open_defects_b',
  'open_defects_c',
  'open_items',
  'overdue_items',
  'occupants',
  'next_deadline',
] as const;
const COLUMNS = MAP_COLUMNS.join(', ');
const row = (alias: string) => MAP_COLUMNS.map((column) => `${alias}.${column}`).join(', ');

/**
 * CTEs ending in `fresh`: the rows `map_properties` should hold for the properties selected by
 * `scope(column)` (a predicate on a property id column, so that each table is reached through its
 * own property index). `$now` is the reference time (timestamptz).
 *
 * - case stage as libs/enforcement/src/cases/case-stage.ts derives it, per case; the property
 *   shows its open case's stage (at most one is open), else `closed` when only closed cases
 *   exist, else `none`;
 * - items: pending (open, not complied, escalated) items of served or challenged orders; overdue
 *   and next deadline only while the order's deadlines run (served, or challenged but
 *   immediately enforceable: `runsDeadlines`), past `due_at`, else past `due_on` (Berlin day),
 *   as the case view counts them;
 * - defects count while not verified; the latest closure by declaration day; occupants from each
 *   unit's latest count; owner and manager from the ownerships current on the Berlin day.
 */
export function freshRowsCtes(scope: (column: string) => string, now: string): string {
  const today = `((${now}) AT TIME ZONE 'Europe/Berlin')::date`;
  return `
  scope AS (
    SELECT p.id, p.location, p.district_id FROM properties p WHERE ${scope('p.id')}),
  case_rows AS (
    SELECT c.id, c.property_id, c.status FROM cases c WHERE ${scope('c.property_id')}),
  order_rows AS (
    SELECT o.id, o.case_id, o.status,
           o.status IN ('served', 'challenged') AS live,
           (o.status = 'served' OR (o.status = 'challenged' AND o.immediately_enforceable)) AS runs
      FROM orders o JOIN case_rows c ON c.id = o.case_id),
  order_facts AS (
    SELECT case_id, bool_or(live) AS live, bool_or(status IN ('draft', 'issued')) AS drafted
      FROM order_rows GROUP BY case_id),
  item_facts AS (
    SELECT o.case_id,
           bool_or(o.live AND i.status IN ('not_complied', 'escalated')) AS enforcing,
           count(*) FILTER (WHERE o.live AND i.status IN ('open', 'not_complied', 'escalated'))::int
             AS open_items,
           count(*) FILTER (WHERE o.runs AND i.status IN ('open', 'not_complied', 'escalated')
                              AND CASE WHEN i.due_at IS NOT NULL THEN i.due_at < ${now}
                                       ELSE i.due_on < ${today} END)::int AS overdue_items,
           min(COALESCE(i.due_on, (i.due_at AT TIME ZONE 'Europe/Berlin')::date))
             FILTER (WHERE o.runs AND i.status IN ('open', 'not_complied', 'escalated'))
             AS next_deadline
      FROM order_rows o JOIN order_items i ON i.order_id = o.id GROUP BY o.case_id),
  hearing_facts AS (
    SELECT h.case_id, bool_or(h.status IN ('draft', 'sent')) AS running
      FROM hearings h JOIN case_rows c ON c.id = h.case_id GROUP BY h.case_id),
  case_facts AS (
    SELECT c.property_id,
           max(CASE WHEN c.status = 'closed' THEN 1
                    WHEN COALESCE(i.enforcing, false) THEN 6
                    WHEN COALESCE(o.live, false) THEN 5
                    WHEN COALESCE(o.drafted, false) THEN 4
                    WHEN COALESCE(h.running, false) THEN 3
                    ELSE 2 END) AS stage_rank,
           COALESCE(sum(i.open_items), 0)::int AS open_items,
           COALESCE(sum(i.overdue_items), 0)::int AS overdue_items,
           min(i.next_deadline) AS next_deadline
      FROM case_rows c
      LEFT JOIN order_facts o ON o.case_id = c.id
      LEFT JOIN item_facts i ON i.case_id = c.id
      LEFT JOIN hearing_facts h ON h.case_id = c.id
     GROUP BY c.property_id),
  defect_facts AS (
    SELECT d.property_id,
           count(*) FILTER (WHERE d.severity = 'A')::int AS open_a,
           count(*) FILTER (WHERE d.severity = 'B')::int AS open_b,
           count(*) FILTER (WHERE d.severity = 'C')::int AS open_c
      FROM defects d WHERE ${scope('d.property_id')} AND d.status <> 'verified'
     GROUP BY d.property_id),
  closure_facts AS (
    SELECT cl.property_id, bool_or(cl.status <> 'released') AS unreleased,
           (array_agg(cl.status ORDER BY cl.declared_on DESC, cl.created_at DESC, cl.id DESC))[1]
             AS latest
      FROM closures cl WHERE ${scope('cl.property_id')} GROUP BY cl.property_id),
  reinspections AS (
    SELECT DISTINCT i.property_id FROM inspections i
     WHERE ${scope('i.property_id')} AND i.kind = 'reinspection' AND i.status = 'planned'),
  latest_counts AS (
    SELECT DISTINCT ON (o.unit_id) u.property_id, o.adults_found + o.children_under_six_found AS persons
      FROM units u
      JOIN unit_occupancies o ON o.unit_id = u.id
      JOIN inspections i ON i.id = o.inspection_id
     WHERE ${scope('u.property_id')}
     ORDER BY o.unit_id, i.completed_at DESC NULLS LAST, i.id DESC),
  occupancy AS (
    SELECT property_id, sum(persons)::int AS occupants FROM latest_counts GROUP BY property_id),
  current_ownerships AS (
    SELECT ow.property_id, ow.landlord_id, ow.role, ow.valid_from
      FROM ownerships ow
     WHERE ${scope('ow.property_id')} AND ow.role IN ('owner', 'joint_owner', 'manager')
       AND ow.valid_from <= ${today} AND (ow.valid_to IS NULL OR ow.valid_to >= ${today})),
  owners AS (
    SELECT DISTINCT ON (property_id) property_id, landlord_id FROM current_ownerships
     WHERE role IN ('owner', 'joint_owner')
     ORDER BY property_id, (role = 'owner') DESC, valid_from, landlord_id),
  managers AS (
    SELECT DISTINCT ON (property_id) property_id, landlord_id FROM current_ownerships
     WHERE role = 'manager'
     ORDER BY property_id, valid_from, landlord_id),
  facts AS (
    SELECT s.id AS property_id,
           ST_Transform(s.location, 3857) AS geom,
           s.district_id, ow.landlord_id AS owner_id, mg.landlord_id AS manager_id,
           COALESCE(cf.stage_rank, 0) AS stage_rank,
           COALESCE(df.open_a, 0) AS open_defects_a, COALESCE(df.open_b, 0) AS open_defects_b,
           COALESCE(df.open_c, 0) AS open_defects_c,
           COALESCE(cl.unreleased, false) AS unreleased, COALESCE(cl.latest, 'none') AS closure_state,
           ri.property_id IS NOT NULL AS reinspection_planned,
           LEAST(GREATEST(COALESCE(r.score, 0), 0), 100) AS risk_score,
           COALESCE(cf.open_items, 0) AS open_items, COALESCE(cf.overdue_items, 0) AS overdue_items,
           COALESCE(oc.occupants, 0) AS occupants, cf.next_deadline
      FROM scope s
      LEFT JOIN case_facts cf ON cf.property_id = s.id
      LEFT JOIN defect_facts df ON df.property_id = s.id
      LEFT JOIN closure_facts cl ON cl.property_id = s.id
      LEFT JOIN reinspections ri ON ri.property_id = s.id
      LEFT JOIN occupancy oc ON oc.property_id = s.id
      LEFT JOIN owners ow ON ow.property_id = s.id
      LEFT JOIN managers mg ON mg.property_id = s.id
      LEFT JOIN property_risk r ON r.property_id = s.id AND ${scope('r.property_id')}),
  fresh AS (
    SELECT f.property_id, f.geom, f.district_id, f.owner_id, f.manager_id,
           (f.stage_rank >= 2 OR f.open_defects_b + f.open_defects_c > 0 OR f.unreleased) AS problem,
           (ARRAY['none', 'closed', 'investigation', 'hearing', 'ordered', 'monitoring', 'enforcing'])
             [f.stage_rank + 1] AS case_stage,
           CASE WHEN f.open_defects_c > 0 THEN 'C' WHEN f.open_defects_b > 0 THEN 'B'
                WHEN f.open_defects_a > 0 THEN 'A' ELSE 'none' END AS severity,
           f.overdue_items > 0 AS item_overdue,
           f.closure_state, f.reinspection_planned, f.risk_score,
           (CASE WHEN f.risk_score < 20 THEN 0 WHEN f.risk_score < 50 THEN 1
                 WHEN f.risk_score < 80 THEN 2 ELSE 3 END)::smallint AS risk_class,
           f.open_defects_a, f.open_defects_b, f.open_defects_c,
           f.open_items, f.overdue_items, f.occupants, f.next_deadline
      FROM facts f)`;
}

/** `INSERT … ON CONFLICT DO UPDATE` of the grid from `source` (grid key + signed sums). */
function applyGridSql(source: string): string {
  return `
    INSERT INTO map_grid_cells AS g (${GRID_KEY}, n, sum_x, sum_y,
           n_class0, n_class1, n_class2, n_class3)
    SELECT ${GRID_KEY}, n, sum_x, sum_y, n_class0, n_class1, n_class2, n_class3
      FROM ${source}
     ORDER BY ${GRID_KEY}
    ON CONFLICT ON CONSTRAINT map_grid_cells_pkey DO UPDATE
       SET n = g.n + excluded.n, sum_x = g.sum_x + excluded.sum_x,
           sum_y = g.sum_y + excluded.sum_y, n_class0 = g.n_class0 + excluded.n_class0,
           n_class1 = g.n_class1 + excluded.n_class1, n_class2 = g.n_class2 + excluded.n_class2,
           n_class3 = g.n_class3 + excluded.n_class3`;
}

/** Signed grid contributions of the rows of `rows` (with a `sign` column), summed per key. */
function gridDeltasSql(rows: string): string {
  return `
    SELECT c.zoom, c.cell_x, c.cell_y, r.case_stage, r.severity, r.item_overdue,
           r.closure_state, r.reinspection_planned, COALESCE(r.district_id, ${NIL}) AS district_key,
           sum(r.sign)::int AS n,
           sum(r.sign * round(ST_X(r.geom))::bigint)::bigint AS sum_x,
           sum(r.sign * round(ST_Y(r.geom))::bigint)::bigint AS sum_y,
           sum(r.sign) FILTER (WHERE r.risk_class = 0) AS c0,
           sum(r.sign) FILTER (WHERE r.risk_class = 1) AS c1,
           sum(r.sign) FILTER (WHERE r.risk_class = 2) AS c2,
           sum(r.sign) FILTER (WHERE r.risk_class = 3) AS c3
      FROM ${rows} r CROSS JOIN LATERAL map_grid_cells_of(r.geom) c
     WHERE r.problem
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
}

/**
 * One statement for a batch ($1 uuid[], $2 now): computes the fresh rows, locks the stored ones
 * (FOR UPDATE, in id order), writes the rows that changed (a new change_seq), deletes the rows of
 * properties gone (the delete trigger subtracts them from the grid), and adds −old +new of the
 * changed rows to the grid, summed per key and applied in key order. Answers the grid keys that
 * reached n = 0, for `DELETE_EMPTY_CELLS_SQL`.
 *
 * `old` is read before anything writes the rows: the upsert and the delete reach each row only
 * through its `old` row (a row written by this statement first would be skipped by FOR UPDATE).
 */
export const REFRESH_SQL = `
  WITH ${freshRowsCtes((column) => `${column} = ANY($1::uuid[])`, '$2::timestamptz')},
  old AS (
    SELECT property_id, ${COLUMNS} FROM map_properties
     WHERE property_id = ANY($1::uuid[]) ORDER BY property_id FOR UPDATE),
  changed AS (
    SELECT f.*, o.property_id IS NOT NULL AS existed
      FROM fresh f LEFT JOIN old o ON o.property_id = f.property_id
     WHERE o.property_id IS NULL OR (${row('f')}) IS DISTINCT FROM (${row('o')})),
  written AS (
    INSERT INTO map_properties (property_id, ${COLUMNS}, change_seq)
    SELECT property_id, ${COLUMNS}, nextval('map_properties_change_seq') FROM changed
     ORDER BY property_id
    ON CONFLICT (property_id) DO UPDATE
       SET ${MAP_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')},
           change_seq = excluded.change_seq
    RETURNING property_id),
  gone AS (
    DELETE FROM map_properties m USING old o
     WHERE m.property_id = o.property_id
       AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.property_id = o.property_id)
    RETURNING m.property_id),
  signed AS (
    SELECT -1 AS sign, o.* FROM old o JOIN changed ch ON ch.property_id = o.property_id
    UNION ALL
    SELECT 1 AS sign, ch.property_id, ${row('ch')} FROM changed ch),
  deltas AS (
    SELECT ${GRID_KEY}, n, sum_x, sum_y,
           COALESCE(c0, 0)::int AS n_class0, COALESCE(c1, 0)::int AS n_class1,
           COALESCE(c2, 0)::int AS n_class2, COALESCE(c3, 0)::int AS n_class3
      FROM (${gridDeltasSql('signed')}) summed
     WHERE (n, sum_x, sum_y, COALESCE(c0, 0), COALESCE(c1, 0), COALESCE(c2, 0), COALESCE(c3, 0))
           <> (0, 0, 0, 0, 0, 0, 0)),
  applied AS (${applyGridSql('deltas')}
    RETURNING g.zoom, g.cell_x, g.cell_y, g.case_stage, g.severity, g.item_overdue,
              g.closure_state, g.reinspection_planned, g.district_key, g.n)
  SELECT (SELECT count(*) FROM written)::int AS written,
         (SELECT count(*) FROM gone)::int AS gone,
         (SELECT COALESCE(json_agg(json_build_object(
                   'zoom', zoom, 'cell_x', cell_x, 'cell_y', cell_y, 'case_stage', case_stage,
                   'severity', severity, 'item_overdue', item_overdue,
                   'closure_state', closure_state, 'reinspection_planned', reinspection_planned,
                   'district_key', district_key)), '[]'::json)
            FROM applied WHERE n = 0) AS empty`;

/** $1: json array of grid keys that reached n = 0 in this transaction; deleted if still 0. */
export const DELETE_EMPTY_CELLS_SQL = `
  DELETE FROM map_grid_cells g
   USING json_to_recordset($1::json) AS k (zoom smallint, cell_x int, cell_y int, case_stage text,
         severity text, item_overdue boolean, closure_state text, reinspection_planned boolean,
         district_key uuid)
   WHERE (g.zoom, g.cell_x, g.cell_y, g.case_stage, g.severity, g.item_overdue, g.closure_state,
          g.reinspection_planned, g.district_key)
       = (k.zoom, k.cell_x, k.cell_y, k.case_stage, k.severity, k.item_overdue, k.closure_state,
          k.reinspection_planned, k.district_key)
     AND g.n = 0`;

/**
 * The rebuild of one range of properties ($1 exclusive lower id or NULL, $2 inclusive upper id,
 * $3 now): rows that changed are written with a new change_seq, rows of properties gone deleted.
 * The grid is rebuilt afterwards (`REBUILD_GRID_SQL`), so no deltas here.
 */
export const REBUILD_RANGE_SQL = `
  WITH ${freshRowsCtes(
    (column) => `(${column} > $1::uuid OR $1::uuid IS NULL) AND ${column} <= $2::uuid`,
    '$3::timestamptz',
  )},
  written AS (
    INSERT INTO map_properties AS m (property_id, ${COLUMNS}, change_seq)
    SELECT property_id, ${COLUMNS}, nextval('map_properties_change_seq') FROM fresh
    ON CONFLICT (property_id) DO UPDATE
       SET ${MAP_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')},
           change_seq = excluded.change_seq
     WHERE (${row('m')}) IS DISTINCT FROM (${row('excluded')})
    RETURNING property_id),
  gone AS (
    DELETE FROM map_properties m
     WHERE (m.property_id > $1::uuid OR $1::uuid IS NULL) AND m.property_id <= $2::uuid
       AND NOT EXISTS (SELECT 1 FROM scope s WHERE s.id = m.property_id)
    RETURNING property_id)
  SELECT (SELECT count(*) FROM written)::int AS written, (SELECT count(*) FROM gone)::int AS gone`;

/**
 * The grid from scratch, from every problem row (after `DELETE FROM map_grid_cells`), written in
 * key order so that a tile's rows lie on few pages.
 */
export const REBUILD_GRID_SQL = `
  INSERT INTO map_grid_cells (${GRID_KEY}, n, sum_x, sum_y, n_class0, n_class1, n_class2, n_class3)
  SELECT c.zoom, c.cell_x, c.cell_y, m.case_stage, m.severity, m.item_overdue, m.closure_state,
         m.reinspection_planned, COALESCE(m.district_id, ${NIL}),
         count(*)::int, sum(round(ST_X(m.geom))::bigint)::bigint,
         sum(round(ST_Y(m.geom))::bigint)::bigint,
         count(*) FILTER (WHERE m.risk_class = 0)::int, count(*) FILTER (WHERE m.risk_class = 1)::int,
         count(*) FILTER (WHERE m.risk_class = 2)::int, count(*) FILTER (WHERE m.risk_class = 3)::int
    FROM map_properties m CROSS JOIN LATERAL map_grid_cells_of(m.geom) c
   WHERE m.problem
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
