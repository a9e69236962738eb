/**
 * Which placeholders each text of a template may use, and the check a template passes before it
 * is stored: every placeholder known where it stands, nothing required left empty, and an order's
 * instructions on legal remedies naming the court (without them the challenge period is a year,
 * § 58 Abs. 2 VwGO). Pure.
 */
import {
  BLOCK_PLACEHOLDERS,
  DOCUMENT_PLACEHOLDERS,
  EXTRA_PLACEHOLDER,
  ITEM_PLACEHOLDERS,
  LETTER_TEMPLATE_KIND,
  type LetterSection,
  type LetterTemplateContent,
  type LetterTemplateKey,
} from './letter-template-content';
import { hasStrayBraces, placeholderNames, wholePlaceholder } from './letter-placeholders';

/** Where a text stands decides which placeholders it may use. */
export type TextContext =
  'document' | 'item' | 'paragraph' | 'periodAmount' | 'periodUntil' | 'plain' | 'pageNumber';

const DOCUMENT = new Set<string>(DOCUMENT_PLACEHOLDERS);
const ITEM = new Set<string>(ITEM_PLACEHOLDERS);
const BLOCK = new Set<string>(BLOCK_PLACEHOLDERS);

/** Whether a text in this context may use the placeholder (block placeholders: see `isBlock`). */
export function placeholderAllowed(context: TextContext, name: string): boolean {
  switch (context) {
    case 'document':
    case 'paragraph':
      return DOCUMENT.has(name) || EXTRA_PLACEHOLDER.test(name);
    case 'item':
      return DOCUMENT.has(name) || ITEM.has(name) || EXTRA_PLACEHOLDER.test(name);
    case 'periodAmount':
      return name === 'amount';
    case 'periodUntil':
      return name === 'until';
    case 'pageNumber':
      return name === 'page' || name === 'pages';
    case 'plain':
      return false;
  }
}

/** A paragraph that stands for the officer's paragraphs (`{{reasoning}}`), or null. */
export function blockPlaceholderOf(paragraph: string): string | null {
  const name = wholePlaceholder(paragraph);
  return name !== null && BLOCK.has(name) ? name : null;
}

export interface TemplateText {
  field: string;
  text: string;
  context: TextContext;
}

/** Every text of a template with where it stands, for checking and for the admin screens. */
export function templateTexts(content: LetterTemplateContent): TemplateText[] {
  const texts: TemplateText[] = [];
  const one = (field: string, text: string, context: TextContext) =>
    texts.push({ field, text, context });
  const many = (field: string, list: string[], context: TextContext) =>
    list.forEach((text, index) => one(`${field}[${index}]`, text, context));
  const section = (field: string, value: LetterSection) => {
    one(`${field}.heading`, value.heading, 'document');
    many(`${field}.paragraphs`, value.paragraphs, 'paragraph');
  };
  many('letterhead', content.letterhead, 'document');
  one('returnAddress', content.returnAddress, 'document');
  many('infoBlock', content.infoBlock, 'document');
  many('subject', content.subject, 'document');
  one('salutation', content.salutation, 'document');
  many('intro', content.intro, 'paragraph');
  one('items.heading', content.items.heading, 'document');
  one('items.entry', content.items.entry, 'item');
  one('items.period', content.items.period, 'item');
  one('periods.days', content.periods.days, 'periodAmount');
  one('periods.day', content.periods.day, 'plain');
  one('periods.hours', content.periods.hours, 'periodAmount');
  one('periods.hour', content.periods.hour, 'plain');
  one('periods.until', content.periods.until, 'periodUntil');
  one('coerciveFine.heading', content.coerciveFine.heading, 'document');
  many('coerciveFine.intro', content.coerciveFine.intro, 'paragraph');
  one('coerciveFine.perItem', content.coerciveFine.perItem, 'item');
  many('coerciveFine.outro', content.coerciveFine.outro, 'paragraph');
  section('immediateEnforcement', content.immediateEnforcement);
  section('reasoning', content.reasoning);
  section('legalBasis', content.legalBasis);
  section('legalRemedies', content.legalRemedies);
  one('court', content.court, 'plain');
  many('closing', content.closing, 'document');
  many('signature', content.signature, 'document');
  many('footer', content.footer, 'document');
  one('pageNumber', content.pageNumber, 'pageNumber');
  return texts;
}

/** Texts that must say something. */
const REQUIRED_TEXTS = new Set([
  'returnAddress',
  'salutation',
  'items.entry',
  'items.period',
  'periods.days',
  'periods.day',
  'periods.hours',
  'periods.hour',
  'periods.until',
  'coerciveFine.perItem',
  'court',
  'pageNumber',
]);

export interface TemplateProblem {
  field: string;
  message: string;
}

/** What is wrong with a template, field by field; empty when it may be stored. */
export function templateProblems(
  key: LetterTemplateKey,
  content: LetterTemplateContent,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const { field, text, context } of templateTexts(content)) {
    if (REQUIRED_TEXTS.has(field) && text.trim() === '') {
      problems.push({ field, message: 'must not be empty' });
      continue;
    }
    if (hasStrayBraces(text)) {
      problems.push({ field, message: 'has a "{{" or "}}" that is not part of a placeholder' });
      continue;
    }
    const block = context === 'paragraph' ? blockPlaceholderOf(text) : null;
    if (block) continue;
    const unknown = placeholderNames(text).filter((name) => !placeholderAllowed(context, name));
    if (unknown.length) {
      const where = BLOCK.has(unknown[0])
        ? ' (a block placeholder must be a paragraph of its own)'
        : '';
      problems.push({
        field,
        message: `unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}${where}`,
      });
    }
  }
  for (const [field, list] of [
    ['letterhead', content.letterhead],
    ['subject', content.subject],
    ['signature', content.signature],
  ] as const) {
    if (!list.some((line) => line.trim() !== '')) {
      problems.push({ field, message: 'must have at least one line' });
    }
  }
  if (
    LETTER_TEMPLATE_KIND[key] === 'order' &&
    !content.legalRemedies.paragraphs.some((p) => placeholderNames(p).includes('court'))
  ) {
    problems.push({
      field: 'legalRemedies.paragraphs',
      message:
        'must name the court ({{court}}): an order without correct instructions on legal remedies can be challenged for a year',
    });
  }
  return problems;
}
