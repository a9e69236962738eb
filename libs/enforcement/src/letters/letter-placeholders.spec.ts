import {
  fillPlaceholders,
  hasStrayBraces,
  LetterRenderError,
  placeholderNames,
  wholePlaceholder,
} from './letter-placeholders';

const any = () => true;

describe('placeholders', () => {
  it('are found with blanks inside the braces trimmed', () => {
    expect(placeholderNames('Az. {{reference}} vom {{ date }}')).toEqual(['reference', 'date']);
  });

  it('are filled in one pass: a value is never read for placeholders', () => {
    expect(fillPlaceholders('{{a}} und {{ b }}', 'f', any, { a: '{{b}}', b: 'zwei' })).toBe(
      '{{b}} und zwei',
    );
  });

  it('a name the text may not use is unknown', () => {
    expect(() => fillPlaceholders('{{secret}}', 'template.intro[0]', () => false, {})).toThrow(
      new LetterRenderError('template.intro[0]', 'unknown placeholder {{secret}}'),
    );
  });

  it('a name without a value is an error, never left in the text', () => {
    expect(() => fillPlaceholders('Tel. {{officer.phone}}', 'f', any, {})).toThrow(
      /\{\{officer\.phone\}\} has no value/,
    );
    expect(() =>
      fillPlaceholders('Tel. {{officer.phone}}', 'f', any, { 'officer.phone': undefined }),
    ).toThrow(LetterRenderError);
  });

  it('names of Object.prototype are no values', () => {
    expect(() => fillPlaceholders('{{constructor}}', 'f', any, {})).toThrow(/has no value/);
  });

  it('stray braces are an error', () => {
    expect(hasStrayBraces('{{name}')).toBe(true);
    expect(hasStrayBraces('name}}')).toBe(true);
    expect(hasStrayBraces('{{a}} {b}')).toBe(false);
    expect(() => fillPlaceholders('{{name}', 'f', any, { name: 'x' })).toThrow(
      /not part of a placeholder/,
    );
  });

  it('a paragraph of one placeholder is recognised as such', () => {
    expect(wholePlaceholder(' {{reasoning}} ')).toBe('reasoning');
    expect(wholePlaceholder('Gründe: {{reasoning}}')).toBeNull();
  });
});
