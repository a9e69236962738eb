/**
 * Test factories for the overcrowding rule (STYLE 19): valid input with overrides, and an
 * evaluation that fails the test unless it has the expected outcome. For specs only; not
 * exported from the barrel.
 */
import {
  evaluateOvercrowding,
  type OvercrowdingOutcome,
  type OvercrowdingResult,
} from './overcrowding';
import type { OvercrowdingInput } from './overcrowding-input';

/** Two adults in a 60 m² flat, counted on 10 March 2026. */
export function makeOvercrowdingInput(
  overrides: Partial<OvercrowdingInput> = {},
): OvercrowdingInput {
  return {
    inspectionDate: '2026-03-10',
    adultsFound: 2,
    childrenUnderSixFound: 0,
    personsRegistered: 2,
    livingAreaM2: 60,
    kind: 'flat',
    sharedAncillaryRooms: false,
    isWorkerHousing: false,
    ...overrides,
  };
}

/** Evaluates `overrides` on top of the default input; throws (failing the test) on another outcome. */
export function evaluateExpecting<O extends OvercrowdingOutcome>(
  outcome: O,
  overrides: Partial<OvercrowdingInput> = {},
): Extract<OvercrowdingResult, { outcome: O }> {
  const result = evaluateOvercrowding(makeOvercrowdingInput(overrides));
  if (result.outcome !== outcome) {
    throw new Error(`Expected outcome ${outcome}, got ${JSON.stringify(result, null, 2)}`);
  }
  return result as Extract<OvercrowdingResult, { outcome: O }>;
}
