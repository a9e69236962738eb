import type { ComplaintMatch } from './complaint.entity';

/** A point within this many metres of a property is taken to mean it (measured on the ellipsoid). */
export const NEARBY_RADIUS_M = 25;

export interface MatchFacts {
  /** The properties in the city at the address the complaint names; empty when it names none. */
  byAddress: readonly string[];
  /** The property nearest to the complaint's point, with its distance, when one is near. */
  nearest: { propertyId: string; distanceM: number } | null;
}

export interface MatchResult {
  propertyId: string | null;
  match: ComplaintMatch;
  /** Why nothing was matched when the reason is not plain (several properties at the address). */
  note: string | null;
}

/**
 * Which property a complaint is about: the address decides first, because a point set on a
 * phone's map may sit on the neighbour's plot; else the nearest property within 25 m; else none,
 * and a person decides (the answer proposes a new property). An address that names several
 * properties (the same street and number in two postcodes) decides nothing, and neither does the
 * point then: a person picks one.
 */
export function matchComplaint(facts: MatchFacts): MatchResult {
  if (facts.byAddress.length > 1) {
    return {
      propertyId: null,
      match: 'none',
      note: `The address names ${facts.byAddress.length} properties (${facts.byAddress.join(', ')}); give the postcode, or link one with PATCH.`,
    };
  }
  if (facts.byAddress.length === 1) {
    return { propertyId: facts.byAddress[0], match: 'address', note: null };
  }
  if (facts.nearest !== null && facts.nearest.distanceM <= NEARBY_RADIUS_M) {
    return { propertyId: facts.nearest.propertyId, match: 'nearby', note: null };
  }
  return { propertyId: null, match: 'none', note: null };
}
