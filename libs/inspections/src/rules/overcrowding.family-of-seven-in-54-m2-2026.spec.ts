import { evaluateExpecting } from './overcrowding-input.factory';

// Inspection on 12 May 2026: a family of seven in a 54 m² flat. Two parents and three older
// children count as "aged six or over", two children are under six. Four are registered.
// Under § 10 Abs. 1 Satz 1 WohnStG every person needs 10 m², children included.
const family = {
  inspectionDate: '2026-05-12',
  adultsFound: 5,
  childrenUnderSixFound: 2,
  personsRegistered: 4,
  livingAreaM2: 54,
};

describe('overcrowding: a family of seven in 54 m² (2026, WohnStG)', () => {
  const result = evaluateExpecting('evaluated', family);

  it('applies § 10 WohnStG, in force since 1 July 2021', () => {
    expect(result.ruleSet.id).toBe('wohnstg-nrw-2021');
    expect(result.ruleSet.name.de).toBe('Wohnraumstärkungsgesetz (WohnStG NRW)');
    expect(result.ruleSet.legalBasis.de).toBe('§ 10 WohnStG');
    expect(result.ruleSet.validFrom).toBe('2021-07-01');
    expect(result.ruleSet.validUntil).toBeNull();
    expect(result.standard.legalBasis.de).toBe('§ 10 Abs. 1 Satz 1 WohnStG');
    expect(result.standard.minAreaPerPersonM2).toBe(10);
  });

  it('counts all seven, children under six at the full 10 m²', () => {
    expect(result.numbers).toEqual({
      adultsCounted: 5,
      childrenUnderSixCounted: 2,
      personsCounted: 7,
      personsRegistered: 4,
      actualAreaM2: 54,
      requiredAreaM2: 70,
      areaPerPersonM2: 54 / 7,
    });
  });

  it('is overcrowded: 54 m² allow at most 5 persons, so 2 are too many', () => {
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(5);
    expect(result.childrenUnderSixInMax).toBe(0);
    expect(result.occupantsOverLimit).toBe(2);
  });

  it('explains it in German and English', () => {
    expect(result.explanation).toEqual({
      de: '54,0 m² für 7 Personen: 7,7 m² je Person; § 10 Abs. 1 Satz 1 WohnStG verlangt 10 m² je Person, zusammen 70 m² (höchstens 5 Personen). Überbelegt: 2 Personen zu viel.',
      en: '54.0 m² for 7 persons: 7.7 m² per person; § 10(1) sentence 1 WohnStG requires 10 m² per person, 70 m² in all (at most 5 persons). Overcrowded: 2 persons too many.',
    });
  });

  it('would not be overcrowded in exactly 70 m² ("mindestens 10 m²")', () => {
    const inSeventy = evaluateExpecting('evaluated', { ...family, livingAreaM2: 70 });
    expect(inSeventy.overcrowded).toBe(false);
    expect(inSeventy.maxOccupants).toBe(7);
    expect(inSeventy.occupantsOverLimit).toBe(0);
    expect(inSeventy.explanation.de).toBe(
      '70,0 m² für 7 Personen: 10,0 m² je Person; § 10 Abs. 1 Satz 1 WohnStG verlangt 10 m² je Person, zusammen 70 m² (höchstens 7 Personen). Nicht überbelegt.',
    );
  });

  it('is overcrowded in 69,96 m², and the text never rounds that up to 10,0 m² each', () => {
    const justShort = evaluateExpecting('evaluated', { ...family, livingAreaM2: 69.96 });
    expect(justShort.overcrowded).toBe(true);
    expect(justShort.maxOccupants).toBe(6);
    expect(justShort.occupantsOverLimit).toBe(1);
    expect(justShort.explanation.de).toBe(
      '69,96 m² für 7 Personen: 9,9 m² je Person; § 10 Abs. 1 Satz 1 WohnStG verlangt 10 m² je Person, zusammen 70 m² (höchstens 6 Personen). Überbelegt: 1 Person zu viel.',
    );
  });
});
