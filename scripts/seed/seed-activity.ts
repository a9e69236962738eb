import type { INestApplicationContext } from '@nestjs/common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { PhotosService } from '@hausakte/inspections';
import { RiskService } from '@hausakte/map';
import { RequestContext } from '@hausakte/platform';
import { PropertiesService } from '@hausakte/properties';
import {
  ActivityPlan,
  CatalogueFact,
  chooseProblemProperties,
  PersonFact,
  PlannedComplaint,
  planActivity,
  PropertyFact,
  UnitFact,
} from './activity-plan';
import { demoPhotoJpeg } from './demo-photos';
import { openSeedApp } from './seed-app';
import { ENFORCEMENT_TABLES, seedEnforcement } from './seed-enforcement';

/** The demo accounts of `npm run cli -- demo-users` (DEMO_USERS in apps/cli/src/main.ts). */
export const DEMO_INSPECTOR_EMAIL = 'inspektor@herne.example';
export const DEMO_OFFICER_EMAIL = 'sachbearbeitung@herne.example';

/** As complaint-matching.ts: a point within 25 m of a property means it. */
const NEARBY_RADIUS_M = 25;
/** As complaint-duplicates.ts: an earlier complaint within 90 days (of 24 h) may be the same. */
const DUPLICATE_WINDOW_MS = 90 * 86_400_000;

export const ACTIVITY_TABLES = [
  'complaints',
  'inspections',
  'inspection_inspectors',
  'defects',
  'defect_checks',
  'unit_occupancies',
  'photos',
  ...ENFORCEMENT_TABLES,
  'property_risk',
] as const;
export type ActivityTable = (typeof ACTIVITY_TABLES)[number];

export interface ActivityOptions {
  databaseUrl: string;
  seed: string;
  now: Date;
  /** Default: PHOTO_STORAGE_DIR of the environment (or its default). */
  photoStorageDir?: string;
  /** Where the enforcement's letters go; default: LETTER_STORAGE_DIR of the environment. */
  letterStorageDir?: string;
  /** Add the demo enforcement (cases, hearings, orders, closures, inbox). Default true. */
  enforcement?: boolean;
  log: (line: string) => void;
}

export interface ActivityResult {
  rows: Record<ActivityTable, number>;
  /** What was done or left out, in words. */
  notes: string[];
}

/**
 * The demo activity on top of the seeded register: complaints, inspections done, planned (today
 * for the demo inspector), without access and cancelled, defects of every severity and state with
 * their re-inspection checks, occupancy counts, a few photos, and every property's risk score.
 * Only into a database without inspections and complaints; needs an active inspector or officer
 * to attribute the records to (the demo users).
 */
export async function seedActivity(pool: Pool, options: ActivityOptions): Promise<ActivityResult> {
  const rows = Object.fromEntries(ACTIVITY_TABLES.map((table) => [table, 0])) as Record<
    ActivityTable,
    number
  >;
  const notes: string[] = [];
  const done = (note: string) => {
    notes.push(note);
    return { rows, notes };
  };

  const existing = await pool.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM inspections) + (SELECT count(*) FROM complaints) AS n`,
  );
  if (Number(existing.rows[0].n) > 0) {
    return done('activity: the database has inspections or complaints already; none added');
  }
  const people = await readPeople(pool);
  if (people.length === 0) {
    return done(
      'activity: no active inspector or officer to attribute records to, so no complaints, ' +
        'inspections, defects or photos (run `npm run cli -- demo-users` before seeding)',
    );
  }
  const lead = people.find((p) => p.email === DEMO_INSPECTOR_EMAIL) ?? people[0];
  if (lead.email !== DEMO_INSPECTOR_EMAIL) {
    notes.push(
      `activity: ${DEMO_INSPECTOR_EMAIL} not found; today's visits go to ${lead.email} instead`,
    );
  }
  const recorder =
    people.find((p) => p.email === DEMO_OFFICER_EMAIL) ??
    people.find((p) => p.role === 'officer') ??
    lead;
  const others = people.filter((p) => p.id !== lead.id).slice(0, 3);
  const catalogue = await readCatalogue(pool);

  let phase = process.hrtime.bigint();
  const lap = (what: string) => {
    const now = process.hrtime.bigint();
    options.log(`activity: ${what} in ${(Number(now - phase) / 1e9).toFixed(1)} s`);
    phase = now;
  };
  const properties = await readProperties(pool);
  const problemIds = chooseProblemProperties(options.seed, properties);
  const units = await readUnits(pool, problemIds);
  const plan = planActivity({
    seed: options.seed,
    now: options.now,
    properties,
    units,
    problemIds,
    lead,
    others,
    recorder,
    catalogue,
  });
  lap(
    `planned ${plan.inspections.length} inspections, ${plan.defects.length} defects, ` +
      `${plan.complaints.length} complaints`,
  );

  const app = await openSeedApp({
    DATABASE_URL: options.databaseUrl,
    PHOTO_STORAGE_DIR: options.photoStorageDir,
    LETTER_STORAGE_DIR: options.letterStorageDir,
    // Seeded history: its notifications are for the inbox, not e-mails to send at the demo's start.
    MAIL_ENABLED: 'false',
  });
  try {
    const context = app.get(RequestContext);
    await context.run(null, () => resolveComplaints(app, plan, recorder));
    lap('matched the complaints to properties');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      Object.assign(rows, await insertActivity(client, plan));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    lap('wrote them');
    rows.photos = await context.run(null, () => storePhotos(app, plan));
    lap(`stored ${rows.photos} photos`);
    if (options.enforcement ?? true) {
      const enforcement = await seedEnforcement(app, pool, {
        seed: options.seed,
        now: options.now,
        officerEmail: DEMO_OFFICER_EMAIL,
        inspectorEmail: DEMO_INSPECTOR_EMAIL,
        log: options.log,
      });
      Object.assign(rows, enforcement.rows);
      notes.push(...enforcement.notes);
      lap(
        `replayed the enforcement: ${enforcement.rows.cases} cases, ${enforcement.rows.orders} orders`,
      );
    }
    rows.property_risk = await context.run(null, () =>
      app.get(RiskService).recomputeAll(options.now),
    );
    lap(`scored the risk of ${rows.property_risk} properties`);
  } finally {
    await app.close();
  }

  const today = plan.inspections.filter(
    (i) => i.status === 'planned' && i.inspectorIds.includes(lead.id),
  ).length;
  notes.push(
    `activity: ${problemIds.length} problem properties; ${lead.email} has ${today} planned visits ` +
      `(today and later); ${others.length} other people go to inspections`,
  );
  return { rows, notes };
}

async function readPeople(pool: Pool): Promise<PersonFact[]> {
  const { rows } = await pool.query<PersonFact>(
    `SELECT id, email, role FROM users
      WHERE active AND role IN ('inspector', 'officer')
      ORDER BY role = 'officer', email`,
  );
  return rows;
}

/** The current, not retired version of every catalogue code (as the app offers them). */
async function readCatalogue(pool: Pool): Promise<CatalogueFact[]> {
  const { rows } = await pool.query<CatalogueFact & { retired: boolean }>(
    `SELECT DISTINCT ON (code) id, code, legal_ground AS "legalGround", severity,
            title_de AS "titleDe", retired
       FROM catalogue_items ORDER BY code, version DESC`,
  );
  return rows.filter((row) => !row.retired);
}

async function readProperties(pool: Pool): Promise<PropertyFact[]> {
  const { rows } = await pool.query<PropertyFact>(
    `SELECT p.id, ST_X(p.location) AS lon, ST_Y(p.location) AS lat, p.district_id AS "districtId",
            a.street, a.house_number AS "houseNumber", a.postcode,
            (SELECT count(*) FROM units u WHERE u.property_id = p.id)::int AS "unitCount"
       FROM properties p
       LEFT JOIN property_addresses a ON a.property_id = p.id AND a.is_primary
      ORDER BY p.id`,
  );
  return rows;
}

async function readUnits(pool: Pool, propertyIds: string[]): Promise<Map<string, UnitFact[]>> {
  const { rows } = await pool.query<{
    id: string;
    property_id: string;
    label: string;
    area_m2: string | null;
  }>(
    `SELECT id, property_id, label, area_m2 FROM units
      WHERE property_id = ANY($1::uuid[]) ORDER BY property_id, id`,
    [propertyIds],
  );
  const units = new Map<string, UnitFact[]>();
  for (const row of rows) {
    const list = units.get(row.property_id) ?? [];
    list.push({
      id: row.id,
      label: row.label,
      areaM2: row.area_m2 === null ? null : Number(row.area_m2),
    });
    units.set(row.property_id, list);
  }
  return units;
}

interface ResolvedComplaint extends PlannedComplaint {
  propertyId: string | null;
  match: 'address' | 'nearby' | 'manual' | 'none';
  possibleDuplicateOf: string | null;
  duplicateDecision: 'duplicate' | 'distinct' | null;
  decidedBy: string | null;
}

/**
 * Matches every complaint to a property with the app's own lookups (PropertiesService: the
 * property at the address first, else the nearest property within 25 m, else none; `manual` ones
 * were linked by a person), flags possible duplicates by the app's rule, and unlinks a visit from a complaint
 * that ended up at another property.
 */
async function resolveComplaints(
  app: INestApplicationContext,
  plan: ActivityPlan,
  recorder: PersonFact,
): Promise<void> {
  const properties = app.get(PropertiesService);
  const resolved = plan.complaints as ResolvedComplaint[];
  const match = async (complaint: ResolvedComplaint): Promise<void> => {
    complaint.possibleDuplicateOf = null;
    complaint.duplicateDecision = null;
    complaint.decidedBy = null;
    if (complaint.intent === 'manual') {
      complaint.propertyId = complaint.intendedPropertyId;
      complaint.match = 'manual';
      return;
    }
    const byAddress =
      complaint.street !== null && complaint.houseNumber !== null
        ? await properties.findAllByAddress({
            street: complaint.street,
            houseNumber: complaint.houseNumber,
            postcode: complaint.postcode,
          })
        : [];
    const nearest =
      byAddress.length === 0 && complaint.location !== null
        ? await properties.findNearest(
            { type: 'Point', coordinates: complaint.location },
            NEARBY_RADIUS_M,
          )
        : null;
    // As matchComplaint: one property at the address; else (no address match) the nearest
    // within 25 m; an address naming several properties decides nothing.
    complaint.propertyId =
      byAddress.length === 1
        ? byAddress[0]
        : byAddress.length === 0
          ? (nearest?.propertyId ?? null)
          : null;
    complaint.match =
      byAddress.length === 1
        ? 'address'
        : byAddress.length === 0 && nearest !== null
          ? 'nearby'
          : 'none';
  };
  // A few at a time: the lookups are reads, each on its own pooled connection.
  for (let i = 0; i < resolved.length; i += 8)
    await Promise.all(resolved.slice(i, i + 8).map(match));

  // The most recent earlier complaint about the same property and ground within 90 days.
  for (const complaint of resolved) {
    if (complaint.propertyId === null) continue;
    const received = complaint.receivedAt.getTime();
    const earlier = resolved
      .filter(
        (other) =>
          other.id !== complaint.id &&
          other.propertyId === complaint.propertyId &&
          other.legalGround === complaint.legalGround &&
          other.receivedAt.getTime() >= received - DUPLICATE_WINDOW_MS &&
          (other.receivedAt.getTime() < received ||
            (other.receivedAt.getTime() === received && other.createdAt < complaint.createdAt)),
      )
      .sort(
        (a, b) =>
          b.receivedAt.getTime() - a.receivedAt.getTime() ||
          b.createdAt.getTime() - a.createdAt.getTime() ||
          (a.id < b.id ? -1 : 1),
      );
    if (earlier.length === 0) continue;
    complaint.possibleDuplicateOf = earlier[0].id;
    complaint.duplicateDecision = complaint.decisionIfFlagged;
    complaint.decidedBy = complaint.decisionIfFlagged ? recorder.id : null;
  }

  const byId = new Map(resolved.map((complaint) => [complaint.id, complaint]));
  for (const inspection of plan.inspections) {
    if (inspection.complaintId === null) continue;
    if (byId.get(inspection.complaintId)?.propertyId !== inspection.propertyId) {
      inspection.complaintId = null;
      if (inspection.kind === 'complaint') inspection.kind = 'initial';
    }
  }
}

/** All rows of the plan, table by table, as `INSERT … SELECT … FROM unnest(…)`. */
async function insertActivity(
  client: PoolClient,
  plan: ActivityPlan,
): Promise<Partial<Record<ActivityTable, number>>> {
  const run = async (sql: string, params: unknown[]) =>
    (await client.query(sql, params)).rowCount ?? 0;
  const complaints = plan.complaints as ResolvedComplaint[];
  const inspections = plan.inspections;
  const counts: Partial<Record<ActivityTable, number>> = {};

  counts.complaints = await run(
    `INSERT INTO complaints (id, source, legal_ground, text, reporter_contact, street, house_number,
                             postcode, location, property_id, match, possible_duplicate_of,
                             duplicate_decision, decided_by, received_at, recorded_by, version,
                             created_at, updated_at)
     SELECT t.id, t.source, t.legal_ground, t.text, t.contact, t.street, t.house_number, t.postcode,
            CASE WHEN t.lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) END,
            t.property_id, t.match, t.duplicate_of, t.decision, t.decided_by, t.received_at,
            t.recorded_by, CASE WHEN t.decision IS NULL THEN 1 ELSE 2 END, t.created_at,
            CASE WHEN t.decision IS NULL THEN t.created_at
                 ELSE least(t.created_at + interval '1 day', now()) END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                   $8::text[], $9::float8[], $10::float8[], $11::uuid[], $12::text[], $13::uuid[],
                   $14::text[], $15::uuid[], $16::timestamptz[], $17::uuid[], $18::timestamptz[])
         AS t(id, source, legal_ground, text, contact, street, house_number, postcode, lon, lat,
              property_id, match, duplicate_of, decision, decided_by, received_at, recorded_by,
              created_at)`,
    [
      complaints.map((c) => c.id),
      complaints.map((c) => c.source),
      complaints.map((c) => c.legalGround),
      complaints.map((c) => c.text),
      complaints.map((c) => c.reporterContact),
      complaints.map((c) => c.street),
      complaints.map((c) => c.houseNumber),
      complaints.map((c) => c.postcode),
      complaints.map((c) => c.location?.[0] ?? null),
      complaints.map((c) => c.location?.[1] ?? null),
      complaints.map((c) => c.propertyId),
      complaints.map((c) => c.match),
      complaints.map((c) => c.possibleDuplicateOf),
      complaints.map((c) => c.duplicateDecision),
      complaints.map((c) => c.decidedBy),
      complaints.map((c) => c.receivedAt),
      complaints.map((c) => c.recordedBy),
      complaints.map((c) => c.createdAt),
    ],
  );

  counts.inspections = await run(
    `INSERT INTO inspections (id, property_id, kind, status, scheduled_at, reason, joint_partners,
                              complaint_id, follows_inspection_id, planned_by, completed_at,
                              completed_by, outcome_reason, notes, version, created_at, updated_at)
     SELECT t.id, t.property_id, t.kind, t.status, t.scheduled_at, t.reason,
            ARRAY(SELECT jsonb_array_elements_text(t.partners)), t.complaint_id, t.follows,
            t.planned_by, t.completed_at, t.completed_by, t.outcome_reason, t.notes, t.version,
            t.created_at, t.updated_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[],
                   $7::jsonb[], $8::uuid[], $9::uuid[], $10::uuid[], $11::timestamptz[], $12::uuid[],
                   $13::text[], $14::text[], $15::int[], $16::timestamptz[], $17::timestamptz[])
         AS t(id, property_id, kind, status, scheduled_at, reason, partners, complaint_id, follows,
              planned_by, completed_at, completed_by, outcome_reason, notes, version, created_at,
              updated_at)`,
    [
      inspections.map((i) => i.id),
      inspections.map((i) => i.propertyId),
      inspections.map((i) => i.kind),
      inspections.map((i) => i.status),
      inspections.map((i) => i.scheduledAt),
      inspections.map((i) => i.reason),
      inspections.map((i) => JSON.stringify(i.jointPartners)),
      inspections.map((i) => i.complaintId),
      inspections.map((i) => i.followsInspectionId),
      inspections.map((i) => i.plannedBy),
      inspections.map((i) => i.completedAt),
      inspections.map((i) => i.completedBy),
      inspections.map((i) => i.outcomeReason),
      inspections.map((i) => i.notes),
      inspections.map((i) => i.version),
      inspections.map((i) => i.createdAt),
      inspections.map((i) => i.updatedAt),
    ],
  );
  const assignments = inspections.flatMap((i) =>
    i.inspectorIds.map((userId) => ({ inspectionId: i.id, userId })),
  );
  counts.inspection_inspectors = await run(
    `INSERT INTO inspection_inspectors (inspection_id, user_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [assignments.map((a) => a.inspectionId), assignments.map((a) => a.userId)],
  );

  const defects = plan.defects;
  counts.defects = await run(
    `INSERT INTO defects (id, property_id, inspection_id, unit_id, room, catalogue_item_id, severity,
                          severity_reason, description, status, status_changed_at, created_by,
                          version, created_at, updated_at)
     SELECT t.*, t.status_changed_at FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[],
                                        $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[],
                                        $11::timestamptz[], $12::uuid[], $13::int[], $14::timestamptz[])
         AS t(id, property_id, inspection_id, unit_id, room, catalogue_item_id, severity,
              severity_reason, description, status, status_changed_at, created_by, version,
              created_at)`,
    [
      defects.map((d) => d.id),
      defects.map((d) => d.propertyId),
      defects.map((d) => d.inspectionId),
      defects.map((d) => d.unitId),
      defects.map((d) => d.room),
      defects.map((d) => d.catalogueItemId),
      defects.map((d) => d.severity),
      defects.map((d) => d.severityReason),
      defects.map((d) => d.description),
      defects.map((d) => d.status),
      defects.map((d) => d.statusChangedAt),
      defects.map((d) => d.createdBy),
      defects.map((d) => d.version),
      defects.map((d) => d.createdAt),
    ],
  );

  const checks = plan.checks;
  counts.defect_checks = await run(
    `INSERT INTO defect_checks (inspection_id, defect_id, result, note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
    [
      checks.map((c) => c.inspectionId),
      checks.map((c) => c.defectId),
      checks.map((c) => c.result),
      checks.map((c) => c.note),
    ],
  );

  const occupancy = plan.occupancy;
  counts.unit_occupancies = await run(
    `INSERT INTO unit_occupancies (id, inspection_id, unit_id, adults_found, children_under_six_found,
                                   persons_registered, living_area_m2, unit_kind,
                                   shared_ancillary_rooms, worker_housing, outcome, rule_set_id,
                                   result)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[],
                          $7::numeric[], $8::text[], $9::bool[], $10::bool[], $11::text[],
                          $12::text[], $13::jsonb[])`,
    [
      occupancy.map((o) => o.id),
      occupancy.map((o) => o.inspectionId),
      occupancy.map((o) => o.unitId),
      occupancy.map((o) => o.adultsFound),
      occupancy.map((o) => o.childrenUnderSixFound),
      occupancy.map((o) => o.personsRegistered),
      occupancy.map((o) => o.livingAreaM2),
      occupancy.map((o) => o.unitKind),
      occupancy.map((o) => o.sharedAncillaryRooms),
      occupancy.map((o) => o.workerHousing),
      occupancy.map((o) => o.outcome),
      occupancy.map((o) => o.ruleSetId),
      occupancy.map((o) => JSON.stringify(o.result)),
    ],
  );
  await client.query(
    'ANALYZE complaints, inspections, inspection_inspectors, defects, defect_checks, unit_occupancies',
  );
  return counts;
}

/**
 * The photos through the app's own pipeline (PhotosService.accept, as a finished tus upload):
 * type sniffed, SHA-256, preview without metadata, EXIF time and position read, original kept
 * read-only under PHOTO_STORAGE_DIR, row and audit entry written.
 */
async function storePhotos(app: INestApplicationContext, plan: ActivityPlan): Promise<number> {
  if (plan.photos.length === 0) return 0;
  const photos = app.get(PhotosService);
  const dir = await mkdtemp(join(tmpdir(), 'hausakte-seed-photos-'));
  let stored = 0;
  try {
    for (const [index, photo] of plan.photos.entries()) {
      const file = join(dir, `${photo.id}.jpg`);
      await writeFile(file, await demoPhotoJpeg(photo));
      const { repeat } = await photos.accept({
        file,
        photoId: photo.id,
        defectId: photo.defectId,
        uploaderId: photo.uploadedBy,
        filename: `IMG_${String(2001 + index).padStart(4, '0')}.jpg`,
      });
      if (!repeat) stored++;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return stored;
}
