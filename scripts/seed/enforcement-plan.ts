/**
 * The demo enforcement as a script of dated steps: which cases the seeder opens, and what
 * happens to each on which day (relative to "today"). Pure: `seed-enforcement.ts` picks a
 * property for every scenario and replays the steps through the app's services in the order of
 * their days, so every rule (dates of notification and service, due dates, challenge periods,
 * transitions) is the app's. The offsets are chosen with the default periods of the catalogue
 * entries without a period of their own (C 24 hours, B 30 days, A 90 days) in mind, so that the
 * deadlines fall in the past, within the week and far ahead.
 */
import { isWorkingDay } from '@hausakte/enforcement/rules';
import { addDays } from './berlin-time';
import { Random } from './random';

/** What a scenario needs of a defect: its severity (any of the letters). */
export type DefectNeed = 'A' | 'B' | 'C' | 'AB' | 'BC' | 'ABC';

export type DeliveryKind =
  | 'post'
  | 'certificate'
  | 'personal'
  /** Registered mail with return receipt: posted two days before the receipt's date. */
  | 'return_receipt';

export type OrderKindName = 'repair' | 'uninhabitability' | 'occupancy' | 'cooperation';

export type Step =
  | { on: number; do: 'open-case'; notes?: string }
  | { on: number; do: 'hearing'; replyDays: number }
  | { on: number; do: 'send-hearing'; delivery: DeliveryKind }
  | { on: number; do: 'close-hearing'; note: string }
  | {
      on: number;
      do: 'order';
      kind: OrderKindName;
      /** Each item: indexes into the scenario's defects. */
      items: number[][];
      /** Without: the order follows the scenario's hearing. */
      hearingSkippedReason?: string;
      immediateEnforcementReasoning?: string;
      /** Coercive fine threatened in every item (cents); needs formal service. */
      fineCents?: number;
    }
  | { on: number; do: 'issue' }
  | { on: number; do: 'serve'; delivery: DeliveryKind }
  | { on: number; do: 'suit' }
  | { on: number; do: 'suit-decision'; outcome: 'dismissed' | 'set_aside' }
  | { on: number; do: 'withdraw-order'; reason: string }
  /** A re-inspection that finds the defects of these items remedied. */
  | { on: number; do: 'verify'; items: number[] }
  | {
      on: number;
      do: 'item';
      item: number;
      status: 'complied' | 'not_complied' | 'closed' | 'withdrawn';
      reason?: string;
    }
  | { on: number; do: 'escalate'; item: number; amountCents: number; note: string }
  | {
      on: number;
      do: 'closure';
      /** How many of the property's units are closed; 0: the whole building. */
      units: number;
      immediateDanger: boolean;
      /** Offered on the day of the declaration (the service refuses later days as future). */
      replacementHousingBy?: 'landlord' | 'city';
      /** Offset, like `on`; may lie ahead. */
      moveOutBy?: number;
      /** Occupant households notified on the day of the declaration. */
      householdsNotified?: number;
    }
  | { on: number; do: 'closure-step'; to: 'vacated' | 'sealed' | 'released'; reason?: string }
  | { on: number; do: 'close-case'; reason: string }
  | {
      on: number;
      do: 'notify';
      /** The demo officer, or the demo inspector (else the officer). */
      to: 'officer' | 'inspector';
      /** What it is about: the case (default), its hearing, or the first open item of its order. */
      about?: 'case' | 'hearing' | 'item';
      kind: string;
      /** Placeholders: {ref} the case's reference, {due} the due date of item 1 (or the reply date). */
      subject: string;
      body: string;
      read?: boolean;
    };

export interface Scenario {
  key: string;
  /** What the demo shows with it, in words. */
  shows: string;
  defects: DefectNeed[];
  steps: Step[];
}

/** § 28 Abs. 2 Nr. 1 VwVfG NRW: the reason a hearing is skipped, as the officer records it. */
export const DANGER_SKIP_REASON =
  'Gefahr im Verzug (§ 28 Abs. 2 Nr. 1 VwVfG NRW): Bei der Begehung bestand Gasgeruch im ' +
  'Treppenhaus und in der Wohnung; eine vorherige Anhörung hätte die Beseitigung der Gefahr für ' +
  'Leib und Leben der Bewohnerinnen und Bewohner verzögert.';

const IMMEDIATE_REASONING =
  'Die sofortige Vollziehung liegt im überwiegenden öffentlichen Interesse (§ 80 Abs. 2 Satz 1 ' +
  'Nr. 4 VwGO): Bis zur Entscheidung über eine Klage wären Gesundheit und Leben der ' +
  'Bewohnerinnen und Bewohner unmittelbar gefährdet.';

/**
 * The scenarios, oldest story first. Every order and item state, every hearing and closure state,
 * a skipped hearing, immediately enforceable orders, deadlines past, within the week and far.
 */
export const ENFORCEMENT_SCENARIOS: readonly Scenario[] = [
  {
    key: 'closed-case',
    shows: 'order served, both items complied and closed, order closed, case closed',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -262, do: 'open-case' },
      { on: -255, do: 'hearing', replyDays: 14 },
      { on: -254, do: 'send-hearing', delivery: 'post' },
      { on: -225, do: 'order', kind: 'repair', items: [[0], [1]] },
      { on: -222, do: 'issue' },
      { on: -220, do: 'serve', delivery: 'certificate' },
      { on: -150, do: 'verify', items: [1, 2] },
      { on: -148, do: 'item', item: 1, status: 'complied' },
      { on: -148, do: 'item', item: 2, status: 'complied' },
      { on: -147, do: 'item', item: 1, status: 'closed' },
      { on: -147, do: 'item', item: 2, status: 'closed' },
      {
        on: -140,
        do: 'close-case',
        reason: 'Alle Mängel sind beseitigt (Nachkontrolle); die Anordnung ist erledigt.',
      },
    ],
  },
  {
    key: 'annulled',
    shows: 'order served, sued, set aside by the court (annulled)',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -205, do: 'open-case' },
      { on: -195, do: 'hearing', replyDays: 14 },
      { on: -194, do: 'send-hearing', delivery: 'post' },
      { on: -165, do: 'order', kind: 'repair', items: [[0, 1]] },
      { on: -162, do: 'issue' },
      { on: -160, do: 'serve', delivery: 'certificate' },
      { on: -145, do: 'suit' },
      { on: -12, do: 'suit-decision', outcome: 'set_aside' },
    ],
  },
  {
    key: 'overdue-escalated',
    shows:
      'final order with a coercive fine threatened: item 1 not complied, item 2 escalated (fine fixed), item 3 overdue',
    defects: ['BC', 'BC', 'BC'],
    steps: [
      { on: -155, do: 'open-case' },
      { on: -145, do: 'hearing', replyDays: 14 },
      { on: -144, do: 'send-hearing', delivery: 'post' },
      { on: -120, do: 'order', kind: 'repair', items: [[0], [1], [2]], fineCents: 50_000 },
      { on: -117, do: 'issue' },
      { on: -112, do: 'serve', delivery: 'return_receipt' },
      { on: -60, do: 'item', item: 1, status: 'not_complied' },
      { on: -60, do: 'item', item: 2, status: 'not_complied' },
      {
        on: -50,
        do: 'escalate',
        item: 2,
        amountCents: 50_000,
        note: 'Zwangsgeld festgesetzt: Nachkontrolle ohne Mängelbeseitigung.',
      },
      {
        on: -1,
        do: 'notify',
        to: 'officer',
        kind: 'deadline-passed',
        subject: 'Frist abgelaufen: Anordnung {ref}',
        body: 'Die Frist der Anordnung im Vorgang {ref} ist abgelaufen, ohne dass die Beseitigung nachgewiesen wurde. Nächster Schritt: Nachkontrolle, dann Festsetzung des angedrohten Zwangsgelds.',
      },
    ],
  },
  {
    key: 'withdrawn',
    shows: 'order served, then withdrawn with a reason',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -105, do: 'open-case' },
      { on: -98, do: 'hearing', replyDays: 14 },
      { on: -97, do: 'send-hearing', delivery: 'post' },
      { on: -72, do: 'order', kind: 'repair', items: [[0], [1]] },
      { on: -70, do: 'issue' },
      { on: -68, do: 'serve', delivery: 'post' },
      {
        on: -30,
        do: 'withdraw-order',
        reason:
          'Die Anordnung nannte die Hausverwaltung nicht als Adressatin; sie wird aufgehoben und neu erlassen.',
      },
    ],
  },
  {
    key: 'closure-released',
    shows: 'declaration of uninhabitability, closure vacated, sealed and released after repair',
    defects: ['BC', 'BC'],
    steps: [
      { on: -160, do: 'open-case' },
      { on: -150, do: 'hearing', replyDays: 14 },
      { on: -149, do: 'send-hearing', delivery: 'certificate' },
      { on: -125, do: 'order', kind: 'uninhabitability', items: [[0, 1]] },
      { on: -122, do: 'issue' },
      { on: -120, do: 'serve', delivery: 'certificate' },
      {
        on: -115,
        do: 'closure',
        units: 0,
        immediateDanger: false,
        replacementHousingBy: 'landlord',
        moveOutBy: -60,
        householdsNotified: 4,
      },
      { on: -50, do: 'closure-step', to: 'vacated' },
      { on: -48, do: 'closure-step', to: 'sealed' },
      { on: -12, do: 'verify', items: [1] },
      { on: -11, do: 'item', item: 1, status: 'complied' },
      { on: -11, do: 'item', item: 1, status: 'closed' },
      {
        on: -8,
        do: 'closure-step',
        to: 'released',
        reason: 'Instandsetzung abgeschlossen; die Nachkontrolle fand keine Mängel mehr.',
      },
    ],
  },
  {
    key: 'closure-sealed',
    shows: 'closure of two units, vacated and sealed; the re-letting check planned',
    defects: ['BC', 'BC'],
    steps: [
      { on: -110, do: 'open-case' },
      { on: -104, do: 'hearing', replyDays: 14 },
      { on: -103, do: 'send-hearing', delivery: 'certificate' },
      { on: -80, do: 'order', kind: 'uninhabitability', items: [[0, 1]] },
      { on: -78, do: 'issue' },
      { on: -76, do: 'serve', delivery: 'certificate' },
      {
        on: -70,
        do: 'closure',
        units: 2,
        immediateDanger: false,
        replacementHousingBy: 'city',
        moveOutBy: -52,
        householdsNotified: 2,
      },
      { on: -50, do: 'closure-step', to: 'vacated' },
      { on: -47, do: 'closure-step', to: 'sealed' },
    ],
  },
  {
    key: 'closure-vacated',
    shows: 'closure of one unit, vacated; the re-letting check planned',
    defects: ['BC'],
    steps: [
      { on: -95, do: 'open-case' },
      { on: -88, do: 'hearing', replyDays: 14 },
      { on: -87, do: 'send-hearing', delivery: 'certificate' },
      { on: -62, do: 'order', kind: 'uninhabitability', items: [[0]] },
      { on: -60, do: 'issue' },
      { on: -58, do: 'serve', delivery: 'certificate' },
      {
        on: -55,
        do: 'closure',
        units: 1,
        immediateDanger: false,
        replacementHousingBy: 'landlord',
        moveOutBy: -32,
        householdsNotified: 1,
      },
      { on: -30, do: 'closure-step', to: 'vacated' },
      {
        on: -30,
        do: 'notify',
        to: 'inspector',
        kind: 'closure-recheck-planned',
        subject: 'Nachkontrolle Wiedervermietungsverbot: Vorgang {ref}',
        body: 'Die Wohnung ist geräumt. Die Kontrolle des Wiedervermietungsverbots (§ 9 WohnStG) ist geplant.',
        read: true,
      },
    ],
  },
  {
    key: 'challenged',
    shows: 'order served, sued within the month: challenged, its deadlines suspended',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -62, do: 'open-case' },
      { on: -56, do: 'hearing', replyDays: 14 },
      { on: -55, do: 'send-hearing', delivery: 'post' },
      { on: -31, do: 'order', kind: 'repair', items: [[0], [1]] },
      { on: -29, do: 'issue' },
      { on: -27, do: 'serve', delivery: 'post' },
      { on: -9, do: 'suit' },
      {
        on: -8,
        do: 'notify',
        to: 'officer',
        kind: 'suit-filed',
        subject: 'Klage erhoben: Anordnung im Vorgang {ref}',
        body: 'Gegen die Anordnung im Vorgang {ref} ist Klage beim VG Gelsenkirchen erhoben. Die Anordnung ist nicht sofort vollziehbar: ihre Fristen ruhen bis zur Entscheidung.',
      },
    ],
  },
  {
    key: 'closure-declared',
    shows:
      'declaration of uninhabitability, immediately enforceable; closure declared, move-out date ahead',
    defects: ['B'],
    steps: [
      { on: -42, do: 'open-case' },
      { on: -40, do: 'hearing', replyDays: 7 },
      { on: -40, do: 'send-hearing', delivery: 'personal' },
      {
        on: -27,
        do: 'order',
        kind: 'uninhabitability',
        items: [[0]],
        immediateEnforcementReasoning: IMMEDIATE_REASONING,
      },
      { on: -25, do: 'issue' },
      { on: -23, do: 'serve', delivery: 'certificate' },
      {
        on: -20,
        do: 'closure',
        units: 0,
        immediateDanger: false,
        replacementHousingBy: 'city',
        moveOutBy: 12,
        householdsNotified: 3,
      },
    ],
  },
  {
    key: 'served-near',
    shows:
      'order served: item 1 open, due within the week; item 2 complied after a re-inspection; item 3 withdrawn',
    defects: ['B', 'ABC', 'ABC'],
    steps: [
      { on: -90, do: 'open-case' },
      { on: -82, do: 'hearing', replyDays: 21 },
      { on: -81, do: 'send-hearing', delivery: 'certificate' },
      {
        on: -55,
        do: 'close-hearing',
        note: 'Die Hausverwaltung hat Stellung genommen und Abhilfe zugesagt.',
      },
      { on: -35, do: 'order', kind: 'repair', items: [[0], [1], [2]] },
      { on: -31, do: 'issue' },
      { on: -24, do: 'serve', delivery: 'certificate' },
      {
        on: -10,
        do: 'item',
        item: 3,
        status: 'withdrawn',
        reason: 'Der Mangel liegt im Verantwortungsbereich der Mieterin; die Forderung entfällt.',
      },
      { on: -3, do: 'verify', items: [2] },
      { on: -2, do: 'item', item: 2, status: 'complied' },
      {
        on: 0,
        do: 'notify',
        to: 'officer',
        kind: 'deadline-reminder',
        about: 'item',
        subject: 'Frist endet am {due}: Anordnung im Vorgang {ref}',
        body: 'Die Frist für Nr. 1 der Anordnung im Vorgang {ref} endet am {due}. Eine Nachkontrolle ist danach einzuplanen.',
      },
    ],
  },
  {
    key: 'order-issued',
    shows: 'order issued after the reply period, its service not yet recorded',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -50, do: 'open-case' },
      { on: -45, do: 'hearing', replyDays: 14 },
      { on: -44, do: 'send-hearing', delivery: 'post' },
      { on: -10, do: 'order', kind: 'repair', items: [[0, 1]] },
      { on: -3, do: 'issue' },
    ],
  },
  {
    key: 'order-draft',
    shows: 'hearing closed on the landlord’s reply; order drafted',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -75, do: 'open-case' },
      { on: -70, do: 'hearing', replyDays: 14 },
      { on: -69, do: 'send-hearing', delivery: 'post' },
      {
        on: -45,
        do: 'close-hearing',
        note: 'Die Eigentümerin bestreitet die Mängel nicht, hat aber keinen Termin genannt.',
      },
      { on: -2, do: 'order', kind: 'repair', items: [[0], [1]] },
    ],
  },
  {
    key: 'hearing-near',
    shows: 'hearing sent, the reply period ends within the week',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -21, do: 'open-case' },
      { on: -14, do: 'hearing', replyDays: 14 },
      { on: -13, do: 'send-hearing', delivery: 'post' },
      {
        on: 0,
        do: 'notify',
        to: 'officer',
        kind: 'hearing-reminder',
        about: 'hearing',
        subject: 'Anhörungsfrist endet am {due}: Vorgang {ref}',
        body: 'Die Frist zur Stellungnahme im Vorgang {ref} endet am {due}. Danach kann die Anordnung ergehen.',
        read: true,
      },
    ],
  },
  {
    key: 'served-far',
    shows: 'order served by post, its items due in months',
    defects: ['A', 'AB'],
    steps: [
      { on: -33, do: 'open-case' },
      { on: -30, do: 'hearing', replyDays: 14 },
      { on: -29, do: 'send-hearing', delivery: 'post' },
      { on: -9, do: 'order', kind: 'repair', items: [[0], [1]] },
      { on: -8, do: 'issue' },
      { on: -6, do: 'serve', delivery: 'post' },
    ],
  },
  {
    key: 'immediate-danger',
    shows:
      'hearing skipped for immediate danger (§ 28 Abs. 2 Nr. 1), immediately enforceable, 24 hours, coercive fine fixed',
    defects: ['C'],
    steps: [
      { on: -6, do: 'open-case' },
      {
        on: -6,
        do: 'order',
        kind: 'repair',
        items: [[0]],
        hearingSkippedReason: DANGER_SKIP_REASON,
        immediateEnforcementReasoning: IMMEDIATE_REASONING,
        fineCents: 100_000,
      },
      { on: -6, do: 'issue' },
      { on: -6, do: 'serve', delivery: 'personal' },
      { on: -4, do: 'item', item: 1, status: 'not_complied' },
      {
        on: -3,
        do: 'escalate',
        item: 1,
        amountCents: 100_000,
        note: 'Gefahr besteht fort; Zwangsgeld festgesetzt.',
      },
      {
        on: -3,
        do: 'notify',
        to: 'officer',
        kind: 'deadline-passed',
        subject: 'Frist abgelaufen (24 Stunden): Vorgang {ref}',
        body: 'Die sofort vollziehbare Anordnung im Vorgang {ref} wurde nicht befolgt. Das angedrohte Zwangsgeld ist festgesetzt; Ersatzvornahme prüfen.',
      },
    ],
  },
  {
    key: 'hearing-draft',
    shows: 'case opened, hearing drafted, not sent',
    defects: ['ABC', 'ABC'],
    steps: [
      { on: -5, do: 'open-case', notes: 'Nach Beschwerde der Mieterin; Anhörung in Vorbereitung.' },
      { on: -1, do: 'hearing', replyDays: 14 },
    ],
  },
];

/** What the seeder knows of a property that could carry a scenario. */
export interface CandidateProperty {
  id: string;
  /** Open (not verified) defects not in a case, with catalogue entries of the default period. */
  defects: Array<{ id: string; severity: 'A' | 'B' | 'C'; foundOn: string }>;
  /** The landlords in charge today have been since this day (and have a postal address). */
  stableSince: string;
  unitIds: string[];
}

export interface PlannedScenario {
  scenario: Scenario;
  propertyId: string;
  /** The chosen defects, in the order of `scenario.defects`. */
  defectIds: string[];
  unitIds: string[];
  /** The Berlin day of every step, in the order of `scenario.steps`. */
  days: string[];
}

/** The working day (Monday to Friday, no NRW holiday) on or before `day`. */
export function workingDayOnOrBefore(day: string): string {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * Chooses a property for each scenario: one whose landlords have been in charge since before the
 * case opens and whose open defects were found before it and have the severities asked for.
 * Deterministic: the candidates are shuffled by a stream of the seed. A scenario without a
 * fitting property is left out (and named in `missing`).
 */
export function planEnforcement(input: {
  seed: string;
  today: string;
  candidates: CandidateProperty[];
}): { planned: PlannedScenario[]; missing: string[] } {
  const random = new Random(`${input.seed}/enforcement`);
  const pool = random.shuffle([...input.candidates].sort((a, b) => (a.id < b.id ? -1 : 1)));
  const used = new Set<string>();
  const planned: PlannedScenario[] = [];
  const missing: string[] = [];
  for (const scenario of ENFORCEMENT_SCENARIOS) {
    // Days: every step on a working day, never after today, never before the step before.
    const days: string[] = [];
    for (const step of scenario.steps) {
      const raw = addDays(input.today, step.on);
      let day = step.on === 0 ? input.today : workingDayOnOrBefore(raw);
      if (days.length > 0 && day < days[days.length - 1]) day = days[days.length - 1];
      days.push(day);
    }
    const opensOn = days[0];
    let chosen: PlannedScenario | null = null;
    for (const candidate of pool) {
      if (used.has(candidate.id) || candidate.stableSince >= opensOn) continue;
      const closures = scenario.steps.find((step) => step.do === 'closure');
      if (closures && closures.do === 'closure' && candidate.unitIds.length < closures.units) {
        continue;
      }
      const defectIds = matchDefects(
        scenario.defects,
        candidate.defects.filter((d) => d.foundOn < opensOn),
      );
      if (!defectIds) continue;
      chosen = {
        scenario,
        propertyId: candidate.id,
        defectIds,
        unitIds: candidate.unitIds.slice(0, closures?.do === 'closure' ? closures.units : 0),
        days,
      };
      break;
    }
    if (chosen) {
      used.add(chosen.propertyId);
      planned.push(chosen);
    } else missing.push(scenario.key);
  }
  return { planned, missing };
}

/** Distinct defects for the needs, the most specific needs first; null if they cannot be met. */
function matchDefects(needs: DefectNeed[], defects: CandidateProperty['defects']): string[] | null {
  const order = needs
    .map((need, index) => ({ need, index }))
    .sort((a, b) => a.need.length - b.need.length);
  const taken = new Set<string>();
  const result: string[] = new Array<string>(needs.length);
  for (const { need, index } of order) {
    const found = defects.find((d) => !taken.has(d.id) && need.includes(d.severity));
    if (!found) return null;
    taken.add(found.id);
    result[index] = found.id;
  }
  return result;
}
