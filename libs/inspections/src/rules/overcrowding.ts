/**
 * Overcrowding (Belegung, § 10 WohnStG; before 1 July 2021 WAG NRW): a pure evaluator over the
 * rule sets in `overcrowding-rule-sets.ts`. Same input, same result, in the api and in the
 * browser. Browser-safe: imports siblings only.
 *
 * Order of the checks: input errors first (`invalid`); then the rule set in force on the
 * inspection day (none: `no_rule`, whatever the unit); then worker housing where the rule set
 * leaves it to another provision (`not_covered`); otherwise `evaluated`.
 *
 * Arithmetic: the rates are whole m², areas may carry any decimals (rooms measured to the cm).
 * A unit meets the rule when its area is at least the required area ("mindestens"): exactly
 * 70 m² for 7 persons at 10 m² is not overcrowded. Comparisons allow 1e-9 m² for binary
 * fractions; nothing legally relevant is that small.
 */
import { explainEvaluated, explainNoRule } from './overcrowding-explanation';
import {
  type OvercrowdingFieldError,
  type OvercrowdingInput,
  validateOvercrowdingInput,
} from './overcrowding-input';
import {
  type Bilingual,
  findOvercrowdingRuleSet,
  type OccupancyStandard,
  OVERCROWDING_RULE_SETS,
  type OvercrowdingRuleSet,
} from './overcrowding-rule-sets';

const TOLERANCE_M2 = 1e-9;

export interface OvercrowdingNumbers {
  /** Occupants aged six or over, as found. */
  adultsCounted: number;
  /** Occupants under six, as found. Under WohnStG they count like everyone else. */
  childrenUnderSixCounted: number;
  /** Everyone found: adults and children. */
  personsCounted: number;
  /** Registered at the address; shown beside the count, never used in it. */
  personsRegistered: number;
  /** Living area the unit has. */
  actualAreaM2: number;
  /** Living area the persons counted need under the standard applied. */
  requiredAreaM2: number;
  /** Actual area ÷ persons counted, unrounded; null when nobody was found. */
  areaPerPersonM2: number | null;
}

export interface OvercrowdingInvalid {
  outcome: 'invalid';
  errors: OvercrowdingFieldError[];
}

export interface OvercrowdingNoRule {
  outcome: 'no_rule';
  inspectionDate: string;
  explanation: Bilingual;
}

export interface OvercrowdingNotCovered {
  outcome: 'not_covered';
  reason: 'worker_housing';
  inspectionDate: string;
  ruleSet: OvercrowdingRuleSet;
  /** The provision that governs instead (§ 7 Abs. 2 WohnStG). */
  governedBy: Bilingual;
  explanation: Bilingual;
}

export interface OvercrowdingEvaluated {
  outcome: 'evaluated';
  inspectionDate: string;
  ruleSet: OvercrowdingRuleSet;
  /** The standard of the rule set that fits the unit (flat, single room with or without shared rooms). */
  standard: OccupancyStandard;
  numbers: OvercrowdingNumbers;
  overcrowded: boolean;
  /**
   * The most occupants the area allows under the standard. Where children under six have their
   * own lower rate (WAG NRW), up to as many of them as were found are counted at that rate
   * (`childrenUnderSixInMax`), the rest at the full rate. So `overcrowded` holds exactly when
   * `personsCounted > maxOccupants`.
   */
  maxOccupants: number;
  /** How many of `maxOccupants` are children under six at their own rate; 0 under WohnStG. */
  childrenUnderSixInMax: number;
  /**
   * `personsCounted - maxOccupants`, at least 0: the fewest who must move out (§ 10(3)) for
   * the unit to meet the standard (where children have a lower rate: adults first).
   * Arithmetic only: whom to ask to move out, and when, is the officer's decision under
   * § 10(3) (family circumstances, hardship, replacement housing).
   */
  occupantsOverLimit: number;
  explanation: Bilingual;
}

export type OvercrowdingResult =
  OvercrowdingInvalid | OvercrowdingNoRule | OvercrowdingNotCovered | OvercrowdingEvaluated;

export type OvercrowdingOutcome = OvercrowdingResult['outcome'];

/** The standard of `ruleSet` for a unit of this kind. `sharedAncillaryRooms` counts for single rooms only. */
export function standardFor(
  ruleSet: OvercrowdingRuleSet,
  input: Pick<OvercrowdingInput, 'kind' | 'sharedAncillaryRooms'>,
): OccupancyStandard {
  if (input.kind === 'flat') return ruleSet.standards.flat;
  return input.sharedAncillaryRooms
    ? ruleSet.standards.singleRoomWithSharedAncillaryRooms
    : ruleSet.standards.singleRoomWithoutSharedAncillaryRooms;
}

/**
 * The largest number of occupants `areaM2` allows, counting up to `childrenFound` of them at
 * the child rate (cheaper, so using it first gives the largest number) and the rest at the
 * person rate. Returns the total and how many of it are children.
 */
function maxOccupantsFor(
  standard: OccupancyStandard,
  areaM2: number,
  childrenFound: number,
): { total: number; children: number } {
  const personRate = standard.minAreaPerPersonM2;
  const childRate = standard.minAreaPerChildUnderSixM2;
  if (childRate === null || childrenFound === 0) {
    return { total: Math.floor(areaM2 / personRate + TOLERANCE_M2), children: 0 };
  }
  const childrenArea = childrenFound * childRate;
  if (areaM2 + TOLERANCE_M2 < childrenArea) {
    const children = Math.floor(areaM2 / childRate + TOLERANCE_M2);
    return { total: children, children };
  }
  const adults = Math.floor((areaM2 - childrenArea) / personRate + TOLERANCE_M2);
  return { total: childrenFound + adults, children: childrenFound };
}

/**
 * Checks one unit's occupancy under the rule set in force on its inspection day.
 * `ruleSets` defaults to the shipped ones; pass others (e.g. as edited by an admin) to test
 * or to evaluate under stored data.
 */
export function evaluateOvercrowding(
  input: OvercrowdingInput,
  ruleSets: readonly OvercrowdingRuleSet[] = OVERCROWDING_RULE_SETS,
): OvercrowdingResult {
  const errors = validateOvercrowdingInput(input);
  if (errors.length > 0) return { outcome: 'invalid', errors };

  const date = input.inspectionDate;
  const ruleSet = findOvercrowdingRuleSet(date, ruleSets);
  if (ruleSet === null) {
    const next =
      ruleSets
        .filter((set) => set.validFrom > date)
        .sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0] ?? null;
    return { outcome: 'no_rule', inspectionDate: date, explanation: explainNoRule(date, next) };
  }

  if (input.isWorkerHousing && !ruleSet.workerHousing.covered) {
    return {
      outcome: 'not_covered',
      reason: 'worker_housing',
      inspectionDate: date,
      ruleSet,
      governedBy: ruleSet.workerHousing.legalBasis,
      explanation: ruleSet.workerHousing.explanation,
    };
  }

  const standard = standardFor(ruleSet, input);
  const adults = input.adultsFound;
  const children = input.childrenUnderSixFound;
  const persons = adults + children;
  const area = input.livingAreaM2;
  const requiredAreaM2 =
    adults * standard.minAreaPerPersonM2 +
    children * (standard.minAreaPerChildUnderSixM2 ?? standard.minAreaPerPersonM2);
  const overcrowded = area + TOLERANCE_M2 < requiredAreaM2;
  const max = maxOccupantsFor(standard, area, children);
  const occupantsOverLimit = Math.max(0, persons - max.total);

  return {
    outcome: 'evaluated',
    inspectionDate: date,
    ruleSet,
    standard,
    numbers: {
      adultsCounted: adults,
      childrenUnderSixCounted: children,
      personsCounted: persons,
      personsRegistered: input.personsRegistered,
      actualAreaM2: area,
      requiredAreaM2,
      areaPerPersonM2: persons === 0 ? null : area / persons,
    },
    overcrowded,
    maxOccupants: max.total,
    childrenUnderSixInMax: max.children,
    occupantsOverLimit,
    explanation: explainEvaluated({
      standard,
      actualAreaM2: area,
      personsCounted: persons,
      childrenUnderSixCounted: children,
      requiredAreaM2,
      maxOccupants: max.total,
      childrenUnderSixInMax: max.children,
      overcrowded,
      occupantsOverLimit,
    }),
  };
}
