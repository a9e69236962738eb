import type { ComplaintMatch } from './complaint.entity';

/** A point within this many metres of a property is taken to mean it (measured on the ellipsoid). */
export const NEARBY_RADIUS_M = 25;

export interface MatchFacts {
  /** The property whose address the complaint names, when one does. */
  byAddress: string | null;
  /** The property nearest to the complaint's point, with its distance, when one is near. */
  nearest: { propertyId: string; distanceM: number } | null;
}

export interface MatchResult {
  propertyId: string | null;
  match: ComplaintMatch;
}

/**
 * Which property a complaint is about: the address decides first, because a point set on a
 * phone's map may sit on the neighbour's plot; else the nearest property within 25 m; else none,
 * and a person decides (the answer proposes a new property).
 */
export function matchComplaint(facts: MatchFacts): MatchResult {
  if (facts.byAddress !== null) return { propertyId: facts.byAddress, match: 'address' };
  if (facts.nearest !== null && facts.nearest.distanceM <= NEARBY_RADIUS_M) {
    return { propertyId: facts.nearest.propertyId, match: 'nearby' };
  }
  return { propertyId: null, match: 'none' };
}
