/**
 * The legal grounds of the defect catalogue: the groups its items belong to, and the "defect
 * category" a complaint is filed under. The law as data, in the order a form lists them.
 * Browser-safe: imports only a sibling's type.
 *
 * Source: DOMAIN.md, "The law the rules come from". Readings the city's legal office should
 * check (the statute text itself was not at hand when this was written):
 * - § 5 Abs. 1 Nr. 1–7 WohnStG: the numbering and the short labels follow DOMAIN.md's list
 *   (1) electricity / heating energy … (7) ventilation or daylight. The labels paraphrase; they
 *   are not the statute's wording.
 * - `s5_other` (balconies, lifts, stairs, door locks, lighting, entrances, courtyards) cites
 *   "§ 5 WohnStG" without a paragraph: DOMAIN.md lists them under § 5 but names no paragraph.
 * - Smoke alarms are not named in § 5; the catalogue files them under `s5_other` (the duty itself
 *   is § 47 Abs. 3 BauO NRW 2018). The legal office may prefer another ground.
 * - `s6`, `s9`, `s10` cite the section as a whole; the catalogue items do not pick a paragraph.
 *
 * The ids are stored in catalogue items and complaints: never rename one. A change in the law is
 * a new id (and new catalogue items), the old one stays for old records.
 */
import type { Bilingual } from './overcrowding-rule-sets';

/** Every legal ground, in display order. */
export const LEGAL_GROUND_IDS = [
  's5_1',
  's5_2',
  's5_3',
  's5_4',
  's5_5',
  's5_6',
  's5_7',
  's5_other',
  's6',
  's9',
  's10',
] as const;

export type LegalGroundId = (typeof LEGAL_GROUND_IDS)[number];

export interface LegalGround {
  readonly id: LegalGroundId;
  /** The provision as cited in letters, e.g. "§ 5 Abs. 1 Nr. 3 WohnStG". */
  readonly legalBasis: Bilingual;
  /** What the group covers, short enough for a select box. */
  readonly label: Bilingual;
}

export const LEGAL_GROUNDS: readonly LegalGround[] = [
  {
    id: 's5_1',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 1 WohnStG', en: '§ 5(1) no. 1 WohnStG' },
    label: {
      de: 'Strom- und Heizenergieversorgung',
      en: 'Electricity and heating energy supply',
    },
  },
  {
    id: 's5_2',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 2 WohnStG', en: '§ 5(1) no. 2 WohnStG' },
    label: {
      de: 'Heizung und Abgasanlagen',
      en: 'Heating and flues',
    },
  },
  {
    id: 's5_3',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 3 WohnStG', en: '§ 5(1) no. 3 WohnStG' },
    label: {
      de: 'Wasserversorgung, Entwässerung und sanitäre Einrichtungen',
      en: 'Water supply, drainage and sanitary facilities',
    },
  },
  {
    id: 's5_4',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 4 WohnStG', en: '§ 5(1) no. 4 WohnStG' },
    label: {
      de: 'Anschlüsse für Kochstelle, Beleuchtung und Elektrogeräte',
      en: 'Connections for cooker, lighting and electrical appliances',
    },
  },
  {
    id: 's5_5',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 5 WohnStG', en: '§ 5(1) no. 5 WohnStG' },
    label: {
      de: 'Schutz gegen Witterungseinflüsse und Feuchtigkeit',
      en: 'Protection against weather and damp',
    },
  },
  {
    id: 's5_6',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 6 WohnStG', en: '§ 5(1) no. 6 WohnStG' },
    label: {
      de: 'Mindestens ein Aufenthaltsraum mit mindestens 10 m² Grundfläche',
      en: 'At least one habitable room of at least 10 m²',
    },
  },
  {
    id: 's5_7',
    legalBasis: { de: '§ 5 Abs. 1 Nr. 7 WohnStG', en: '§ 5(1) no. 7 WohnStG' },
    label: {
      de: 'Belüftung oder Tageslicht in mindestens einem Raum',
      en: 'Ventilation or daylight in at least one room',
    },
  },
  {
    id: 's5_other',
    legalBasis: { de: '§ 5 WohnStG', en: '§ 5 WohnStG' },
    label: {
      de: 'Balkone, Aufzüge, Treppen, Türschlösser, Beleuchtung, Zugänge und Höfe',
      en: 'Balconies, lifts, stairs, door locks, lighting, entrances and courtyards',
    },
  },
  {
    id: 's6',
    legalBasis: { de: '§ 6 WohnStG', en: '§ 6 WohnStG' },
    label: {
      de: 'Instandsetzungsbedarf',
      en: 'Need for repair (Instandsetzung)',
    },
  },
  {
    id: 's9',
    legalBasis: { de: '§ 9 WohnStG', en: '§ 9 WohnStG' },
    label: {
      de: 'Unbewohnbarkeit',
      en: 'Uninhabitability',
    },
  },
  {
    id: 's10',
    legalBasis: { de: '§ 10 WohnStG', en: '§ 10 WohnStG' },
    label: {
      de: 'Belegung (Überbelegung)',
      en: 'Occupancy (overcrowding)',
    },
  },
];

export function isLegalGroundId(value: unknown): value is LegalGroundId {
  return typeof value === 'string' && (LEGAL_GROUND_IDS as readonly string[]).includes(value);
}

/** The legal ground with this id; every id has one (the spec checks it). */
export function getLegalGround(id: LegalGroundId): LegalGround {
  const ground = LEGAL_GROUNDS.find((candidate) => candidate.id === id);
  if (ground === undefined) throw new Error(`Unknown legal ground: ${String(id)}`);
  return ground;
}
