/**
 * Overcrowding (Belegung) rule sets: the law as data, versioned by the days it was in force.
 * Browser-safe: no imports.
 *
 * Reading of the boundary days (DOMAIN.md, § 10: "The old WAG NRW rule … applied from 30 April
 * 2014 to 30 June 2021; before that no rule applies"):
 * - `validFrom` and `validUntil` are both inclusive, as "vom … bis …" is in German legal usage
 *   (and as a statute's "in force on" day is its first day of effect).
 * - 2014-04-29: no rule. 2014-04-30: WAG NRW, its first day.
 * - 2021-06-30: still WAG NRW, its last day. 2021-07-01: WohnStG, in force on 1 July 2021
 *   (GV. NRW. 2021 S. 765). The two sets meet with neither a gap nor an overlap.
 *
 * The date that picks a set is the day the facts were found (the inspection). A case keeps the
 * rule it was decided under by keeping that date (and the set's `id`, which never changes):
 * the sets below are never edited in place; a change in the law is a new set with a new id.
 */

/** A legal date, `YYYY-MM-DD` (Europe/Berlin). */
export type IsoDate = string;

export interface Bilingual {
  readonly de: string;
  readonly en: string;
}

/** One minimum-area requirement of a rule set. */
export interface OccupancyStandard {
  /** The provision that sets it, e.g. "§ 10 Abs. 2 Satz 1 WohnStG". */
  readonly legalBasis: Bilingual;
  /** Living space each occupant needs, in m². */
  readonly minAreaPerPersonM2: number;
  /** Living space a child under six needs, in m²; null: children count as persons. */
  readonly minAreaPerChildUnderSixM2: number | null;
  /** Where it applies, as shown after the rate ("… je Person im Einzelzimmer …"); null: no words. */
  readonly scope: Bilingual | null;
}

export type WorkerHousingTreatment =
  | { readonly covered: true }
  | {
      readonly covered: false;
      /** The provision that applies instead. */
      readonly legalBasis: Bilingual;
      readonly explanation: Bilingual;
    };

export interface OvercrowdingRuleSet {
  /** Stable forever: stored with evaluations and cases. */
  readonly id: string;
  readonly name: Bilingual;
  /** The abbreviation used in sentences ("WAG NRW", "WohnStG"). */
  readonly shortName: string;
  /** The rule as a whole, e.g. "§ 10 WohnStG". */
  readonly legalBasis: Bilingual;
  /** First day in force (inclusive). */
  readonly validFrom: IsoDate;
  /** Last day in force (inclusive); null while in force. */
  readonly validUntil: IsoDate | null;
  readonly standards: {
    readonly flat: OccupancyStandard;
    readonly singleRoomWithSharedAncillaryRooms: OccupancyStandard;
    readonly singleRoomWithoutSharedAncillaryRooms: OccupancyStandard;
  };
  /** Worker housing (Unterkünfte für Beschäftigte). */
  readonly workerHousing: WorkerHousingTreatment;
}

/**
 * WAG NRW (Wohnungsaufsichtsgesetz of 10 April 2014, GV. NRW. 2014 S. 269): 9 m² per person,
 * 6 m² per child under six. DOMAIN.md names no separate rate for single rooms and no exception
 * for worker housing (§ 7(2) and the "Unterkunft" came with the WohnStG in 2021), so the one
 * standard applies to every kind of unit and worker housing is covered.
 * The paragraph number is left out on purpose: it has not been checked against the statute
 * text; the legal office can add it here.
 */
const WAG_NRW_STANDARD: OccupancyStandard = {
  legalBasis: { de: 'WAG NRW', en: 'WAG NRW' },
  minAreaPerPersonM2: 9,
  minAreaPerChildUnderSixM2: 6,
  scope: null,
};

export const WAG_NRW_2014: OvercrowdingRuleSet = {
  id: 'wag-nrw-2014',
  name: {
    de: 'Wohnungsaufsichtsgesetz (WAG NRW)',
    en: 'Housing Supervision Act (WAG NRW)',
  },
  shortName: 'WAG NRW',
  legalBasis: { de: 'WAG NRW', en: 'WAG NRW' },
  validFrom: '2014-04-30',
  validUntil: '2021-06-30',
  standards: {
    flat: WAG_NRW_STANDARD,
    singleRoomWithSharedAncillaryRooms: WAG_NRW_STANDARD,
    singleRoomWithoutSharedAncillaryRooms: WAG_NRW_STANDARD,
  },
  workerHousing: { covered: true },
};

/**
 * WohnStG (Wohnraumstärkungsgesetz), § 10 Belegung:
 * (1) flats: 10 m² per person; for Unterkünfte § 7(2) applies instead (sentence 2).
 * (2) single rooms: 8 m² per person where ancillary rooms are available for shared use
 *     (sentence 1), otherwise 10 m² (sentence 2).
 * No lower rate for children: every person counts, a baby too.
 */
export const WOHNSTG_NRW_2021: OvercrowdingRuleSet = {
  id: 'wohnstg-nrw-2021',
  name: {
    de: 'Wohnraumstärkungsgesetz (WohnStG NRW)',
    en: 'Housing Strengthening Act (WohnStG NRW)',
  },
  shortName: 'WohnStG',
  legalBasis: { de: '§ 10 WohnStG', en: '§ 10 WohnStG' },
  validFrom: '2021-07-01',
  validUntil: null,
  standards: {
    flat: {
      legalBasis: { de: '§ 10 Abs. 1 Satz 1 WohnStG', en: '§ 10(1) sentence 1 WohnStG' },
      minAreaPerPersonM2: 10,
      minAreaPerChildUnderSixM2: null,
      scope: null,
    },
    singleRoomWithSharedAncillaryRooms: {
      legalBasis: { de: '§ 10 Abs. 2 Satz 1 WohnStG', en: '§ 10(2) sentence 1 WohnStG' },
      minAreaPerPersonM2: 8,
      minAreaPerChildUnderSixM2: null,
      scope: {
        de: 'im Einzelzimmer mit Nebenräumen zur Mitbenutzung',
        en: 'in a single room with shared ancillary rooms',
      },
    },
    singleRoomWithoutSharedAncillaryRooms: {
      legalBasis: { de: '§ 10 Abs. 2 Satz 2 WohnStG', en: '§ 10(2) sentence 2 WohnStG' },
      minAreaPerPersonM2: 10,
      minAreaPerChildUnderSixM2: null,
      scope: {
        de: 'im Einzelzimmer ohne Nebenräume zur Mitbenutzung',
        en: 'in a single room without shared ancillary rooms',
      },
    },
  },
  workerHousing: {
    covered: false,
    legalBasis: {
      de: '§ 7 Abs. 2 WohnStG (§ 10 Abs. 1 Satz 2 WohnStG)',
      en: '§ 7(2) WohnStG (§ 10(1) sentence 2 WohnStG)',
    },
    explanation: {
      de: 'Unterkunft für Beschäftigte: § 10 WohnStG gilt hier nicht; die Belegung richtet sich nach § 7 Abs. 2 WohnStG (§ 10 Abs. 1 Satz 2 WohnStG).',
      en: 'Worker housing (Unterkunft): § 10 WohnStG does not apply; occupancy follows § 7(2) WohnStG (§ 10(1) sentence 2 WohnStG).',
    },
  },
};

/** Every rule set, oldest first. Before the first one's `validFrom` no rule applies. */
export const OVERCROWDING_RULE_SETS: readonly OvercrowdingRuleSet[] = [
  WAG_NRW_2014,
  WOHNSTG_NRW_2021,
];

/**
 * The rule set in force on `date` (`YYYY-MM-DD`, already validated), or null when none is.
 * ISO dates compare as strings. Two sets claiming one day is broken data, not user input:
 * that throws.
 */
export function findOvercrowdingRuleSet(
  date: IsoDate,
  ruleSets: readonly OvercrowdingRuleSet[] = OVERCROWDING_RULE_SETS,
): OvercrowdingRuleSet | null {
  const matching = ruleSets.filter(
    (set) => set.validFrom <= date && (set.validUntil === null || date <= set.validUntil),
  );
  if (matching.length > 1) {
    throw new Error(
      `Overcrowding rule sets overlap on ${date}: ${matching.map((set) => set.id).join(', ')}`,
    );
  }
  return matching[0] ?? null;
}
