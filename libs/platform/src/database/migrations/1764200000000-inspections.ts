import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections and what they find: the versioned defect catalogue, inspectors' districts,
 * inspections with their inspectors, defects and re-inspection checks, occupancy counts with
 * their § 10 result, complaints; and the risk read model of the map lib.
 */
export class Inspections1764200000000 implements MigrationInterface {
  name = 'Inspections1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_items (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        version integer NOT NULL,
        legal_ground text NOT NULL,
        title_de text NOT NULL,
        title_en text NOT NULL,
        description_de text NOT NULL,
        description_en text NOT NULL,
        severity text NOT NULL,
        period_unit text,
        period_amount integer,
        retired boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT catalogue_items_pkey PRIMARY KEY (id),
        CONSTRAINT catalogue_items_code_version_key UNIQUE (code, version),
        CONSTRAINT catalogue_items_version_check CHECK (version >= 1),
        CONSTRAINT catalogue_items_period_check CHECK ((period_unit IS NULL AND period_amount IS NULL) OR (period_unit IN ('hours', 'days') AND period_amount >= 1)),
        CONSTRAINT catalogue_items_severity_check CHECK (severity IN ('A', 'B', 'C')),
        CONSTRAINT catalogue_items_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
    await q.query(
      `CREATE INDEX catalogue_items_legal_ground_idx ON catalogue_items (legal_ground)`,
    );

    await q.query(`
      CREATE TABLE inspector_districts (
        user_id uuid NOT NULL,
        district_id uuid NOT NULL,
        CONSTRAINT inspector_districts_pkey PRIMARY KEY (user_id, district_id),
        CONSTRAINT inspector_districts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT inspector_districts_district_id_fkey FOREIGN KEY (district_id) REFERENCES districts (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX inspector_districts_district_id_idx ON inspector_districts (district_id)`,
    );

    await q.query(`
      CREATE TABLE complaints (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        source text NOT NULL,
        legal_ground text NOT NULL,
        text text NOT NULL,
        reporter_contact text,
        street text,
        house_number text,
        postcode text,
        location geometry(Point, 4326),
        property_id uuid,
        match text NOT NULL,
        possible_duplicate_of uuid,
        duplicate_decision text,
        decided_by uuid,
        received_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT complaints_pkey PRIMARY KEY (id),
        CONSTRAINT complaints_anonymous_check CHECK (source <> 'anonymous' OR reporter_contact IS NULL),
        CONSTRAINT complaints_text_check CHECK (btrim(text) <> ''),
        CONSTRAINT complaints_place_check CHECK (location IS NOT NULL OR (street IS NOT NULL AND house_number IS NOT NULL)),
        CONSTRAINT complaints_decision_check CHECK ((duplicate_decision IS NULL) = (decided_by IS NULL) AND (duplicate_decision IS NULL OR possible_duplicate_of IS NOT NULL)),
        CONSTRAINT complaints_property_match_check CHECK ((property_id IS NULL) = (match = 'none')),
        CONSTRAINT complaints_duplicate_decision_check CHECK (duplicate_decision IS NULL OR duplicate_decision IN ('duplicate', 'distinct')),
        CONSTRAINT complaints_match_check CHECK (match IN ('address', 'nearby', 'manual', 'none')),
        CONSTRAINT complaints_source_check CHECK (source IN ('tenant', 'neighbour', 'police', 'job_centre', 'anonymous')),
        CONSTRAINT complaints_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id),
        CONSTRAINT complaints_possible_duplicate_of_fkey FOREIGN KEY (possible_duplicate_of) REFERENCES complaints (id),
        CONSTRAINT complaints_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT complaints_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX complaints_location_idx ON complaints USING gist (location)`);
    await q.query(
      `CREATE INDEX complaints_property_id_received_at_idx ON complaints (property_id, received_at)`,
    );

    await q.query(`
      CREATE TABLE inspections (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        property_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'planned',
        scheduled_at timestamptz NOT NULL,
        reason text,
        joint_partners text array NOT NULL DEFAULT '{}',
        complaint_id uuid,
        follows_inspection_id uuid,
        planned_by uuid NOT NULL,
        completed_at timestamptz,
        completed_by uuid,
        outcome_reason text,
        notes text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspections_pkey PRIMARY KEY (id),
        CONSTRAINT inspections_outcome_check CHECK ((status = 'planned' AND completed_at IS NULL) OR (status <> 'planned' AND completed_at IS NOT NULL)),
        CONSTRAINT inspections_status_check CHECK (status IN ('planned', 'done', 'no_access', 'cancelled')),
        CONSTRAINT inspections_kind_check CHECK (kind IN ('initial', 'complaint', 'reinspection', 'joint')),
        CONSTRAINT inspections_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id),
        CONSTRAINT inspections_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES complaints (id),
        CONSTRAINT inspections_follows_inspection_id_fkey FOREIGN KEY (follows_inspection_id) REFERENCES inspections (id),
        CONSTRAINT inspections_planned_by_fkey FOREIGN KEY (planned_by) REFERENCES users (id),
        CONSTRAINT inspections_completed_by_fkey FOREIGN KEY (completed_by) REFERENCES users (id)
      )`);
    await q.query(
      `CREATE INDEX inspections_property_id_scheduled_at_idx ON inspections (property_id, scheduled_at)`,
    );
    await q.query(
      `CREATE INDEX inspections_status_scheduled_at_idx ON inspections (status, scheduled_at)`,
    );
    await q.query(`CREATE INDEX inspections_complaint_id_idx ON inspections (complaint_id)`);

    await q.query(`
      CREATE TABLE inspection_inspectors (
        inspection_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT inspection_inspectors_pkey PRIMARY KEY (inspection_id, user_id),
        CONSTRAINT inspection_inspectors_inspection_id_fkey FOREIGN KEY (inspection_id) REFERENCES inspections (id) ON DELETE CASCADE,
        CONSTRAINT inspection_inspectors_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
      )`);
    await q.query(
      `CREATE INDEX inspection_inspectors_user_id_idx ON inspection_inspectors (user_id)`,
    );

    await q.query(`
      CREATE TABLE defects (
        id uuid NOT NULL,
        property_id uuid NOT NULL,
        inspection_id uuid NOT NULL,
        unit_id uuid,
        room text,
        catalogue_item_id uuid NOT NULL,
        severity text NOT NULL,
        severity_reason text,
        description text NOT NULL,
        position geometry(Point, 4326),
        status text NOT NULL DEFAULT 'open',
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT defects_pkey PRIMARY KEY (id),
        CONSTRAINT defects_status_check CHECK (status IN ('open', 'reported_done', 'verified', 'not_remedied')),
        CONSTRAINT defects_severity_check CHECK (severity IN ('A', 'B', 'C')),
        CONSTRAINT defects_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id),
        CONSTRAINT defects_inspection_id_fkey FOREIGN KEY (inspection_id) REFERENCES inspections (id),
        CONSTRAINT defects_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES units (id),
        CONSTRAINT defects_catalogue_item_id_fkey FOREIGN KEY (catalogue_item_id) REFERENCES catalogue_items (id),
        CONSTRAINT defects_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX defects_property_id_status_idx ON defects (property_id, status)`);
    await q.query(`CREATE INDEX defects_inspection_id_idx ON defects (inspection_id)`);
    await q.query(`CREATE INDEX defects_unit_id_idx ON defects (unit_id)`);
    await q.query(`CREATE INDEX defects_catalogue_item_id_idx ON defects (catalogue_item_id)`);

    await q.query(`
      CREATE TABLE defect_checks (
        inspection_id uuid NOT NULL,
        defect_id uuid NOT NULL,
        result text NOT NULL,
        note text,
        CONSTRAINT defect_checks_pkey PRIMARY KEY (inspection_id, defect_id),
        CONSTRAINT defect_checks_result_check CHECK (result IN ('remedied', 'not_remedied')),
        CONSTRAINT defect_checks_inspection_id_fkey FOREIGN KEY (inspection_id) REFERENCES inspections (id),
        CONSTRAINT defect_checks_defect_id_fkey FOREIGN KEY (defect_id) REFERENCES defects (id)
      )`);
    await q.query(`CREATE INDEX defect_checks_defect_id_idx ON defect_checks (defect_id)`);

    await q.query(`
      CREATE TABLE unit_occupancies (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        adults_found integer NOT NULL,
        children_under_six_found integer NOT NULL,
        persons_registered integer NOT NULL,
        living_area_m2 numeric(7, 2) NOT NULL,
        unit_kind text NOT NULL,
        shared_ancillary_rooms boolean NOT NULL,
        worker_housing boolean NOT NULL,
        outcome text NOT NULL,
        rule_set_id text,
        result jsonb NOT NULL,
        CONSTRAINT unit_occupancies_pkey PRIMARY KEY (id),
        CONSTRAINT unit_occupancies_inspection_id_unit_id_key UNIQUE (inspection_id, unit_id),
        CONSTRAINT unit_occupancies_counts_check CHECK (adults_found >= 0 AND children_under_six_found >= 0 AND persons_registered >= 0 AND living_area_m2 > 0),
        CONSTRAINT unit_occupancies_kind_check CHECK (unit_kind IN ('flat', 'single_room')),
        CONSTRAINT unit_occupancies_inspection_id_fkey FOREIGN KEY (inspection_id) REFERENCES inspections (id),
        CONSTRAINT unit_occupancies_unit_id_fkey FOREIGN KEY (unit_id) REFERENCES units (id)
      )`);
    await q.query(`CREATE INDEX unit_occupancies_unit_id_idx ON unit_occupancies (unit_id)`);

    // The map lib's risk read model.
    await q.query(`
      CREATE TABLE property_risk (
        property_id uuid NOT NULL,
        score integer NOT NULL,
        facts jsonb NOT NULL,
        factors jsonb NOT NULL,
        weights_version integer NOT NULL,
        computed_at timestamptz NOT NULL,
        CONSTRAINT property_risk_pkey PRIMARY KEY (property_id),
        CONSTRAINT property_risk_property_id_fkey FOREIGN KEY (property_id) REFERENCES properties (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX property_risk_score_idx ON property_risk (score)`);
    await q.query(`
      CREATE TABLE risk_weights (
        version integer NOT NULL,
        weights jsonb NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_weights_pkey PRIMARY KEY (version),
        CONSTRAINT risk_weights_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'risk_weights',
      'property_risk',
      'unit_occupancies',
      'defect_checks',
      'defects',
      'inspection_inspectors',
      'inspections',
      'complaints',
      'inspector_districts',
      'catalogue_items',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
