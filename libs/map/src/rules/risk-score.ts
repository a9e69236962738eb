/**
 * The risk score of a property: a number from 0 to 100 that ranks properties on the map and the
 * dashboard, with every point explained by the facts that earned it. Browser-safe: imports only
 * types from the inspections rules.
 *
 * Formula. Each factor counts something about the property (its facts); the count is cut at the
 * factor's cap, if the weights give it one, and multiplied by the factor's weight:
 *
 *     points(f)     = weight(f) × min(count(f), cap(f))        (no cap: count(f) itself)
 *     uncappedScore = Σ points(f) over all factors
 *     score         = min(100, round(uncappedScore))           (round half up)
 *
 * The factors listed with a score are exactly those with points > 0, highest first (ties in the
 * order of `RISK_FACTOR_IDS`); their points add up to `uncappedScore`.
 *
 * The counts:
 * - open defects by severity (C, B, A), each its own factor;
 * - defects found not remedied at a re-inspection. These are usually still open and so counted
 *   under their severity too: a landlord who ignored an order weighs more, on purpose;
 * - overcrowded units; complaints and inspections without access in the last 12 months;
 * - whole years since the last inspection that took place (365 days a year: a risk indicator,
 *   not a legal period). Never inspected (`null`) counts 0: the score ranks what is known;
 * - overdue order items and closures not yet released, once the facts carry them (absent: 0).
 *
 * The default weights make C defects dominate: one open C defect alone scores 50, half the scale,
 * as much as five B defects. Caps stop facts that pile up without danger (minor defects,
 * repeated complaints, years without a visit) from outweighing it.
 *
 * Admins edit the weights through the API; `validateRiskWeights` answers that input with field
 * errors. `computeRiskScore` trusts neither its facts nor its weights: broken data there is a
 * programming or data error, not user input, and throws.
 */
import type { Severity } from '@hausakte/inspections/rules';

export const RISK_SCORE_MAX = 100;

/** Every factor, in the order used to break ties and to list weights in forms. */
export const RISK_FACTOR_IDS = [
  'openDefectsC',
  'openDefectsB',
  'openDefectsA',
  'notRemediedDefects',
  'overcrowdedUnits',
  'overdueOrderItems',
  'activeClosures',
  'complaintsLast12Months',
  'noAccessLast12Months',
  'yearsSinceLastInspection',
] as const;

export type RiskFactorId = (typeof RISK_FACTOR_IDS)[number];

/** The key of a factor's cap in `RiskWeights`, e.g. `complaintsLast12MonthsCap`. */
export type RiskCapKey = `${RiskFactorId}Cap`;

export interface RiskText {
  readonly de: string;
  readonly en: string;
}

export const RISK_FACTOR_LABELS: Readonly<Record<RiskFactorId, RiskText>> = {
  openDefectsC: {
    de: 'Offene Mängel der Stufe C (akute Gefahr)',
    en: 'Open defects, severity C (immediate danger)',
  },
  openDefectsB: {
    de: 'Offene Mängel der Stufe B (gesundheitsgefährdend)',
    en: 'Open defects, severity B (hazardous)',
  },
  openDefectsA: {
    de: 'Offene Mängel der Stufe A (nicht gefährdend)',
    en: 'Open defects, severity A (non-hazardous)',
  },
  notRemediedDefects: {
    de: 'Bei der Nachkontrolle nicht behobene Mängel',
    en: 'Defects not remedied at a re-inspection',
  },
  overcrowdedUnits: {
    de: 'Überbelegte Wohneinheiten',
    en: 'Overcrowded units',
  },
  overdueOrderItems: {
    de: 'Überfällige Punkte aus Anordnungen',
    en: 'Overdue order items',
  },
  activeClosures: {
    de: 'Noch nicht aufgehobene Schließungen (§ 9 WohnStG)',
    en: 'Closures not yet released (§ 9 WohnStG)',
  },
  complaintsLast12Months: {
    de: 'Meldungen in den letzten 12 Monaten',
    en: 'Complaints in the last 12 months',
  },
  noAccessLast12Months: {
    de: 'Ortstermine ohne Zutritt in den letzten 12 Monaten',
    en: 'Inspections without access in the last 12 months',
  },
  yearsSinceLastInspection: {
    de: 'Volle Jahre seit der letzten Begehung',
    en: 'Full years since the last inspection',
  },
};

/** What is counted about one property. Every count is a whole number, 0 or more. */
export interface RiskFacts {
  readonly openDefects: Readonly<Record<Severity, number>>;
  /** Defects found not remedied at a re-inspection (and not verified since). */
  readonly notRemediedDefects: number;
  readonly overcrowdedUnits: number;
  readonly complaintsLast12Months: number;
  readonly noAccessLast12Months: number;
  /** Days since the last inspection that took place; null: never inspected. */
  readonly daysSinceLastInspection: number | null;
  readonly overdueOrderItems?: number;
  /** Closures declared and not yet released. */
  readonly activeClosures?: number;
}

/**
 * Points per counted thing, one number per factor, and optional caps: the most things a factor
 * counts. Flat, so that it stores as one JSON object of numbers (`risk_weights.weights`).
 */
export type RiskWeights = Readonly<Record<RiskFactorId, number>> &
  Readonly<Partial<Record<RiskCapKey, number>>>;

export const DEFAULT_RISK_WEIGHTS: RiskWeights = Object.freeze({
  openDefectsC: 50,
  openDefectsB: 10,
  openDefectsA: 2,
  openDefectsACap: 10,
  notRemediedDefects: 10,
  overcrowdedUnits: 15,
  overdueOrderItems: 8,
  activeClosures: 25,
  complaintsLast12Months: 4,
  complaintsLast12MonthsCap: 5,
  noAccessLast12Months: 6,
  noAccessLast12MonthsCap: 3,
  yearsSinceLastInspection: 3,
  yearsSinceLastInspectionCap: 5,
});

export interface RiskFactorScore {
  readonly factor: RiskFactorId;
  /** What the facts count. */
  readonly count: number;
  /** The cap that applied; null: none. */
  readonly cap: number | null;
  /** The count that earned points: `count`, cut at `cap`. */
  readonly counted: number;
  /** Points per counted thing. */
  readonly weight: number;
  /** `weight × counted`. */
  readonly points: number;
  readonly label: RiskText;
}

export interface RiskScore {
  /** 0–100, a whole number. */
  readonly score: number;
  /** The sum of the factors' points, before rounding and the cap at 100. */
  readonly uncappedScore: number;
  /** The factors with points > 0, highest first. */
  readonly factors: readonly RiskFactorScore[];
}

export type RiskWeightsErrorCode =
  | 'not_an_object'
  | 'unknown_key'
  | 'missing'
  | 'not_a_non_negative_number'
  | 'not_a_non_negative_integer';

/** Shaped like the API's field errors `{ field, message }`, plus a code and German. */
export interface RiskWeightsFieldError {
  field: string;
  code: RiskWeightsErrorCode;
  message: string;
  messageDe: string;
}

const MESSAGES: Record<RiskWeightsErrorCode, { message: string; messageDe: string }> = {
  not_an_object: {
    message: 'must be an object of numbers, one per risk factor',
    messageDe: 'muss ein Objekt mit einer Zahl je Risikofaktor sein',
  },
  unknown_key: {
    message: 'is not a known field',
    messageDe: 'ist kein bekanntes Feld',
  },
  missing: {
    message: 'is required',
    messageDe: 'fehlt',
  },
  not_a_non_negative_number: {
    message: 'must be a finite number, 0 or more',
    messageDe: 'muss eine endliche Zahl ab 0 sein',
  },
  not_a_non_negative_integer: {
    message: 'must be a whole number, 0 or more',
    messageDe: 'muss eine ganze Zahl ab 0 sein',
  },
};

const CAP_KEYS: readonly RiskCapKey[] = RISK_FACTOR_IDS.map((factor) => capKey(factor));

function capKey(factor: RiskFactorId): RiskCapKey {
  return `${factor}Cap`;
}

const isWeight = (value: unknown): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The field errors of risk weights as an admin sent them; empty when they are valid. Every
 * factor needs a weight (a finite number, 0 or more); caps are optional whole numbers, 0 or more;
 * any other key is an error. Errors come in the order of `RISK_FACTOR_IDS`, weight before cap,
 * unknown keys last.
 */
export function validateRiskWeights(value: unknown): RiskWeightsFieldError[] {
  const errors: RiskWeightsFieldError[] = [];
  const fail = (field: string, code: RiskWeightsErrorCode) =>
    errors.push({ field, code, ...MESSAGES[code] });

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('weights', 'not_an_object');
    return errors;
  }
  const record = value as Record<string, unknown>;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(record, key);
  for (const factor of RISK_FACTOR_IDS) {
    if (!has(factor) || record[factor] === undefined) fail(factor, 'missing');
    else if (!isWeight(record[factor])) fail(factor, 'not_a_non_negative_number');
    const cap = capKey(factor);
    if (has(cap) && record[cap] !== undefined && !isCount(record[cap])) {
      fail(cap, 'not_a_non_negative_integer');
    }
  }
  const known = new Set<string>([...RISK_FACTOR_IDS, ...CAP_KEYS]);
  for (const key of Object.keys(record)) {
    if (!known.has(key)) fail(key, 'unknown_key');
  }
  return errors;
}

/** The field names of facts that are not whole numbers, 0 or more; empty when all are. */
export function invalidRiskFacts(facts: RiskFacts): string[] {
  const checks: [string, unknown, boolean][] = [
    ['openDefects.C', facts.openDefects?.C, false],
    ['openDefects.B', facts.openDefects?.B, false],
    ['openDefects.A', facts.openDefects?.A, false],
    ['notRemediedDefects', facts.notRemediedDefects, false],
    ['overcrowdedUnits', facts.overcrowdedUnits, false],
    ['complaintsLast12Months', facts.complaintsLast12Months, false],
    ['noAccessLast12Months', facts.noAccessLast12Months, false],
    ['daysSinceLastInspection', facts.daysSinceLastInspection, true],
    ['overdueOrderItems', facts.overdueOrderItems, true],
    ['activeClosures', facts.activeClosures, true],
  ];
  return checks
    .filter(([, value, mayBeAbsent]) => !(isCount(value) || (mayBeAbsent && value == null)))
    .map(([field]) => field);
}

const DAYS_PER_YEAR = 365;

/** What each factor counts in `facts` (before caps). */
export function riskFactorCounts(facts: RiskFacts): Record<RiskFactorId, number> {
  const days = facts.daysSinceLastInspection;
  return {
    openDefectsC: facts.openDefects.C,
    openDefectsB: facts.openDefects.B,
    openDefectsA: facts.openDefects.A,
    notRemediedDefects: facts.notRemediedDefects,
    overcrowdedUnits: facts.overcrowdedUnits,
    overdueOrderItems: facts.overdueOrderItems ?? 0,
    activeClosures: facts.activeClosures ?? 0,
    complaintsLast12Months: facts.complaintsLast12Months,
    noAccessLast12Months: facts.noAccessLast12Months,
    yearsSinceLastInspection: days === null ? 0 : Math.floor(days / DAYS_PER_YEAR),
  };
}

/** The explained risk score of one property; see the formula at the top of this file. */
export function computeRiskScore(facts: RiskFacts, weights: RiskWeights): RiskScore {
  const weightErrors = validateRiskWeights(weights);
  if (weightErrors.length > 0) {
    throw new RangeError(
      `Invalid risk weights: ${weightErrors.map((error) => `${error.field} ${error.message}`).join('; ')}`,
    );
  }
  const badFacts = invalidRiskFacts(facts);
  if (badFacts.length > 0) {
    throw new RangeError(
      `Invalid risk facts (not whole numbers, 0 or more): ${badFacts.join(', ')}`,
    );
  }

  const counts = riskFactorCounts(facts);
  const factors = RISK_FACTOR_IDS.map((factor): RiskFactorScore => {
    const count = counts[factor];
    const cap = weights[capKey(factor)] ?? null;
    const counted = cap === null ? count : Math.min(count, cap);
    const weight = weights[factor];
    return {
      factor,
      count,
      cap,
      counted,
      weight,
      points: weight * counted,
      label: RISK_FACTOR_LABELS[factor],
    };
  })
    .filter((factor) => factor.points > 0)
    // Array.prototype.sort is stable: equal points keep the order of RISK_FACTOR_IDS.
    .sort((a, b) => b.points - a.points);

  const uncappedScore = factors.reduce((sum, factor) => sum + factor.points, 0);
  return {
    score: Math.min(RISK_SCORE_MAX, Math.round(uncappedScore)),
    uncappedScore,
    factors,
  };
}
