import type { INestApplicationContext } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool } from 'pg';
import type { AuthenticatedUser, Role } from '@hausakte/auth';
import {
  CasesService,
  ClosuresService,
  DeliveryDto,
  HearingsService,
  OrderDto,
  OrderEscalationService,
  OrderItemsService,
  OrdersService,
} from '@hausakte/enforcement';
import { berlinDateOf } from '@hausakte/enforcement/rules';
import {
  CompleteInspectionDto,
  InspectionCompletionService,
  InspectionsService,
} from '@hausakte/inspections';
import { LegalCalendar } from '@hausakte/landlords';
import { NotificationsService } from '@hausakte/notifications';
import { RequestContext } from '@hausakte/platform';
import { addDays, berlinTime, germanDate } from './berlin-time';
import {
  CandidateProperty,
  DeliveryKind,
  planEnforcement,
  PlannedScenario,
  Step,
  workingDayOnOrBefore,
} from './enforcement-plan';

export const ENFORCEMENT_TABLES = [
  'cases',
  'hearings',
  'orders',
  'order_items',
  'closures',
  'letters',
  'notifications',
] as const;
export type EnforcementTable = (typeof ENFORCEMENT_TABLES)[number];

/** Cases replayed side by side (each on its own pooled connection while in a transaction). */
const LANES = 4;

export interface EnforcementOptions {
  seed: string;
  now: Date;
  /** The demo officer (cases, hearings, orders) and inspector (re-inspections, inbox). */
  officerEmail: string;
  inspectorEmail: string;
  log: (line: string) => void;
}

export interface EnforcementResult {
  rows: Record<EnforcementTable, number>;
  notes: string[];
}

interface Person {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

/** What the replay knows of one scenario's case so far. */
interface CaseState {
  plan: PlannedScenario;
  caseId: string | null;
  reference: string | null;
  hearingId: string | null;
  order: OrderDto | null;
  closureId: string | null;
  defects: Map<string, DefectText>;
}

interface DefectText {
  title: string;
  where: string | null;
}

/**
 * The demo enforcement (`enforcement-plan.ts`) through the app's own services: CasesService,
 * HearingsService, OrdersService, ClosuresService, InspectionsService for the re-inspections that
 * verify defects, NotificationsService for the inbox. The steps of all scenarios are replayed in
 * the order of their days with the app's `LegalCalendar` set to each step's day, so letters are
 * dated, dates validated and periods computed as they would have been on that day. Only into a
 * database without cases; needs an active officer.
 */
export async function seedEnforcement(
  app: INestApplicationContext,
  pool: Pool,
  options: EnforcementOptions,
): Promise<EnforcementResult> {
  const rows = Object.fromEntries(ENFORCEMENT_TABLES.map((table) => [table, 0])) as Record<
    EnforcementTable,
    number
  >;
  const notes: string[] = [];
  const existing = await pool.query<{ n: string }>('SELECT count(*) AS n FROM cases');
  if (Number(existing.rows[0].n) > 0) {
    notes.push('enforcement: the database has cases already; none added');
    return { rows, notes };
  }
  const people = (
    await pool.query<Person>(
      `SELECT id, email, display_name AS "displayName", role FROM users
        WHERE active AND role IN ('inspector', 'officer') ORDER BY email`,
    )
  ).rows;
  const officer =
    people.find((p) => p.email === options.officerEmail && p.role === 'officer') ??
    people.find((p) => p.role === 'officer');
  if (!officer) {
    notes.push('enforcement: no active officer to run cases, so no cases, hearings or orders');
    return { rows, notes };
  }
  const inspector =
    people.find((p) => p.email === options.inspectorEmail) ??
    people.find((p) => p.role === 'inspector') ??
    officer;

  // Never after the real day: the services refuse days in the future.
  const today = [berlinDateOf(options.now), berlinDateOf(new Date())].sort()[0];
  const candidates = await readCandidates(pool);
  const { planned, missing } = planEnforcement({ seed: options.seed, today, candidates });
  if (missing.length > 0) {
    notes.push(
      `enforcement: no fitting property (open defects, landlords in charge long enough) for ${missing.join(', ')}`,
    );
  }
  const texts = await readDefectTexts(
    pool,
    planned.flatMap((p) => p.defectIds),
  );

  const context = app.get(RequestContext);
  const calendar = app.get(LegalCalendar);
  const driver = new Driver(app, pool, actorOf(officer), actorOf(inspector), today);
  const states = planned.map<CaseState>((plan) => ({
    plan,
    caseId: null,
    reference: null,
    hearingId: null,
    order: null,
    closureId: null,
    defects: texts,
  }));
  // The app's clock for legal days (the provider tests override) shows each step's day: a
  // store per async context, so that cases can be replayed side by side.
  const storyDay = new AsyncLocalStorage<string>();
  Object.defineProperty(calendar, 'today', {
    value: () => storyDay.getStore() ?? today,
    configurable: true,
  });
  const replay = async (state: CaseState, index: number): Promise<void> => {
    const step = state.plan.scenario.steps[index];
    const day = state.plan.days[index];
    const actor = step.do === 'verify' ? driver.inspector : driver.officer;
    try {
      await storyDay.run(day, () => context.run(actor.id, () => driver.run(state, step, day)));
    } catch (error) {
      throw new Error(
        `seed enforcement: scenario ${state.plan.scenario.key}, step ${index + 1} ` +
          `(${step.do} on ${day}): ${describe(error)}`,
      );
    }
  };
  if (states.some((state) => state.plan.scenario.steps[0].do !== 'open-case')) {
    throw new Error('seed enforcement: every scenario starts by opening its case');
  }
  try {
    // The cases are opened one by one in the order of their days, so their references (numbered
    // per year as they are opened) follow the story; the rest of each case's story runs side by
    // side with the others', a few at a time, each step after the one before.
    const opened = states
      .map((state) => ({ state, day: state.plan.days[0] }))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    for (const { state } of opened) await replay(state, 0);
    let next = 0;
    let stop = false;
    const lane = async (): Promise<void> => {
      while (next < states.length && !stop) {
        const state = states[next++];
        try {
          for (let k = 1; k < state.plan.scenario.steps.length; k++) await replay(state, k);
        } catch (error) {
          stop = true;
          throw error;
        }
      }
    };
    // Settled, not raced: on a failure the other lanes end before the app is closed.
    const lanes = await Promise.allSettled(Array.from({ length: LANES }, lane));
    const failed = lanes.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    delete (calendar as unknown as Record<string, unknown>).today;
  }

  for (const table of ENFORCEMENT_TABLES) {
    rows[table] = Number(
      (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n,
    );
  }
  notes.push(...(await describeStates(pool, today)));
  return { rows, notes };
}

function actorOf(person: Person): AuthenticatedUser {
  return {
    id: person.id,
    email: person.email,
    displayName: person.displayName,
    role: person.role,
    sessionId: 'seed',
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const extra = Object.fromEntries(
    Object.entries(error).filter(([key]) => !['stack', 'message', 'name'].includes(key)),
  );
  return `${error.message}${Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : ''}`;
}

/**
 * Properties that can carry a scenario: open defects not in a case whose catalogue entries have
 * no period of their own (so the severity's default applies, as the plan's offsets assume), and
 * owners or managers in charge today, all with a postal address (the letters need one), and since
 * when that has been so.
 */
async function readCandidates(pool: Pool): Promise<CandidateProperty[]> {
  const { rows } = await pool.query<{
    property_id: string;
    id: string;
    severity: 'A' | 'B' | 'C';
    found_on: string;
    stable_since: string;
  }>(
    `WITH charge AS (
       SELECT o.property_id,
              max(o.valid_from) FILTER (WHERE o.valid_to IS NULL) AS current_from,
              max(o.valid_to) FILTER (WHERE o.valid_to IS NOT NULL) AS last_end,
              count(*) FILTER (WHERE o.valid_to IS NULL) AS current,
              bool_and(l.postal_street IS NOT NULL) FILTER (WHERE o.valid_to IS NULL) AS addressed
         FROM ownerships o JOIN landlords l ON l.id = o.landlord_id
        WHERE o.role IN ('owner', 'joint_owner', 'manager')
        GROUP BY o.property_id)
     SELECT d.property_id, d.id, d.severity,
            to_char(d.created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') AS found_on,
            to_char(greatest(c.current_from, c.last_end + 1), 'YYYY-MM-DD') AS stable_since
       FROM defects d
       JOIN catalogue_items ci ON ci.id = d.catalogue_item_id AND ci.period_unit IS NULL
       JOIN charge c ON c.property_id = d.property_id AND c.current > 0 AND c.addressed
      WHERE d.status <> 'verified'
        AND NOT EXISTS (SELECT 1 FROM case_defects cd WHERE cd.defect_id = d.id)
      ORDER BY d.property_id, d.created_at, d.id`,
  );
  const byProperty = new Map<string, CandidateProperty>();
  for (const row of rows) {
    let candidate = byProperty.get(row.property_id);
    if (!candidate) {
      candidate = { id: row.property_id, defects: [], stableSince: row.stable_since, unitIds: [] };
      byProperty.set(row.property_id, candidate);
    }
    candidate.defects.push({ id: row.id, severity: row.severity, foundOn: row.found_on });
  }
  const units = await pool.query<{ id: string; property_id: string }>(
    `SELECT id, property_id FROM units WHERE property_id = ANY($1::uuid[])
      ORDER BY property_id, floor NULLS LAST, label, id`,
    [[...byProperty.keys()]],
  );
  for (const unit of units.rows) byProperty.get(unit.property_id)!.unitIds.push(unit.id);
  return [...byProperty.values()];
}

async function readDefectTexts(pool: Pool, ids: string[]): Promise<Map<string, DefectText>> {
  const { rows } = await pool.query<{
    id: string;
    title: string;
    room: string | null;
    unit: string | null;
  }>(
    `SELECT d.id, ci.title_de AS title, d.room, u.label AS unit
       FROM defects d JOIN catalogue_items ci ON ci.id = d.catalogue_item_id
       LEFT JOIN units u ON u.id = d.unit_id
      WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        title: row.title,
        where: [row.unit, row.room].filter((part) => part).join(', ') || null,
      },
    ]),
  );
}

/** Counts per state, in words, for the seeder's report. */
async function describeStates(pool: Pool, today: string): Promise<string[]> {
  const tally = async (sql: string) =>
    (await pool.query<{ status: string; n: string }>(sql)).rows
      .map((row) => `${row.status} ${row.n}`)
      .join(', ');
  const group = (table: string) =>
    tally(`SELECT status, count(*) AS n FROM ${table} GROUP BY status ORDER BY status`);
  const deadlines = await pool.query<{ past: string; near: string; far: string }>(
    `SELECT count(*) FILTER (WHERE due_on < $1::date) AS past,
            count(*) FILTER (WHERE due_on BETWEEN $1::date AND $1::date + 7) AS near,
            count(*) FILTER (WHERE due_on > $1::date + 7) AS far
       FROM order_items i JOIN orders o ON o.id = i.order_id
      WHERE o.status IN ('served', 'challenged') AND i.status IN ('open', 'not_complied', 'escalated')`,
    [today],
  );
  const d = deadlines.rows[0];
  return [
    `enforcement: cases ${await group('cases')}; hearings ${await group('hearings')}`,
    `enforcement: orders ${await group('orders')}; immediately enforceable ${
      (
        await pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM orders WHERE immediately_enforceable',
        )
      ).rows[0].n
    }, hearing skipped ${
      (
        await pool.query<{ n: string }>(
          'SELECT count(*) AS n FROM orders WHERE hearing_skipped_reason IS NOT NULL',
        )
      ).rows[0].n
    }`,
    `enforcement: order items ${await group('order_items')}; pending items of live orders due past ${d.past}, within a week ${d.near}, later ${d.far}`,
    `enforcement: closures ${await group('closures')}; letters ${
      (await pool.query<{ n: string }>('SELECT count(*) AS n FROM letters')).rows[0].n
    }; notifications ${await tally(
      `SELECT u.email AS status, count(*) AS n FROM notifications n JOIN users u ON u.id = n.recipient_id
        GROUP BY u.email ORDER BY u.email`,
    )}`,
  ];
}

/** One step of a scenario through the services. */
class Driver {
  private readonly cases: CasesService;
  private readonly hearings: HearingsService;
  private readonly orders: OrdersService;
  private readonly orderItems: OrderItemsService;
  private readonly escalation: OrderEscalationService;
  private readonly closures: ClosuresService;
  private readonly inspections: InspectionsService;
  private readonly completion: InspectionCompletionService;
  private readonly notifications: NotificationsService;

  constructor(
    app: INestApplicationContext,
    private readonly pool: Pool,
    readonly officer: AuthenticatedUser,
    readonly inspector: AuthenticatedUser,
    private readonly today: string,
  ) {
    this.cases = app.get(CasesService);
    this.hearings = app.get(HearingsService);
    this.orders = app.get(OrdersService);
    this.orderItems = app.get(OrderItemsService);
    this.escalation = app.get(OrderEscalationService);
    this.closures = app.get(ClosuresService);
    this.inspections = app.get(InspectionsService);
    this.completion = app.get(InspectionCompletionService);
    this.notifications = app.get(NotificationsService);
  }

  async run(state: CaseState, step: Step, day: string): Promise<void> {
    const { plan } = state;
    switch (step.do) {
      case 'open-case': {
        const opened = await this.cases.open(
          { propertyId: plan.propertyId, defectIds: plan.defectIds, notes: step.notes ?? null },
          this.officer,
        );
        state.caseId = opened.id;
        state.reference = opened.reference;
        return;
      }
      case 'hearing': {
        const hearing = await this.hearings.create(
          state.caseId!,
          { defectIds: plan.defectIds, replyDays: step.replyDays },
          this.officer,
        );
        state.hearingId = hearing.id;
        // Direct SQL, as narrow as it gets: HearingsService stamps created_at with the real clock
        // and refuses a delivery before the day the hearing was drafted, so a hearing of the past
        // is dated back to the day of its step before it is sent.
        await this.pool.query('UPDATE hearings SET created_at = $2 WHERE id = $1', [
          hearing.id,
          berlinTime(day, 9 * 60),
        ]);
        return;
      }
      case 'send-hearing':
        await this.hearings.send(
          state.hearingId!,
          { delivery: delivery(step.delivery, day, day) },
          this.officer,
        );
        return;
      case 'close-hearing':
        await this.hearings.close(state.hearingId!, { note: step.note });
        return;
      case 'order': {
        state.order = await this.orders.create(
          state.caseId!,
          {
            kind: step.kind,
            hearingId: step.hearingSkippedReason ? null : state.hearingId,
            hearingSkippedReason: step.hearingSkippedReason ?? null,
            immediatelyEnforceable: step.immediateEnforcementReasoning !== undefined,
            immediateEnforcementReasoning: step.immediateEnforcementReasoning ?? null,
            items: step.items.map((indexes) => {
              const ids = indexes.map((i) => plan.defectIds[i]);
              return {
                requirement: requirementOf(
                  step.kind,
                  ids.map((id) => state.defects.get(id)!),
                ),
                defectIds: ids,
                threatenedFineCents: step.fineCents ?? null,
              };
            }),
          },
          this.officer,
        );
        return;
      }
      case 'issue': {
        const issued = await this.orders.issue(state.order!.id, this.officer);
        // Direct SQL, as narrow as it gets: OrdersService stamps issued_at with the real clock and
        // refuses a service recorded before the day of issue, so an order of the past is dated
        // back to the day of its step before its service is recorded.
        await this.pool.query('UPDATE orders SET issued_at = $2 WHERE id = $1', [
          issued.id,
          berlinTime(day, 10 * 60),
        ]);
        state.order = await this.orders.get(issued.id);
        return;
      }
      case 'serve': {
        const issuedOn = berlinDateOf(new Date(state.order!.issuedAt!));
        state.order = await this.orders.recordService(state.order!.id, {
          delivery: delivery(step.delivery, day, issuedOn),
        });
        return;
      }
      case 'suit':
        state.order = await this.orders.recordSuit(state.order!.id, { filedOn: day });
        return;
      case 'suit-decision':
        state.order = await this.orders.decideSuit(state.order!.id, {
          outcome: step.outcome,
          decidedOn: day,
        });
        return;
      case 'withdraw-order':
        state.order = await this.orders.withdraw(state.order!.id, { reason: step.reason });
        return;
      case 'verify':
        await this.verify(state, step.items, day);
        return;
      case 'item':
        state.order = await this.orderItems.changeItemStatus(
          state.order!.id,
          itemOf(state.order!, step.item).id,
          { status: step.status, reason: step.reason ?? null },
        );
        return;
      case 'escalate': {
        const item = itemOf(state.order!, step.item);
        const threat = item.threats.find((t) => t.usedByFixingId === null && t.servedOn !== null);
        if (!threat) throw new Error(`item ${step.item} has no served threat left`);
        state.order = await this.escalation.escalate(
          state.order!.id,
          item.id,
          { threatId: threat.id, amountCents: step.amountCents, note: step.note },
          this.officer,
        );
        return;
      }
      case 'closure': {
        const created = await this.closures.create(
          state.caseId!,
          {
            orderId: state.order!.id,
            declaredOn: day,
            unitIds: plan.unitIds,
            immediateDanger: step.immediateDanger,
            replacementHousingOfferedOn: step.replacementHousingBy ? day : null,
            replacementHousingBy: step.replacementHousingBy ?? null,
            moveOutBy:
              step.moveOutBy === undefined
                ? null
                : workingDayOnOrBefore(addDays(this.today, step.moveOutBy)),
            occupantsNotifiedOn: step.householdsNotified === undefined ? null : day,
            householdsNotified: step.householdsNotified ?? null,
          },
          this.officer,
        );
        state.closureId = created.id;
        return;
      }
      case 'closure-step':
        await this.closures.transition(
          state.closureId!,
          { to: step.to, on: day, reason: step.reason },
          this.officer,
        );
        return;
      case 'close-case':
        await this.cases.close(state.caseId!, step.reason);
        return;
      case 'notify':
        await this.notify(state, step, day);
        return;
    }
  }

  /**
   * A re-inspection by the demo inspector on `day` that finds the defects of these items
   * remedied: planned and completed through the inspection services, as in the field.
   */
  private async verify(state: CaseState, items: number[], day: string): Promise<void> {
    const defectIds = items.flatMap((n) => itemOf(state.order!, n).defectIds);
    const planned = await this.inspections.plan(
      {
        propertyId: state.plan.propertyId,
        kind: 'reinspection',
        scheduledAt: berlinTime(day, 9 * 60).toISOString(),
        inspectorIds: [this.inspector.id],
        reason: `Nachkontrolle zur Anordnung im Vorgang ${state.reference}`,
      },
      this.officer,
    );
    // Direct SQL, as narrow as it gets: InspectionsService stamps created_at with the real clock
    // and the completion refuses a visit that ended before the inspection was planned, so the
    // re-inspection of the past is dated back to the morning of its day.
    await this.pool.query('UPDATE inspections SET created_at = $2 WHERE id = $1', [
      planned.id,
      berlinTime(day, 8 * 60),
    ]);
    const input: CompleteInspectionDto = {
      outcome: 'done',
      completedAt: berlinTime(day, 10 * 60).toISOString(),
      notes: 'Nachkontrolle: die angeordneten Arbeiten sind ausgeführt.',
      findings: [],
      occupancy: [],
      checks: defectIds.map((defectId) => ({ defectId, result: 'remedied', note: null })),
    };
    await this.completion.complete(planned.id, input, this.inspector);
  }

  private async notify(
    state: CaseState,
    step: Extract<Step, { do: 'notify' }>,
    day: string,
  ): Promise<void> {
    const recipient = step.to === 'inspector' ? this.inspector : this.officer;
    const order = state.order ? await this.orders.get(state.order.id) : null;
    const item = order?.items.find((candidate) => candidate.status === 'open' && candidate.dueOn);
    const hearing = state.hearingId ? await this.hearings.get(state.hearingId) : null;
    const due = step.about === 'hearing' ? hearing?.replyDueOn : item?.dueOn;
    const fill = (text: string) =>
      text
        .replaceAll('{ref}', state.reference!)
        .replaceAll('{due}', due ? germanDate(due) : 'unbekannt');
    const entity =
      step.about === 'hearing' && hearing
        ? { type: 'hearing', id: hearing.id }
        : step.about === 'item' && item
          ? { type: 'order_item', id: item.id }
          : { type: 'case', id: state.caseId! };
    const sent = await this.notifications.notify({
      // The seeder's own keys: never those of the deadline jobs.
      dedupKey: `demo-seed-${state.reference}-${step.kind}-${day}`,
      recipientId: recipient.id,
      kind: step.kind,
      subject: fill(step.subject),
      body: fill(step.body),
      link: `/vorgaenge/${state.caseId}`,
      entity,
    });
    if (step.read) await this.notifications.markRead(recipient.id, sent.id);
  }
}

function itemOf(order: OrderDto, number: number) {
  const item = order.items.find((candidate) => candidate.number === number);
  if (!item) throw new Error(`the order has no item ${number}`);
  return item;
}

/** The delivery as the officer records it on `day` (registered mail: posted two days before). */
function delivery(kind: DeliveryKind, day: string, notBefore: string): DeliveryDto {
  switch (kind) {
    case 'post':
      return { method: 'ordinary_post', postedOn: day };
    case 'certificate':
      return { method: 'postal_service_certificate', certificateOn: day };
    case 'personal':
      return { method: 'personal_delivery', handedOverOn: day };
    case 'return_receipt': {
      const posted = workingDayOnOrBefore(addDays(day, -2));
      return {
        method: 'registered_return_receipt',
        postedOn: posted < notBefore ? notBefore : posted,
        returnReceiptOn: day,
      };
    }
  }
}

function requirementOf(kind: string, defects: DefectText[]): string {
  const named = defects.map((d) => `„${d.title}“${d.where ? ` (${d.where})` : ''}`).join(' und ');
  switch (kind) {
    case 'uninhabitability':
      return (
        `Die Wohnräume sind wegen ${named} unbewohnbar (§ 9 WohnStG). Sie dürfen nicht ` +
        'überlassen oder benutzt werden, bis die Mängel beseitigt und abgenommen sind.'
      );
    default:
      return `Beseitigen Sie ${defects.length > 1 ? 'die Mängel' : 'den Mangel'} ${named} fachgerecht.`;
  }
}
