import {
  evaluateOvercrowding,
  type OvercrowdingResult,
  type Severity,
} from '@hausakte/inspections/rules';
import type { ComplaintSource, DuplicateDecision } from '@hausakte/inspections';
import {
  CANCEL_REASONS,
  COMMON_ROOMS,
  COMPLAINT_GROUNDS,
  COMPLAINT_SOURCE_WEIGHTS,
  COMPLAINT_TEXTS,
  DEFECT_DETAILS,
  DONE_NOTES,
  INITIAL_REASONS,
  JOINT_PARTNERS,
  NO_ACCESS_REASONS,
  SEVERITY_DOWN_REASONS,
  SEVERITY_UP_REASONS,
  SOURCE_PREFIX,
  UNIT_ROOMS,
} from './activity-vocabulary';
import { berlinDateOf } from '@hausakte/platform';
import { addDays, berlinTime, germanDate, weekdayOf, workingDayFrom } from './berlin-time';
import { offset, round6 } from './geography';
import { Random } from './random';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary';

/** A property as the planner sees it (the seeded register, read back in id order). */
export interface PropertyFact {
  id: string;
  lon: number;
  lat: number;
  districtId: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  unitCount: number;
}

export interface UnitFact {
  id: string;
  label: string;
  areaM2: number | null;
}

/** Someone who may go to inspections: an active inspector or officer. */
export interface PersonFact {
  id: string;
  email: string;
  role: 'inspector' | 'officer';
}

export interface CatalogueFact {
  id: string;
  code: string;
  legalGround: string;
  severity: Severity;
  titleDe: string;
}

export type InspectionKind = 'initial' | 'complaint' | 'reinspection' | 'joint';
export type InspectionStatus = 'planned' | 'done' | 'no_access' | 'cancelled';
export type DefectStatus = 'open' | 'reported_done' | 'verified' | 'not_remedied';
export type OccupancyOutcome = 'overcrowded' | 'not_overcrowded' | 'no_rule' | 'not_covered';

export interface PlannedInspection {
  id: string;
  propertyId: string;
  kind: InspectionKind;
  status: InspectionStatus;
  scheduledAt: Date;
  reason: string | null;
  jointPartners: string[];
  complaintId: string | null;
  followsInspectionId: string | null;
  plannedBy: string;
  completedAt: Date | null;
  completedBy: string | null;
  outcomeReason: string | null;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  inspectorIds: string[];
}

export interface PlannedDefect {
  id: string;
  propertyId: string;
  inspectionId: string;
  unitId: string | null;
  room: string | null;
  catalogueItemId: string;
  severity: Severity;
  severityReason: string | null;
  description: string;
  status: DefectStatus;
  statusChangedAt: Date;
  createdBy: string;
  version: number;
  createdAt: Date;
}

export interface PlannedCheck {
  inspectionId: string;
  defectId: string;
  result: 'remedied' | 'not_remedied';
  note: string | null;
}

export interface PlannedOccupancy {
  id: string;
  inspectionId: string;
  unitId: string;
  adultsFound: number;
  childrenUnderSixFound: number;
  personsRegistered: number;
  livingAreaM2: number;
  unitKind: 'flat' | 'single_room';
  sharedAncillaryRooms: boolean;
  workerHousing: boolean;
  outcome: OccupancyOutcome;
  ruleSetId: string | null;
  result: OvercrowdingResult;
}

/** How a complaint is meant to find its property; the app's matching then decides (seed-activity). */
export type ComplaintIntent = 'address' | 'nearby' | 'none' | 'manual';

export interface PlannedComplaint {
  id: string;
  source: ComplaintSource;
  legalGround: string;
  text: string;
  reporterContact: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  location: [number, number] | null;
  intent: ComplaintIntent;
  /** The property the complaint is about (for `manual`: the one a person linked). */
  intendedPropertyId: string | null;
  /** A person's verdict, should the complaint be flagged as a possible duplicate. */
  decisionIfFlagged: DuplicateDecision | null;
  receivedAt: Date;
  createdAt: Date;
  recordedBy: string;
}

export interface PlannedPhoto {
  id: string;
  defectId: string;
  uploadedBy: string;
  capturedAt: Date;
  /** Where the camera stood. */
  lon: number;
  lat: number;
  severity: Severity;
}

export interface ActivityPlan {
  inspections: PlannedInspection[];
  defects: PlannedDefect[];
  checks: PlannedCheck[];
  occupancy: PlannedOccupancy[];
  complaints: PlannedComplaint[];
  photos: PlannedPhoto[];
}

export interface ActivityInput {
  seed: string;
  now: Date;
  /** Every property of the database, by id. */
  properties: PropertyFact[];
  /** The units of the properties `problemProperties` chose. */
  units: Map<string, UnitFact[]>;
  problemIds: string[];
  /** Whose day today is: the demo inspector, or whoever stands in. */
  lead: PersonFact;
  /** Other people who go to inspections (at most a few). */
  others: PersonFact[];
  /** Who plans visits and records complaints in the office (an officer where there is one). */
  recorder: PersonFact;
  catalogue: CatalogueFact[];
}

/** Proportions for 2,000 properties (the demo): 150 problem properties, 120 complaints, … */
export function activityCounts(properties: number) {
  const scaled = (per2000: number, min: number) =>
    Math.min(properties, Math.max(min, Math.round((per2000 * properties) / 2000)));
  return {
    problemProperties: scaled(150, 4),
    complaints: scaled(120, 12),
    // Visits to come are one office's diary: they do not grow with the city.
    upcoming: Math.min(60, scaled(20, 2)),
    recentNoAccess: Math.min(12, scaled(4, 1)),
    cancelled: Math.min(24, scaled(8, 2)),
    photos: Math.min(12, Math.max(3, Math.round((12 * properties) / 2000))),
  };
}

/**
 * Which properties become problem properties: multi-unit houses three times as likely. The
 * first one chosen with two or more units is the showcase (every severity and state).
 */
export function chooseProblemProperties(seed: string, properties: PropertyFact[]): string[] {
  const rng = new Random(`${seed}/activity-problems`);
  const wanted = activityCounts(properties.length).problemProperties;
  const weighted = properties.map((property) => ({
    id: property.id,
    units: property.unitCount,
    key: rng.next() / (property.unitCount >= 3 ? 3 : 1),
  }));
  weighted.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1));
  const chosen = weighted.slice(0, wanted);
  const showcase = chosen.findIndex((candidate) => candidate.units >= 2);
  if (showcase > 0) chosen.unshift(...chosen.splice(showcase, 1));
  return chosen.map((candidate) => candidate.id);
}

const SEVERITY_WEIGHTS: ReadonlyArray<readonly [Severity, number]> = [
  ['A', 40],
  ['B', 45],
  ['C', 15],
];
const DEFECT_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [2, 3],
  [3, 4],
  [4, 4],
  [5, 3],
  [6, 2],
  [7, 1],
  [8, 1],
];
const SEVERITY_RANK: Record<Severity, number> = { A: 1, B: 2, C: 3 };
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Plans the demo activity of a seeded city; deterministic for the same input. */
export function planActivity(input: ActivityInput): ActivityPlan {
  return new ActivityPlanner(input).plan();
}

class ActivityPlanner {
  private readonly rng: Random;
  private readonly ids: Random;
  private readonly today: string;
  private readonly byId: Map<string, PropertyFact>;
  private readonly bySeverity: Record<Severity, CatalogueFact[]>;
  private readonly counts: ReturnType<typeof activityCounts>;
  private readonly out: ActivityPlan = {
    inspections: [],
    defects: [],
    checks: [],
    occupancy: [],
    complaints: [],
    photos: [],
  };
  /** Properties with a visit planned, so that none gets two. */
  private readonly plannedAt = new Set<string>();
  /** Problem properties with defects still to check, for re-inspections to come. */
  private readonly toRecheck: string[] = [];

  constructor(private readonly input: ActivityInput) {
    this.rng = new Random(`${input.seed}/activity`);
    this.ids = new Random(`${input.seed}/activity-ids`);
    this.today = berlinDateOf(input.now);
    this.byId = new Map(input.properties.map((property) => [property.id, property]));
    this.bySeverity = { A: [], B: [], C: [] };
    for (const item of input.catalogue) this.bySeverity[item.severity].push(item);
    for (const severity of ['A', 'B', 'C'] as const) {
      if (this.bySeverity[severity].length === 0)
        throw new Error(`the defect catalogue has no entry of severity ${severity}`);
    }
    this.counts = activityCounts(input.properties.length);
  }

  plan(): ActivityPlan {
    this.input.problemIds.forEach((propertyId, index) => this.problemHistory(propertyId, index));
    this.plannedVisits();
    this.recentNoAccess();
    this.cancelled();
    this.moreComplaints();
    this.choosePhotos();
    return this.out;
  }

  // --- problem properties -------------------------------------------------------------------

  private problemHistory(propertyId: string, index: number): void {
    const rng = this.rng;
    const showcase = index === 0;
    const inspector = this.somePerson();
    const daysAgo = showcase ? 90 : rng.int(21, 720);
    const d0 = this.pastWorkingDay(daysAgo);
    const severities: Severity[] = showcase
      ? ['C', 'B', 'B', 'A', 'A']
      : Array.from({ length: rng.weighted(DEFECT_COUNT_WEIGHTS) }, () =>
          rng.weighted(SEVERITY_WEIGHTS),
        );
    const items = this.catalogueItems(severities);
    const worst = items.reduce((a, b) =>
      SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a,
    );

    const kindRoll = rng.next();
    const kind: InspectionKind = showcase
      ? 'complaint'
      : kindRoll < 0.5
        ? 'complaint'
        : kindRoll < 0.62
          ? 'joint'
          : 'initial';
    const scheduledAt = berlinTime(d0, this.visitMinute());
    let complaintId: string | null = null;
    if (kind === 'complaint') {
      const complaint = this.complaint({
        property: this.byId.get(propertyId)!,
        intent: 'address',
        legalGround: worst.legalGround,
        fallbackText: `Meldung: ${worst.titleDe} in der Wohnung.`,
        receivedAt: new Date(
          scheduledAt.getTime() - rng.int(3, 40) * DAY - rng.int(0, 600) * MINUTE,
        ),
      });
      complaintId = complaint.id;
    }

    let follows: string | null = null;
    if (!showcase && rng.chance(0.1)) {
      const before = berlinTime(this.pastWorkingDayBefore(d0, rng.int(7, 14)), this.visitMinute());
      follows = this.inspection({
        propertyId,
        kind,
        status: 'no_access',
        scheduledAt: before,
        inspector,
        complaintId,
        reason: this.reasonFor(kind, complaintId, d0),
        outcomeReason: rng.pick(NO_ACCESS_REASONS),
      }).id;
    }
    const done = this.inspection({
      propertyId,
      kind,
      status: 'done',
      scheduledAt,
      inspector,
      complaintId,
      follows,
      reason: this.reasonFor(kind, complaintId, d0),
      jointPartners: kind === 'joint' ? [...rng.pick(JOINT_PARTNERS)] : [],
      notes: rng.chance(0.6) ? rng.pick(DONE_NOTES) : null,
    });
    const doneAt = done.completedAt!;

    const units = this.input.units.get(propertyId) ?? [];
    const defects = items.map((item) => this.defect(propertyId, done, item, units, showcase));

    // A re-inspection some weeks later checks most of them off: remedied or not.
    const gapDays = severities.includes('C') ? rng.int(10, 30) : rng.int(35, 110);
    const recheckDay = workingDayFrom(addDays(d0, showcase ? 30 : gapDays));
    const rechecked = (showcase || rng.chance(0.6)) && recheckDay <= addDays(this.today, -2);
    let pending = defects;
    if (rechecked) {
      const re = this.inspection({
        propertyId,
        kind: 'reinspection',
        status: 'done',
        scheduledAt: berlinTime(recheckDay, this.visitMinute()),
        inspector: rng.chance(0.7) ? inspector : this.somePerson(),
        reason: `Nachkontrolle der Mängel vom ${germanDate(d0)}`,
      });
      pending = [];
      defects.forEach((defect, i) => {
        const check = showcase ? [true, true, false, true, false][i] : rng.chance(0.85);
        if (!check) {
          pending.push(defect);
          return;
        }
        const remedied = showcase ? i === 0 : rng.chance(defect.severity === 'C' ? 0.7 : 0.5);
        this.out.checks.push({
          inspectionId: re.id,
          defectId: defect.id,
          result: remedied ? 'remedied' : 'not_remedied',
          note: remedied ? null : rng.chance(0.5) ? 'Keine Arbeiten erkennbar.' : null,
        });
        defect.status = remedied ? 'verified' : 'not_remedied';
        defect.statusChangedAt = re.completedAt!;
        defect.version = 2;
      });
    }
    // The landlord reports some of the rest as done; the others stay open.
    pending.forEach((defect, i) => {
      const reported = showcase ? i === 0 : rng.chance(0.3);
      if (!reported) return;
      defect.status = 'reported_done';
      const span = this.input.now.getTime() - doneAt.getTime();
      defect.statusChangedAt = new Date(
        doneAt.getTime() + Math.floor(rng.between(0.2, 0.9) * span),
      );
      defect.version = 2;
    });
    if (defects.some((defect) => defect.status !== 'verified')) this.toRecheck.push(propertyId);

    if (showcase || rng.chance(0.35)) this.countOccupants(done, units, d0, showcase);
  }

  private catalogueItems(severities: Severity[]): CatalogueFact[] {
    const used = new Set<string>();
    return severities.map((severity) => {
      const pool = this.bySeverity[severity];
      let item = this.rng.pick(pool);
      for (let attempt = 0; attempt < 5 && used.has(item.id); attempt++) item = this.rng.pick(pool);
      used.add(item.id);
      return item;
    });
  }

  private defect(
    propertyId: string,
    inspection: PlannedInspection,
    item: CatalogueFact,
    units: UnitFact[],
    showcase: boolean,
  ): PlannedDefect {
    const rng = this.rng;
    const inUnit = units.length > 0 && (showcase || rng.chance(0.75));
    const unit = inUnit ? rng.pick(units) : null;
    const room = unit ? rng.pick(UNIT_ROOMS) : rng.pick(COMMON_ROOMS);
    let severity = item.severity;
    let severityReason: string | null = null;
    if (!showcase && item.severity !== 'C' && rng.chance(0.05)) {
      severity = item.severity === 'A' ? 'B' : 'A';
      severityReason = rng.pick(severity === 'B' ? SEVERITY_UP_REASONS : SEVERITY_DOWN_REASONS);
    }
    const createdAt = inspection.completedAt!;
    const defect: PlannedDefect = {
      id: this.ids.uuid(),
      propertyId,
      inspectionId: inspection.id,
      unitId: unit?.id ?? null,
      room,
      catalogueItemId: item.id,
      severity,
      severityReason,
      description: `${item.titleDe} (${unit ? `${unit.label}, ` : ''}${room}); ${rng.pick(DEFECT_DETAILS)}.`,
      status: 'open',
      statusChangedAt: createdAt,
      createdBy: inspection.completedBy!,
      version: 1,
      createdAt,
    };
    this.out.defects.push(defect);
    return defect;
  }

  /** § 10 counts of some units, judged by the rule set in force that day, as the app does. */
  private countOccupants(
    inspection: PlannedInspection,
    units: UnitFact[],
    day: string,
    showcase: boolean,
  ): void {
    const rng = this.rng;
    const measured = units.filter((unit) => unit.areaM2 !== null && unit.areaM2 > 0);
    const counted = rng.shuffle([...measured]).slice(0, rng.int(1, 3));
    counted.forEach((unit, i) => {
      const area = unit.areaM2!;
      const roll = rng.next();
      const overcrowded = (showcase && i === 0) || roll < 0.15;
      const singleRoom = !overcrowded && roll > 0.9 && area <= 35;
      const worker = singleRoom && rng.chance(0.5);
      const allowed = Math.max(1, Math.floor(area / (singleRoom ? 8 : 10)));
      const persons = overcrowded ? allowed + rng.int(1, 4) : rng.int(1, allowed);
      const children = persons > 2 && rng.chance(0.4) ? rng.int(1, Math.min(3, persons - 1)) : 0;
      const adults = persons - children;
      const registered = Math.max(0, persons - (overcrowded ? rng.int(1, 3) : rng.int(0, 1)));
      const result = evaluateOvercrowding({
        inspectionDate: day,
        adultsFound: adults,
        childrenUnderSixFound: children,
        personsRegistered: registered,
        livingAreaM2: area,
        kind: singleRoom ? 'single_room' : 'flat',
        sharedAncillaryRooms: singleRoom,
        isWorkerHousing: worker,
      });
      // As assessOccupancy (libs/inspections/src/occupancy/occupancy-count.ts) stores it.
      let outcome: OccupancyOutcome;
      let ruleSetId: string | null;
      switch (result.outcome) {
        case 'invalid':
          return;
        case 'no_rule':
          [outcome, ruleSetId] = ['no_rule', null];
          break;
        case 'not_covered':
          [outcome, ruleSetId] = ['not_covered', result.ruleSet.id];
          break;
        case 'evaluated':
          outcome = result.overcrowded ? 'overcrowded' : 'not_overcrowded';
          ruleSetId = result.ruleSet.id;
          break;
      }
      this.out.occupancy.push({
        id: this.ids.uuid(),
        inspectionId: inspection.id,
        unitId: unit.id,
        adultsFound: adults,
        childrenUnderSixFound: children,
        personsRegistered: registered,
        livingAreaM2: area,
        unitKind: singleRoom ? 'single_room' : 'flat',
        sharedAncillaryRooms: singleRoom,
        workerHousing: worker,
        outcome,
        ruleSetId,
        result,
      });
    });
  }

  // --- visits to come ------------------------------------------------------------------------

  private plannedVisits(): void {
    const tomorrow = addDays(this.today, 1);
    const leadToday: InspectionKind[] = [
      'reinspection',
      'complaint',
      'reinspection',
      'initial',
      'reinspection',
      'complaint',
      'joint',
      'reinspection',
    ];
    // Two stops in each borough, so that the day's route crosses the city.
    const showcase = this.input.problemIds[0];
    const showcaseDistrict = this.byId.get(showcase)?.districtId;
    const districts = [...new Set(this.input.properties.map((p) => p.districtId))].sort(
      (a, b) =>
        Number(b === showcaseDistrict) - Number(a === showcaseDistrict) || (a! < b! ? -1 : 1),
    );
    leadToday.forEach((kind, i) => {
      const minute = 480 + i * 50 + this.rng.int(0, 2) * 5;
      const district = districts[i % districts.length] ?? null;
      const propertyId =
        i === 0 && showcase && !this.plannedAt.has(showcase)
          ? showcase
          : this.visitProperty(kind, district);
      if (propertyId) this.planVisit(propertyId, kind, this.today, minute, this.input.lead);
    });
    (['reinspection', 'complaint', 'initial'] as const).forEach((kind, i) => {
      const propertyId = this.visitProperty(kind, null);
      if (propertyId)
        this.planVisit(propertyId, kind, tomorrow, [540, 630, 780][i], this.input.lead);
    });
    for (const person of this.input.others) {
      (['reinspection', 'initial', 'complaint'] as const).forEach((kind, i) => {
        const propertyId = this.visitProperty(kind, null);
        if (propertyId) this.planVisit(propertyId, kind, this.today, [510, 600, 690][i], person);
      });
      (['reinspection', 'joint'] as const).forEach((kind, i) => {
        const propertyId = this.visitProperty(kind, null);
        if (propertyId) this.planVisit(propertyId, kind, tomorrow, [570, 720][i], person);
      });
    }
    for (let i = 0; i < this.counts.upcoming; i++) {
      const propertyId = this.visitProperty('reinspection', null);
      if (!propertyId) break;
      const day = workingDayFrom(addDays(this.today, this.rng.int(2, 21)));
      this.planVisit(propertyId, 'reinspection', day, this.visitMinute(), this.somePerson());
    }
  }

  /** A property for a visit of this kind: re-inspections where defects wait, others anywhere. */
  private visitProperty(kind: InspectionKind, districtId: string | null): string | null {
    const free = (id: string) => !this.plannedAt.has(id);
    const inDistrict = (id: string) =>
      districtId === null || this.byId.get(id)?.districtId === districtId;
    if (kind === 'reinspection') {
      const candidates = this.toRecheck.filter((id) => free(id) && inDistrict(id));
      const fallback = this.toRecheck.filter(free);
      const pool = candidates.length > 0 ? candidates : fallback;
      if (pool.length > 0) return this.rng.pick(pool);
    }
    const problem = new Set(this.input.problemIds);
    for (let attempt = 0; attempt < 200; attempt++) {
      const property = this.rng.pick(this.input.properties);
      if (
        free(property.id) &&
        !problem.has(property.id) &&
        (attempt > 100 || inDistrict(property.id))
      )
        return property.id;
    }
    const any = this.input.properties.find((property) => free(property.id));
    return any?.id ?? null;
  }

  private planVisit(
    propertyId: string,
    kind: InspectionKind,
    day: string,
    minute: number,
    person: PersonFact,
  ): void {
    const rng = this.rng;
    const scheduledAt = berlinTime(day, minute);
    // A re-inspection of a property without defects to check would be an odd visit: an initial one.
    const actualKind =
      kind === 'reinspection' && !this.toRecheck.includes(propertyId) ? 'initial' : kind;
    let complaintId: string | null = null;
    if (actualKind === 'complaint') {
      const ground = rng.weighted(COMPLAINT_GROUNDS);
      complaintId = this.complaint({
        property: this.byId.get(propertyId)!,
        intent: 'address',
        legalGround: ground,
        receivedAt: new Date(
          Math.min(scheduledAt.getTime(), this.input.now.getTime()) -
            rng.int(2, 12) * DAY -
            rng.int(0, 600) * MINUTE,
        ),
      }).id;
    }
    const lastDone = this.out.inspections
      .filter((inspection) => inspection.propertyId === propertyId && inspection.status === 'done')
      .at(-1);
    this.inspection({
      propertyId,
      kind: actualKind,
      status: 'planned',
      scheduledAt,
      inspector: person,
      complaintId,
      reason:
        actualKind === 'reinspection' && lastDone
          ? `Nachkontrolle der Mängel vom ${germanDate(berlinDateOf(lastDone.completedAt!))}`
          : this.reasonFor(actualKind, complaintId, day),
      jointPartners: actualKind === 'joint' ? [...rng.pick(JOINT_PARTNERS)] : [],
    });
  }

  /** Visits without access in the last days, each with its new visit a week later. */
  private recentNoAccess(): void {
    for (let i = 0; i < this.counts.recentNoAccess; i++) {
      const propertyId = this.visitProperty('initial', null);
      if (!propertyId) return;
      const day = this.pastWorkingDay(this.rng.int(1, 6));
      const minute = this.visitMinute();
      const person = this.somePerson();
      const reason = this.rng.pick(INITIAL_REASONS);
      const failed = this.inspection({
        propertyId,
        kind: 'initial',
        status: 'no_access',
        scheduledAt: berlinTime(day, minute),
        inspector: person,
        reason,
        outcomeReason: this.rng.pick(NO_ACCESS_REASONS),
      });
      // As the app plans it: a week later at the same time (never in the past here).
      this.inspection({
        propertyId,
        kind: 'initial',
        status: 'planned',
        scheduledAt: berlinTime(addDays(day, 7), minute),
        inspector: person,
        reason,
        follows: failed.id,
        plannedBy: failed.completedBy!,
        createdAt: failed.completedAt!,
      });
    }
  }

  private cancelled(): void {
    for (let i = 0; i < this.counts.cancelled; i++) {
      const propertyId = this.visitProperty('initial', null);
      if (!propertyId) return;
      const past = i % 2 === 0;
      const day = past
        ? this.pastWorkingDay(this.rng.int(3, 60))
        : workingDayFrom(addDays(this.today, this.rng.int(2, 14)));
      this.inspection({
        propertyId,
        kind: 'initial',
        status: 'cancelled',
        scheduledAt: berlinTime(day, this.visitMinute()),
        inspector: this.somePerson(),
        reason: this.rng.pick(INITIAL_REASONS),
        outcomeReason: this.rng.pick(CANCEL_REASONS),
      });
    }
  }

  // --- complaints ----------------------------------------------------------------------------

  /** Complaints beyond those that led to a visit: matched by address or nearby, unmatched, repeats. */
  private moreComplaints(): void {
    const rng = this.rng;
    const sources = ['tenant', 'neighbour', 'police', 'job_centre', 'anonymous'] as const;
    // The first ones plant every case at least once; the rest follow the weights.
    const planted: Array<'nearby' | 'none' | 'dup' | 'manual' | 'address'> = [
      'nearby',
      'none',
      'dup',
      'dup',
      'dup',
      'manual',
      'nearby',
      'none',
    ];
    const decisions: Array<DuplicateDecision | null> = [null, 'duplicate', 'distinct'];
    const extra = Math.max(planted.length, this.counts.complaints - this.out.complaints.length);
    let duplicates = 0;
    for (let i = 0; i < extra; i++) {
      const type =
        planted[i] ??
        rng.weighted([
          ['address', 40],
          ['nearby', 25],
          ['none', 10],
          ['manual', 5],
          ['dup', 20],
        ] as const);
      const source = i < sources.length ? sources[i] : rng.weighted(COMPLAINT_SOURCE_WEIGHTS);
      const receivedAt = this.pastInstant(rng.chance(0.75) ? rng.int(1, 365) : rng.int(366, 720));
      if (type === 'dup') {
        const earlier = this.out.complaints.filter(
          (c) =>
            c.intent === 'address' && c.receivedAt.getTime() < this.input.now.getTime() - 3 * DAY,
        );
        if (earlier.length > 0) {
          const first = rng.pick(earlier);
          const later = Math.min(
            first.receivedAt.getTime() + rng.int(2, 60) * DAY + rng.int(0, 600) * MINUTE,
            this.input.now.getTime() - 3600_000,
          );
          this.complaint({
            property: this.byId.get(first.intendedPropertyId!)!,
            intent: 'address',
            legalGround: first.legalGround,
            source: i < sources.length ? source : 'neighbour',
            receivedAt: new Date(later),
            decision: decisions[duplicates++ % decisions.length],
          });
          continue;
        }
      }
      const property = rng.pick(this.input.properties);
      this.complaint({
        property,
        intent: type === 'dup' ? 'address' : type,
        legalGround: rng.weighted(COMPLAINT_GROUNDS),
        source,
        receivedAt,
      });
    }
  }

  private complaint(spec: {
    property: PropertyFact;
    intent: ComplaintIntent;
    legalGround: string;
    receivedAt: Date;
    source?: ComplaintSource;
    fallbackText?: string;
    decision?: DuplicateDecision | null;
  }): PlannedComplaint {
    const rng = this.rng;
    const source = spec.source ?? rng.weighted(COMPLAINT_SOURCE_WEIGHTS);
    const texts = COMPLAINT_TEXTS[spec.legalGround];
    const text = `${SOURCE_PREFIX[source] ?? ''}${texts ? rng.pick(texts) : (spec.fallbackText ?? 'Mängel in der Wohnung.')}`;
    const p = spec.property;
    const near = (minM: number, maxM: number): [number, number] => {
      const angle = rng.between(0, 2 * Math.PI);
      const distance = rng.between(minM, maxM);
      const [lon, lat] = offset(
        p.lon,
        p.lat,
        distance * Math.cos(angle),
        distance * Math.sin(angle),
      );
      return [round6(lon), round6(lat)];
    };
    let street = p.street;
    let houseNumber = p.houseNumber;
    let location: [number, number] | null = null;
    switch (spec.intent) {
      case 'address':
        if (rng.chance(0.4)) location = near(2, 15);
        break;
      case 'nearby':
        // A point set on a phone's map, without an address: the app takes the nearest property.
        [street, houseNumber] = [null, null];
        location = near(3, 8);
        break;
      case 'none':
        // An address the register does not know (a number beyond the street's houses).
        houseNumber = String(rng.int(300, 399));
        break;
      case 'manual':
        houseNumber = `${p.houseNumber ?? '1'} Hinterhaus`;
        break;
    }
    if (street === null && location === null) location = near(3, 8);
    const complaint: PlannedComplaint = {
      id: this.ids.uuid(),
      source,
      legalGround: spec.legalGround,
      text,
      reporterContact: this.contact(source),
      street,
      houseNumber: street === null ? null : houseNumber,
      postcode: street === null ? null : p.postcode,
      location,
      intent: spec.intent,
      intendedPropertyId: spec.intent === 'none' ? null : p.id,
      decisionIfFlagged: spec.decision === undefined ? this.someDecision() : spec.decision,
      receivedAt: spec.receivedAt,
      createdAt: new Date(
        Math.min(
          spec.receivedAt.getTime() + rng.int(10, 2 * 24 * 60) * MINUTE,
          this.input.now.getTime() - MINUTE,
        ),
      ),
      recordedBy: this.input.recorder.id,
    };
    this.out.complaints.push(complaint);
    return complaint;
  }

  private someDecision(): DuplicateDecision | null {
    const roll = this.rng.next();
    return roll < 0.4 ? 'duplicate' : roll < 0.6 ? 'distinct' : null;
  }

  private contact(source: ComplaintSource): string | null {
    const rng = this.rng;
    const phone = () =>
      `${rng.pick(['030 23125', '069 90009', '040 66969', '0221 4710', '089 99998'])} ${String(rng.int(0, 999)).padStart(3, '0')}`;
    switch (source) {
      case 'anonymous':
        return null;
      case 'police':
        return `Polizeiwache Herne, Tel. ${phone()}`;
      case 'job_centre':
        return `Jobcenter Herne, Tel. ${phone()}`;
      default: {
        const roll = rng.next();
        if (roll < 0.2) return null;
        if (roll < 0.7) return `Tel. ${phone()}`;
        const slug = (text: string) =>
          text
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[^a-z]/g, '');
        return `${slug(rng.pick(FIRST_NAMES))}.${slug(rng.pick(LAST_NAMES))}${rng.int(1, 99)}@mail.example`;
      }
    }
  }

  // --- photos --------------------------------------------------------------------------------

  /** A few photos of B and C defects: the showcase's first, then recent ones. */
  private choosePhotos(): void {
    const done = new Map(
      this.out.inspections.filter((i) => i.status === 'done').map((i) => [i.id, i]),
    );
    const candidates = this.out.defects.filter((defect) => defect.severity !== 'A');
    const showcase = candidates.filter((d) => d.propertyId === this.input.problemIds[0]);
    const rest = candidates
      .filter((d) => d.propertyId !== this.input.problemIds[0])
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    const chosen = [...showcase.slice(0, 2), ...rest].slice(0, this.counts.photos);
    chosen.forEach((defect, i) => {
      const inspection = done.get(defect.inspectionId)!;
      const property = this.byId.get(defect.propertyId)!;
      const [lon, lat] = offset(
        property.lon,
        property.lat,
        this.rng.between(-6, 6),
        this.rng.between(-6, 6),
      );
      const shots = i === 0 ? 2 : 1;
      for (let shot = 0; shot < shots; shot++) {
        this.out.photos.push({
          id: this.ids.uuid(),
          defectId: defect.id,
          uploadedBy: inspection.completedBy!,
          capturedAt: new Date(
            inspection.completedAt!.getTime() - this.rng.int(5, 30) * MINUTE + shot * MINUTE,
          ),
          lon: round6(lon),
          lat: round6(lat),
          severity: defect.severity,
        });
      }
    });
  }

  // --- helpers -------------------------------------------------------------------------------

  private inspection(spec: {
    propertyId: string;
    kind: InspectionKind;
    status: InspectionStatus;
    scheduledAt: Date;
    inspector: PersonFact;
    complaintId?: string | null;
    follows?: string | null;
    reason?: string | null;
    jointPartners?: string[];
    outcomeReason?: string | null;
    notes?: string | null;
    plannedBy?: string;
    createdAt?: Date;
  }): PlannedInspection {
    const rng = this.rng;
    const now = this.input.now.getTime();
    const plannedBy =
      spec.plannedBy ?? (rng.chance(0.7) ? this.input.recorder.id : spec.inspector.id);
    const createdAt =
      spec.createdAt ??
      new Date(
        Math.min(spec.scheduledAt.getTime(), now) - rng.int(1, 20) * DAY - rng.int(0, 480) * MINUTE,
      );
    let completedAt: Date | null = null;
    let completedBy: string | null = null;
    if (spec.status === 'done' || spec.status === 'no_access') {
      completedAt = new Date(
        spec.scheduledAt.getTime() +
          (spec.status === 'done' ? rng.int(40, 120) : rng.int(10, 20)) * MINUTE,
      );
      completedBy = spec.inspector.id;
    } else if (spec.status === 'cancelled') {
      // Called off a day or two ahead (never after now).
      completedAt = new Date(
        Math.max(
          createdAt.getTime() + MINUTE,
          Math.min(spec.scheduledAt.getTime(), now) - rng.int(1, 48) * 3600_000,
        ),
      );
      completedBy = plannedBy;
    }
    const inspection: PlannedInspection = {
      id: this.ids.uuid(),
      propertyId: spec.propertyId,
      kind: spec.kind,
      status: spec.status,
      scheduledAt: spec.scheduledAt,
      reason: spec.reason ?? null,
      jointPartners: spec.jointPartners ?? [],
      complaintId: spec.complaintId ?? null,
      followsInspectionId: spec.follows ?? null,
      plannedBy,
      completedAt,
      completedBy,
      outcomeReason: spec.outcomeReason ?? null,
      notes: spec.notes ?? null,
      version: spec.status === 'planned' ? 1 : 2,
      createdAt,
      updatedAt: completedAt ?? createdAt,
      inspectorIds: [spec.inspector.id],
    };
    if (spec.status === 'planned') this.plannedAt.add(spec.propertyId);
    this.out.inspections.push(inspection);
    return inspection;
  }

  private reasonFor(kind: InspectionKind, complaintId: string | null, day: string): string {
    const complaint = complaintId
      ? this.out.complaints.find((candidate) => candidate.id === complaintId)
      : undefined;
    switch (kind) {
      case 'complaint':
        return complaint
          ? `Meldung vom ${germanDate(berlinDateOf(complaint.receivedAt))}`
          : `Meldung vor dem ${germanDate(day)}`;
      case 'joint':
        return 'Gemeinsame Begehung nach Hinweisen auf Überbelegung und Gefahren';
      case 'reinspection':
        return 'Nachkontrolle';
      case 'initial':
        return this.rng.pick(INITIAL_REASONS);
    }
  }

  /** The demo inspector half the time, otherwise one of the others. */
  private somePerson(): PersonFact {
    if (this.input.others.length === 0 || this.rng.chance(0.5)) return this.input.lead;
    return this.rng.pick(this.input.others);
  }

  /** Minutes past midnight between 08:00 and 15:00, in 5-minute steps. */
  private visitMinute(): number {
    return 480 + 5 * this.rng.int(0, 84);
  }

  /** A working day `daysAgo` before today (a weekend moved back to the Friday). */
  private pastWorkingDay(daysAgo: number): string {
    return this.pastWorkingDayBefore(this.today, daysAgo);
  }

  private pastWorkingDayBefore(day: string, daysBefore: number): string {
    const date = addDays(day, -daysBefore);
    const weekday = weekdayOf(date);
    return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, -2) : date;
  }

  /** Some time of day, `daysAgo` days ago, between 07:00 and 19:00. */
  private pastInstant(daysAgo: number): Date {
    const day = addDays(this.today, -daysAgo);
    return berlinTime(day, 420 + this.rng.int(0, 720));
  }
}
