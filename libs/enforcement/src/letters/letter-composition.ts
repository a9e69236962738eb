/**
 * From a template and one letter's data to the finished texts of the letter, before any layout:
 * every placeholder filled, every period and fine worded, every officer's paragraph in its
 * place, and every character one the letter font can print. Pure; `LetterRenderError` names the
 * template or data field at fault.
 */
import { isLegalDate, type LegalDate } from '../rules/legal-date';
import { blockPlaceholderOf, placeholderAllowed, type TextContext } from './letter-template-check';
import type {
  LetterData,
  LetterItem,
  LetterPeriod,
  LetterSection,
  LetterTemplateContent,
} from './letter-template-content';
import { fillPlaceholders, LetterRenderError } from './letter-placeholders';

/** A section with its texts final; no paragraphs: left out. */
export interface ComposedSection {
  heading: string;
  paragraphs: string[];
}

export interface ComposedItem {
  number: number;
  text: string;
  period: string;
}

/** Every text of one letter, in reading order, ready for layout. */
export interface ComposedLetter {
  /** The PDF's title. */
  title: string;
  /** The letter's date, as the PDF's creation date. */
  date: LegalDate;
  letterhead: string[];
  returnAddress: string;
  addressee: string[];
  infoBlock: string[];
  subject: string[];
  salutation: string;
  intro: string[];
  items: { heading: string; entries: ComposedItem[] };
  coerciveFine: ComposedSection & { perItem: string[]; outro: string[] };
  immediateEnforcement: ComposedSection;
  reasoning: ComposedSection;
  legalBasis: ComposedSection;
  legalRemedies: ComposedSection;
  closing: string[];
  signature: string[];
  footer: string[];
  pageNumber: (page: number, pages: number) => string;
}

/**
 * The characters the letter font has (fonts/LICENSE.txt lists the same ranges): Latin with its
 * extensions (German, Turkish, Polish, Czech, Romanian …), typographic punctuation, €, ß and ẞ.
 */
const PRINTABLE: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2bc, 0x2bc],
  [0x2c6, 0x2c7],
  [0x2d8, 0x2dd],
  [0x1e9e, 0x1e9e],
  [0x2010, 0x2027],
  [0x2030, 0x2030],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

/** The first character of `text` the letter font cannot print (line breaks are fine), or null. */
export function unprintableCharacter(text: string): string | null {
  for (const char of text) {
    if (char === '\n') continue;
    const code = char.codePointAt(0)!;
    if (!PRINTABLE.some(([from, to]) => code >= from && code <= to)) return char;
  }
  return null;
}

function describe(char: string): string {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return /\p{C}/u.test(char) ? `U+${code}` : `“${char}” (U+${code})`;
}

/** `2026-03-15` → `15.03.2026`. */
export function germanDate(date: LegalDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** 50000 cents → `500,00 EUR`; 150000 → `1.500,00 EUR`. */
export function euroAmount(cents: number): string {
  const euros = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${euros},${String(cents % 100).padStart(2, '0')} EUR`;
}

// ---- the data ---------------------------------------------------------------------------------

const MAX_TEXT = 4000;
const MAX_LINE = 200;
/** § 60 Abs. 1 VwVG NRW: at least 10 and at most 100,000 euro. */
const FINE_MIN_CENTS = 10_00;
const FINE_MAX_CENTS = 100_000_00;
const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9_]{0,49}$/;

function requireText(value: unknown, field: string, options: { multiline: boolean }): string {
  if (typeof value !== 'string') throw new LetterRenderError(field, 'must be a text');
  const text = value.normalize('NFC');
  if (text.trim() === '') throw new LetterRenderError(field, 'must not be empty');
  const max = options.multiline ? MAX_TEXT : MAX_LINE;
  if (text.length > max) throw new LetterRenderError(field, `must be at most ${max} characters`);
  if (!options.multiline && text.includes('\n')) {
    throw new LetterRenderError(field, 'must be one line');
  }
  if (text.includes('{{') || text.includes('}}')) {
    throw new LetterRenderError(field, 'must not contain "{{" or "}}"');
  }
  const bad = unprintableCharacter(text);
  if (bad) {
    throw new LetterRenderError(field, `contains ${describe(bad)}, which the letter cannot print`);
  }
  return text;
}

function optionalText(value: unknown, field: string): string | undefined {
  return value === undefined || value === null
    ? undefined
    : requireText(value, field, { multiline: false });
}

function requireDate(value: unknown, field: string): LegalDate {
  if (!isLegalDate(value)) throw new LetterRenderError(field, 'must be a date YYYY-MM-DD');
  return value;
}

function requireList(value: unknown, field: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw new LetterRenderError(field, 'must be a list');
  if (value.length < min) throw new LetterRenderError(field, `must have at least ${min} entries`);
  if (value.length > max) throw new LetterRenderError(field, `must have at most ${max} entries`);
  return value;
}

function paragraphs(value: unknown, field: string, min: number): string[] {
  return requireList(value, field, min, 30).map((text, index) =>
    requireText(text, `${field}[${index}]`, { multiline: true }),
  );
}

function checkPeriod(period: unknown, field: string, date: LegalDate): LetterPeriod {
  if (typeof period !== 'object' || period === null) {
    throw new LetterRenderError(field, 'must be { unit, amount } or { until }');
  }
  if ('until' in period) {
    const until = requireDate(period.until, `${field}.until`);
    if (until <= date) {
      throw new LetterRenderError(`${field}.until`, 'must be after the letter’s date');
    }
    return { until };
  }
  const { unit, amount } = period as { unit?: unknown; amount?: unknown };
  if (unit !== 'days' && unit !== 'hours') {
    throw new LetterRenderError(`${field}.unit`, 'must be days or hours');
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > 3650) {
    throw new LetterRenderError(`${field}.amount`, 'must be a whole number from 1 to 3650');
  }
  return { unit, amount };
}

function checkItem(item: unknown, field: string, date: LegalDate): LetterItem {
  if (typeof item !== 'object' || item === null) {
    throw new LetterRenderError(field, 'must be an item');
  }
  const { text, period, coerciveFineCents } = item as Record<string, unknown>;
  const fine = coerciveFineCents ?? null;
  if (
    fine !== null &&
    (typeof fine !== 'number' ||
      !Number.isInteger(fine) ||
      fine < FINE_MIN_CENTS ||
      fine > FINE_MAX_CENTS)
  ) {
    throw new LetterRenderError(
      `${field}.coerciveFineCents`,
      'must be whole cents from 10 to 100,000 euro (§ 60 Abs. 1 VwVG NRW)',
    );
  }
  return {
    text: requireText(text, `${field}.text`, { multiline: true }),
    period: checkPeriod(period, `${field}.period`, date),
    coerciveFineCents: fine,
  };
}

/** The data, checked field by field and normalised (NFC): what the letter is rendered from. */
export function checkLetterData(data: LetterData): LetterData {
  if (typeof data !== 'object' || data === null) {
    throw new LetterRenderError('data', 'must be an object');
  }
  const date = requireDate(data.date, 'data.date');
  const addressee = (data.addressee ?? {}) as Partial<LetterData['addressee']>;
  const officer = (data.officer ?? {}) as Partial<LetterData['officer']>;
  const extra = data.extra ?? {};
  if (typeof extra !== 'object' || Array.isArray(extra)) {
    throw new LetterRenderError('data.extra', 'must be an object of texts');
  }
  return {
    date,
    addressee: {
      name: requireText(addressee.name, 'data.addressee.name', { multiline: false }),
      addressLines: requireList(addressee.addressLines, 'data.addressee.addressLines', 1, 5).map(
        (line, index) =>
          requireText(line, `data.addressee.addressLines[${index}]`, { multiline: false }),
      ),
      salutation: optionalText(addressee.salutation, 'data.addressee.salutation') ?? null,
    },
    property: {
      address: requireText(data.property?.address, 'data.property.address', {
        multiline: false,
      }),
    },
    officer: {
      name: requireText(officer.name, 'data.officer.name', { multiline: false }),
      phone: optionalText(officer.phone, 'data.officer.phone') ?? null,
      email: optionalText(officer.email, 'data.officer.email') ?? null,
    },
    items: requireList(data.items, 'data.items', 1, 50).map((item, index) =>
      checkItem(item, `data.items[${index}]`, date),
    ),
    replyBy:
      data.replyBy === undefined || data.replyBy === null
        ? null
        : requireDate(data.replyBy, 'data.replyBy'),
    reasoning:
      data.reasoning === undefined || data.reasoning === null
        ? null
        : paragraphs(data.reasoning, 'data.reasoning', 0),
    immediateEnforcement:
      data.immediateEnforcement === undefined || data.immediateEnforcement === null
        ? null
        : {
            reasoning: paragraphs(
              data.immediateEnforcement.reasoning,
              'data.immediateEnforcement.reasoning',
              1,
            ),
          },
    extra: Object.fromEntries(
      Object.entries(extra).map(([name, value]) => {
        if (!EXTRA_NAME.test(name)) {
          throw new LetterRenderError(`data.extra.${name}`, 'is not a valid name');
        }
        return [name, requireText(value, `data.extra.${name}`, { multiline: true })];
      }),
    ),
  };
}

// ---- the letter -------------------------------------------------------------------------------

/**
 * The letter's texts. `reference` is the case's reference (Aktenzeichen). Throws
 * `LetterRenderError` for a template text or a data field that cannot make a correct letter.
 */
export function composeLetter(
  template: LetterTemplateContent,
  input: LetterData,
  reference: string,
): ComposedLetter {
  const data = checkLetterData(input);
  const ref = requireText(reference, 'reference', { multiline: false });

  const values: Record<string, string | undefined> = {
    reference: ref,
    date: germanDate(data.date),
    court: undefined,
    'addressee.name': data.addressee.name,
    'property.address': data.property.address,
    'officer.name': data.officer.name,
    'officer.phone': data.officer.phone ?? undefined,
    'officer.email': data.officer.email ?? undefined,
    replyBy: data.replyBy ? germanDate(data.replyBy) : undefined,
  };
  for (const [name, value] of Object.entries(data.extra ?? {})) values[`extra.${name}`] = value;

  /** Fills a template text and makes sure the result can be printed. */
  const fill = (
    text: string,
    field: string,
    context: TextContext,
    own: Record<string, string | undefined> = values,
  ): string => {
    const filled = fillPlaceholders(
      text.normalize('NFC'),
      `template.${field}`,
      (name) => placeholderAllowed(context, name),
      own,
    );
    const bad = unprintableCharacter(filled);
    if (bad) {
      throw new LetterRenderError(
        `template.${field}`,
        `contains ${describe(bad)}, which the letter cannot print`,
      );
    }
    return filled;
  };
  values.court = fill(template.court, 'court', 'plain');

  const used = new Set<string>();
  /** A template's paragraphs with the officer's paragraphs in place of block placeholders. */
  const expand = (list: string[], field: string): string[] =>
    list.flatMap((paragraph, index) => {
      const block = blockPlaceholderOf(paragraph);
      if (block === 'reasoning') {
        if (!data.reasoning?.length) {
          throw new LetterRenderError(
            `template.${field}[${index}]`,
            '{{reasoning}} has no value in the letter’s data',
          );
        }
        used.add(block);
        return data.reasoning;
      }
      if (block === 'immediateEnforcement.reasoning') {
        if (!data.immediateEnforcement) {
          throw new LetterRenderError(
            `template.${field}[${index}]`,
            '{{immediateEnforcement.reasoning}} has no value in the letter’s data',
          );
        }
        used.add(block);
        return data.immediateEnforcement.reasoning;
      }
      return [fill(paragraph, `${field}[${index}]`, 'paragraph')].filter((p) => p.trim() !== '');
    });
  const lines = (list: string[], field: string): string[] =>
    list.map((line, index) => fill(line, `${field}[${index}]`, 'document'));
  const section = (value: LetterSection, field: string): ComposedSection => ({
    heading: fill(value.heading, `${field}.heading`, 'document'),
    paragraphs: expand(value.paragraphs, `${field}.paragraphs`),
  });

  const periodText = (period: LetterPeriod): string => {
    if ('until' in period) {
      return fill(template.periods.until, 'periods.until', 'periodUntil', {
        until: germanDate(period.until),
      });
    }
    const single = period.amount === 1;
    const key = period.unit === 'days' ? (single ? 'day' : 'days') : single ? 'hour' : 'hours';
    return fill(template.periods[key], `periods.${key}`, single ? 'plain' : 'periodAmount', {
      amount: String(period.amount),
    });
  };
  const itemValues = data.items.map((item, index) => ({
    ...values,
    'item.number': String(index + 1),
    'item.text': item.text,
    'item.period': periodText(item.period),
    'item.fine': item.coerciveFineCents ? euroAmount(item.coerciveFineCents) : undefined,
  }));

  const fined = data.items.flatMap((item, index) => (item.coerciveFineCents ? [index] : []));
  const coerciveFine = fined.length
    ? {
        heading: fill(template.coerciveFine.heading, 'coerciveFine.heading', 'document'),
        paragraphs: expand(template.coerciveFine.intro, 'coerciveFine.intro'),
        perItem: fined.map((index) =>
          fill(template.coerciveFine.perItem, 'coerciveFine.perItem', 'item', itemValues[index]),
        ),
        outro: expand(template.coerciveFine.outro, 'coerciveFine.outro'),
      }
    : { heading: '', paragraphs: [], perItem: [], outro: [] };

  let immediateEnforcement: ComposedSection = { heading: '', paragraphs: [] };
  if (data.immediateEnforcement) {
    if (!template.immediateEnforcement.paragraphs.length) {
      throw new LetterRenderError(
        'template.immediateEnforcement.paragraphs',
        'has no text for the immediate enforcement the data asks for',
      );
    }
    immediateEnforcement = section(template.immediateEnforcement, 'immediateEnforcement');
  }

  const subject = lines(template.subject, 'subject');
  const composed: ComposedLetter = {
    title: subject.join(' – '),
    date: data.date,
    letterhead: lines(template.letterhead, 'letterhead'),
    returnAddress: fill(template.returnAddress, 'returnAddress', 'document'),
    addressee: [data.addressee.name, ...data.addressee.addressLines],
    infoBlock: lines(template.infoBlock, 'infoBlock'),
    subject,
    salutation: data.addressee.salutation ?? fill(template.salutation, 'salutation', 'document'),
    intro: expand(template.intro, 'intro'),
    items: {
      heading: fill(template.items.heading, 'items.heading', 'document'),
      entries: data.items.map((_item, index) => ({
        number: index + 1,
        text: fill(template.items.entry, 'items.entry', 'item', itemValues[index]),
        period: fill(template.items.period, 'items.period', 'item', itemValues[index]),
      })),
    },
    coerciveFine,
    immediateEnforcement,
    reasoning: section(template.reasoning, 'reasoning'),
    legalBasis: section(template.legalBasis, 'legalBasis'),
    legalRemedies: section(template.legalRemedies, 'legalRemedies'),
    closing: lines(template.closing, 'closing'),
    signature: lines(template.signature, 'signature'),
    footer: lines(template.footer, 'footer'),
    pageNumber: (page, pages) =>
      fill(template.pageNumber, 'pageNumber', 'pageNumber', {
        page: String(page),
        pages: String(pages),
      }),
  };
  // The officer's paragraphs never vanish because a template forgot the place for them.
  if (data.reasoning?.length && !used.has('reasoning')) {
    throw new LetterRenderError('data.reasoning', 'the template has no {{reasoning}} paragraph');
  }
  if (data.immediateEnforcement && !used.has('immediateEnforcement.reasoning')) {
    throw new LetterRenderError(
      'data.immediateEnforcement.reasoning',
      'the template has no {{immediateEnforcement.reasoning}} paragraph',
    );
  }
  // Checked once here, so that layout cannot fail half-way.
  composed.pageNumber(1, 1);
  return composed;
}
