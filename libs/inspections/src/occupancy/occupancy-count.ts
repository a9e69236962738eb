import type { FieldError } from '@hausakte/platform';
import { evaluateOvercrowding, type OvercrowdingResult } from '../rules';
import type { OccupancyOutcome } from './unit-occupancy.entity';

export interface OccupancyCount {
  adultsFound: number;
  childrenUnderSixFound: number;
  personsRegistered: number;
  livingAreaM2: number;
  unitKind: 'flat' | 'single_room';
  sharedAncillaryRooms: boolean;
  workerHousing: boolean;
}

export interface AssessedOccupancy {
  outcome: OccupancyOutcome;
  ruleSetId: string | null;
  result: OvercrowdingResult;
}

/**
 * Checks a count under the § 10 rule in force on the inspection day. Invalid input comes back as
 * field errors under `field` (the rule validates too, so the API and the rule never disagree).
 */
export function assessOccupancy(
  count: OccupancyCount,
  inspectionDate: string,
  field: string,
): AssessedOccupancy | { errors: FieldError[] } {
  const result = evaluateOvercrowding({
    inspectionDate,
    adultsFound: count.adultsFound,
    childrenUnderSixFound: count.childrenUnderSixFound,
    personsRegistered: count.personsRegistered,
    livingAreaM2: count.livingAreaM2,
    kind: count.unitKind,
    sharedAncillaryRooms: count.sharedAncillaryRooms,
    isWorkerHousing: count.workerHousing,
  });
  switch (result.outcome) {
    case 'invalid':
      return {
        errors: result.errors.map((error) => ({
          field: `${field}${fieldNameOf(error.field)}`,
          message: error.message,
        })),
      };
    case 'no_rule':
      return { outcome: 'no_rule', ruleSetId: null, result };
    case 'not_covered':
      return { outcome: 'not_covered', ruleSetId: result.ruleSet.id, result };
    case 'evaluated':
      return {
        outcome: result.overcrowded ? 'overcrowded' : 'not_overcrowded',
        ruleSetId: result.ruleSet.id,
        result,
      };
  }
}

/** The rule's input names, as the API calls them. */
function fieldNameOf(ruleField: string): string {
  switch (ruleField) {
    case 'kind':
      return 'unitKind';
    case 'isWorkerHousing':
      return 'workerHousing';
    case 'inspectionDate':
      return 'completedAt';
    default:
      return ruleField;
  }
}
