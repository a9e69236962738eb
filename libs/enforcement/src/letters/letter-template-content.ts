/**
 * What a letter template is made of, and what a letter is rendered from. The legal wording lives
 * in the template (edited by admins, reviewed by the city's legal office); the facts of one
 * letter (addressee, items, periods, fines) come as `LetterData`. No Nest, no TypeORM.
 *
 * Texts may hold placeholders `{{name}}`, filled from the data when the letter is rendered. An
 * unknown placeholder, or one the data has no value for, is an error: a letter never goes out
 * with "{{…}}" in it. A paragraph that consists of nothing but a block placeholder
 * (`{{reasoning}}`, `{{immediateEnforcement.reasoning}}`) stands for the officer's paragraphs.
 */
import type { LegalDate } from '../rules/legal-date';

export const LETTER_TEMPLATE_KEYS = [
  'hearing',
  'repair_order',
  'uninhabitability_order',
  'occupancy_order',
  'cooperation_order',
] as const;
export type LetterTemplateKey = (typeof LETTER_TEMPLATE_KEYS)[number];

export function isLetterTemplateKey(value: unknown): value is LetterTemplateKey {
  return (LETTER_TEMPLATE_KEYS as readonly unknown[]).includes(value);
}

/** What kind of document a letter is: a hearing before an order, or an order. */
export const LETTER_KINDS = ['hearing', 'order'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The kind of letter each template makes. */
export const LETTER_TEMPLATE_KIND: Readonly<Record<LetterTemplateKey, LetterKind>> = {
  hearing: 'hearing',
  repair_order: 'order',
  uninhabitability_order: 'order',
  occupancy_order: 'order',
  cooperation_order: 'order',
};

/** The German name of each template, as the admin screens show it. */
export const LETTER_TEMPLATE_TITLES: Readonly<Record<LetterTemplateKey, string>> = {
  hearing: 'Anhörung (§ 28 VwVfG NRW)',
  repair_order: 'Instandsetzungsanordnung (§§ 4, 6 WohnStG NRW)',
  uninhabitability_order: 'Unbewohnbarkeitserklärung (§ 9 WohnStG NRW)',
  occupancy_order: 'Anordnung zur Belegung (§ 10 WohnStG NRW)',
  cooperation_order: 'Anordnung zur Mitwirkung (§ 16 WohnStG NRW)',
};

/** A heading and its paragraphs; a section without paragraphs is left out of the letter. */
export interface LetterSection {
  heading: string;
  paragraphs: string[];
}

/** One version of a letter template, stored as jsonb. */
export interface LetterTemplateContent {
  /** The authority's lines at the top right of the first page; the first is set in bold. */
  letterhead: string[];
  /** The small line above the addressee in the envelope window. */
  returnAddress: string;
  /** Beside the addressee: reference (Aktenzeichen), date, who to ask. */
  infoBlock: string[];
  /** In bold above the salutation; one entry per line. */
  subject: string[];
  /** Used unless the data names the addressee's own salutation. */
  salutation: string;
  intro: string[];
  /** The numbered items: a heading, then per item its text and its period. */
  items: { heading: string; entry: string; period: string };
  /** How a period is worded: `{{amount}}` hours or days, or a fixed end day `{{until}}`. */
  periods: { days: string; day: string; hours: string; hour: string; until: string };
  /** The threat of a coercive fine, one sentence per item that carries a fine. */
  coerciveFine: { heading: string; intro: string[]; perItem: string; outro: string[] };
  /** Printed only when the data asks for immediate enforcement (§ 80 Abs. 2 Satz 1 Nr. 4 VwGO). */
  immediateEnforcement: LetterSection;
  reasoning: LetterSection;
  legalBasis: LetterSection;
  /** Instructions on legal remedies (Rechtsbehelfsbelehrung); names `{{court}}`. */
  legalRemedies: LetterSection;
  /** The administrative court, as `{{court}}` prints it. */
  court: string;
  closing: string[];
  signature: string[];
  /** Small print at the foot of every page. */
  footer: string[];
  /** Page numbering at the foot of every page: `{{page}}` and `{{pages}}`. */
  pageNumber: string;
}

export type LetterPeriod =
  | { unit: 'days' | 'hours'; amount: number }
  /** A fixed last day, not moved off a weekend or holiday (§ 31 Abs. 3 Satz 2 VwVfG NRW). */
  | { until: LegalDate };

export interface LetterItem {
  /** What the addressee must do (or, in a hearing, what is intended), in full sentences. */
  text: string;
  period: LetterPeriod;
  /** The coercive fine threatened for this item, in euro cents; absent: none. */
  coerciveFineCents?: number | null;
}

/** The facts of one letter. Stored with the letter as the snapshot it was rendered from. */
export interface LetterData {
  /** The letter's date; also the PDF's creation date, so the same data gives the same bytes. */
  date: LegalDate;
  addressee: {
    name: string;
    /** Street and house number, postcode and city, as they go in the envelope window. */
    addressLines: string[];
    /** E.g. "Sehr geehrte Frau Müller,"; absent: the template's salutation. */
    salutation?: string | null;
  };
  property: { address: string };
  officer: { name: string; phone?: string | null; email?: string | null };
  /** Numbered from 1 in this order. */
  items: LetterItem[];
  /** A hearing's reply date. */
  replyBy?: LegalDate | null;
  /** The case's own reasons (`{{reasoning}}`). */
  reasoning?: string[] | null;
  /** Immediate enforcement ordered (or, in a hearing, intended), with its special reasons (§ 80 Abs. 3 VwGO). */
  immediateEnforcement?: { reasoning: string[] } | null;
  /** Further values a template may name as `{{extra.<name>}}`. */
  extra?: Record<string, string> | null;
}

/** Placeholders every text of a template may use. `extra.<name>` is allowed besides. */
export const DOCUMENT_PLACEHOLDERS = [
  'reference',
  'date',
  'court',
  'addressee.name',
  'property.address',
  'officer.name',
  'officer.phone',
  'officer.email',
  'replyBy',
] as const;

/** Placeholders of the texts repeated per item (`items.entry`, `items.period`, `coerciveFine.perItem`). */
export const ITEM_PLACEHOLDERS = ['item.number', 'item.text', 'item.period', 'item.fine'] as const;

/** Paragraph-long placeholders: the officer's own paragraphs. */
export const BLOCK_PLACEHOLDERS = ['reasoning', 'immediateEnforcement.reasoning'] as const;

export const EXTRA_PLACEHOLDER = /^extra\.[A-Za-z][A-Za-z0-9_]{0,49}$/;
