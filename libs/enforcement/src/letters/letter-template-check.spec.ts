import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates';
import { templateProblems, templateTexts } from './letter-template-check';
import { LETTER_TEMPLATE_KEYS, type LetterTemplateContent } from './letter-template-content';

const REPAIR = DEFAULT_LETTER_TEMPLATES.repair_order;

describe('checking a template before it is stored', () => {
  it.each(LETTER_TEMPLATE_KEYS)('the shipped %s template passes', (key) => {
    expect(templateProblems(key, DEFAULT_LETTER_TEMPLATES[key])).toEqual([]);
  });

  it('every shipped order names the Verwaltungsgericht Gelsenkirchen and no objection procedure', () => {
    for (const key of LETTER_TEMPLATE_KEYS) {
      const template = DEFAULT_LETTER_TEMPLATES[key];
      expect(template.court).toBe(
        'Verwaltungsgericht Gelsenkirchen, Bahnhofsvorplatz 3, 45879 Gelsenkirchen',
      );
      expect(JSON.stringify(template)).not.toMatch(/Widerspruch/);
    }
  });

  it('an unknown placeholder is named with its field', () => {
    const template: LetterTemplateContent = {
      ...REPAIR,
      intro: ['Hallo {{addressee.firstName}}', 'Nr. {{item.number}}'],
    };
    expect(templateProblems('repair_order', template)).toEqual([
      { field: 'intro[0]', message: 'unknown placeholder {{addressee.firstName}}' },
      { field: 'intro[1]', message: 'unknown placeholder {{item.number}}' },
    ]);
  });

  it('a block placeholder must be a paragraph of its own', () => {
    const template: LetterTemplateContent = {
      ...REPAIR,
      reasoning: { heading: 'Begründung', paragraphs: ['Gründe: {{reasoning}}'] },
    };
    expect(templateProblems('repair_order', template)).toEqual([
      {
        field: 'reasoning.paragraphs[0]',
        message:
          'unknown placeholder {{reasoning}} (a block placeholder must be a paragraph of its own)',
      },
    ]);
  });

  it('periods may use only their own placeholder', () => {
    const template: LetterTemplateContent = {
      ...REPAIR,
      periods: { ...REPAIR.periods, day: 'innerhalb von {{amount}} Tag' },
    };
    expect(templateProblems('repair_order', template)).toEqual([
      { field: 'periods.day', message: 'unknown placeholder {{amount}}' },
    ]);
  });

  it('an order must name the court in its instructions on legal remedies; a hearing need not', () => {
    const template: LetterTemplateContent = {
      ...REPAIR,
      legalRemedies: { heading: 'Rechtsbehelfsbelehrung', paragraphs: ['Klage ist möglich.'] },
    };
    expect(templateProblems('repair_order', template)).toEqual([
      expect.objectContaining({ field: 'legalRemedies.paragraphs' }),
    ]);
    expect(templateProblems('hearing', template)).toEqual([]);
  });

  it('required texts must not be empty', () => {
    const template: LetterTemplateContent = {
      ...REPAIR,
      court: ' ',
      signature: [''],
    };
    expect(templateProblems('hearing', template)).toEqual([
      { field: 'court', message: 'must not be empty' },
      { field: 'signature', message: 'must have at least one line' },
    ]);
  });

  it('lists every text of a template with its field', () => {
    const fields = templateTexts(REPAIR).map((text) => text.field);
    expect(fields).toContain('legalRemedies.paragraphs[0]');
    expect(fields).toContain('coerciveFine.perItem');
    expect(new Set(fields).size).toBe(fields.length);
  });
});
