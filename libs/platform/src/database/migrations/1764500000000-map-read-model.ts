import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The map's read model (docs/api/map.md): one row per property with the filter dimensions and
 * the figures the map shows, and the low-zoom grid of problem properties kept by deltas.
 *
 * - `map_properties_change_seq` numbers every write of a row: `max(change_seq)` (an index-only
 *   scan) is the map's data version.
 * - `map_grid_cells_of(geom)` is the one definition of the cell math (zoom 0–12, 32 cells per
 *   tile side); the refresh, the rebuild and the delete trigger all use it (inlined by the
 *   planner: a single SELECT, IMMUTABLE).
 * - Rows leave `map_properties` only by DELETE (a property deleted cascades): a statement trigger
 *   subtracts them from the grid, so no path can leave the grid counting a row that is gone.
 */
export class MapReadModel1764500000000 implements MigrationInterface {
  name = 'MapReadModel1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE map_properties_change_seq AS bigint`);
    await q.query(`
      CREATE TABLE map_properties (
        property_id uuid NOT NULL,
        geom geometry(Point,3857) NOT NULL,
        district_id uuid,
        owner_id uuid,
        manager_id uuid,
        problem boolean NOT NULL,
        case_stage text NOT NULL,
        severity text NOT NULL,
        item_overdue boolean NOT NULL,
        closure_state text NOT NULL,
        reinspection_planned boolean NOT NULL,
        risk_score integer NOT NULL,
        risk_class smallint NOT NULL,
        open_defects_a integer NOT NULL,
        open_defects_b integer NOT NULL,
        open_defects_c integer NOT NULL,
        open_items integer NOT NULL,
        overdue_items integer NOT NULL,
        occupants integer NOT NULL,
        next_deadline date,
        change_seq bigint NOT NULL,
        CONSTRAINT map_properties_pkey PRIMARY KEY (property_id),
        CONSTRAINT map_properties_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id) ON DELETE CASCADE,
        CONSTRAINT map_properties_case_stage_check CHECK (case_stage IN ('none', 'investigation', 'hearing', 'ordered', 'monitoring', 'enforcing', 'closed')),
        CONSTRAINT map_properties_severity_check CHECK (severity IN ('none', 'A', 'B', 'C')),
        CONSTRAINT map_properties_closure_state_check CHECK (closure_state IN ('none', 'declared', 'vacated', 'sealed', 'released')),
        CONSTRAINT map_properties_risk_check CHECK (risk_score BETWEEN 0 AND 100 AND risk_class = CASE WHEN risk_score < 20 THEN 0 WHEN risk_score < 50 THEN 1 WHEN risk_score < 80 THEN 2 ELSE 3 END),
        CONSTRAINT map_properties_counts_check CHECK (open_defects_a >= 0 AND open_defects_b >= 0 AND open_defects_c >= 0 AND open_items >= 0 AND overdue_items BETWEEN 0 AND open_items AND occupants >= 0)
      )`);
    await q.query(`CREATE INDEX map_properties_geom_idx ON map_properties USING GiST (geom)`);
    await q.query(
      `CREATE INDEX map_properties_problem_geom_idx ON map_properties USING GiST (geom) WHERE problem`,
    );
    await q.query(`CREATE INDEX map_properties_district_id_idx ON map_properties (district_id)`);
    await q.query(`CREATE INDEX map_properties_owner_id_idx ON map_properties (owner_id)`);
    await q.query(`CREATE INDEX map_properties_manager_id_idx ON map_properties (manager_id)`);
    await q.query(`CREATE INDEX map_properties_change_seq_idx ON map_properties (change_seq)`);

    await q.query(`
      CREATE TABLE map_grid_cells (
        zoom smallint NOT NULL,
        cell_x integer NOT NULL,
        cell_y integer NOT NULL,
        case_stage text NOT NULL,
        severity text NOT NULL,
        item_overdue boolean NOT NULL,
        closure_state text NOT NULL,
        reinspection_planned boolean NOT NULL,
        district_key uuid NOT NULL,
        n integer NOT NULL,
        sum_x bigint NOT NULL,
        sum_y bigint NOT NULL,
        n_class0 integer NOT NULL,
        n_class1 integer NOT NULL,
        n_class2 integer NOT NULL,
        n_class3 integer NOT NULL,
        CONSTRAINT map_grid_cells_pkey PRIMARY KEY (zoom, cell_x, cell_y, case_stage, severity, item_overdue, closure_state, reinspection_planned, district_key),
        CONSTRAINT map_grid_cells_zoom_check CHECK (zoom BETWEEN 0 AND 12),
        CONSTRAINT map_grid_cells_classes_check CHECK (n_class0 + n_class1 + n_class2 + n_class3 = n)
      )`);

    // Cell indexes of a point (EPSG:3857) at zooms 0–12; docs/api/map.md and grid-math.ts.
    await q.query(`
      CREATE FUNCTION map_grid_cells_of(g geometry)
      RETURNS TABLE (zoom smallint, cell_x integer, cell_y integer)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT z::smallint,
               LEAST(GREATEST(floor((ST_X(g) + 20037508.342789244) / (40075016.685578488 / (32 << z)::float8))::int, 0), (32 << z) - 1),
               LEAST(GREATEST(floor((20037508.342789244 - ST_Y(g)) / (40075016.685578488 / (32 << z)::float8))::int, 0), (32 << z) - 1)
          FROM generate_series(0, 12) AS z
      $$`);

    await q.query(`
      CREATE FUNCTION map_grid_subtract_deleted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO map_grid_cells AS g (zoom, cell_x, cell_y, case_stage, severity, item_overdue,
               closure_state, reinspection_planned, district_key, n, sum_x, sum_y,
               n_class0, n_class1, n_class2, n_class3)
        SELECT c.zoom, c.cell_x, c.cell_y, d.case_stage, d.severity, d.item_overdue,
               d.closure_state, d.reinspection_planned,
               COALESCE(d.district_id, '00000000-0000-0000-0000-000000000000'::uuid),
               -count(*), -sum(round(ST_X(d.geom))::bigint), -sum(round(ST_Y(d.geom))::bigint),
               -count(*) FILTER (WHERE d.risk_class = 0), -count(*) FILTER (WHERE d.risk_class = 1),
               -count(*) FILTER (WHERE d.risk_class = 2), -count(*) FILTER (WHERE d.risk_class = 3)
          FROM gone d CROSS JOIN LATERAL map_grid_cells_of(d.geom) c
         WHERE d.problem
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
         ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        ON CONFLICT ON CONSTRAINT map_grid_cells_pkey DO UPDATE
           SET n = g.n + excluded.n, sum_x = g.sum_x + excluded.sum_x,
               sum_y = g.sum_y + excluded.sum_y, n_class0 = g.n_class0 + excluded.n_class0,
               n_class1 = g.n_class1 + excluded.n_class1, n_class2 = g.n_class2 + excluded.n_class2,
               n_class3 = g.n_class3 + excluded.n_class3;
        DELETE FROM map_grid_cells g
         USING gone d CROSS JOIN LATERAL map_grid_cells_of(d.geom) c
         WHERE d.problem AND g.n = 0
           AND (g.zoom, g.cell_x, g.cell_y, g.case_stage, g.severity, g.item_overdue,
                g.closure_state, g.reinspection_planned, g.district_key)
             = (c.zoom, c.cell_x, c.cell_y, d.case_stage, d.severity, d.item_overdue,
                d.closure_state, d.reinspection_planned,
                COALESCE(d.district_id, '00000000-0000-0000-0000-000000000000'::uuid));
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER map_properties_grid_delete AFTER DELETE ON map_properties
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
      EXECUTE FUNCTION map_grid_subtract_deleted()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE map_grid_cells`);
    await q.query(`DROP TABLE map_properties`);
    await q.query(`DROP FUNCTION map_grid_subtract_deleted()`);
    await q.query(`DROP FUNCTION map_grid_cells_of(geometry)`);
    await q.query(`DROP SEQUENCE map_properties_change_seq`);
  }
}
