import { evaluateExpecting } from './overcrowding-input.factory';

// Inspection on 14 September 2018, under the WAG NRW (30 April 2014 – 30 June 2021):
// 9 m² per person, 6 m² per child under six. Two parents and three children under six.
const family = {
  inspectionDate: '2018-09-14',
  adultsFound: 2,
  childrenUnderSixFound: 3,
  personsRegistered: 5,
};

describe('overcrowding: children under six under the WAG NRW (2018)', () => {
  it('fits the family into exactly 36 m²: 2 × 9 + 3 × 6', () => {
    const result = evaluateExpecting('evaluated', { ...family, livingAreaM2: 36 });
    expect(result.ruleSet.id).toBe('wag-nrw-2014');
    expect(result.ruleSet.name.de).toBe('Wohnungsaufsichtsgesetz (WAG NRW)');
    expect(result.ruleSet.validFrom).toBe('2014-04-30');
    expect(result.ruleSet.validUntil).toBe('2021-06-30');
    expect(result.standard.minAreaPerPersonM2).toBe(9);
    expect(result.standard.minAreaPerChildUnderSixM2).toBe(6);
    expect(result.numbers).toEqual({
      adultsCounted: 2,
      childrenUnderSixCounted: 3,
      personsCounted: 5,
      personsRegistered: 5,
      actualAreaM2: 36,
      requiredAreaM2: 36,
      areaPerPersonM2: 7.2,
    });
    expect(result.overcrowded).toBe(false);
    expect(result.maxOccupants).toBe(5);
    expect(result.childrenUnderSixInMax).toBe(3);
    expect(result.occupantsOverLimit).toBe(0);
    expect(result.explanation).toEqual({
      de: '36,0 m² für 5 Personen, davon 3 Kinder unter 6 Jahren: 7,2 m² je Person; WAG NRW verlangt 9 m² je Person und 6 m² je Kind unter 6 Jahren, zusammen 36 m² (höchstens 5 Personen, wenn 3 davon Kinder unter 6 Jahren sind). Nicht überbelegt.',
      en: '36.0 m² for 5 persons, 3 of them children under 6: 7.2 m² per person; WAG NRW requires 9 m² per person and 6 m² per child under 6, 36 m² in all (at most 5 persons if 3 of them are children under 6). Not overcrowded.',
    });
  });

  it('is overcrowded in 35 m²: 3 children (18 m²) and 1 adult (9 m²) fit, the second adult does not', () => {
    const result = evaluateExpecting('evaluated', { ...family, livingAreaM2: 35 });
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(4);
    expect(result.childrenUnderSixInMax).toBe(3);
    expect(result.occupantsOverLimit).toBe(1);
    expect(result.explanation.de).toBe(
      '35,0 m² für 5 Personen, davon 3 Kinder unter 6 Jahren: 7,0 m² je Person; WAG NRW verlangt 9 m² je Person und 6 m² je Kind unter 6 Jahren, zusammen 36 m² (höchstens 4 Personen, wenn 3 davon Kinder unter 6 Jahren sind). Überbelegt: 1 Person zu viel.',
    );
  });

  it('counts only the children found at the lower rate when the area is below their share', () => {
    // 1 adult and 4 children under six in 20 m²: the children alone need 24 m².
    const result = evaluateExpecting('evaluated', {
      ...family,
      adultsFound: 1,
      childrenUnderSixFound: 4,
      livingAreaM2: 20,
    });
    expect(result.numbers.requiredAreaM2).toBe(33);
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(3);
    expect(result.childrenUnderSixInMax).toBe(3);
    expect(result.occupantsOverLimit).toBe(2);
    expect(result.explanation.en).toBe(
      '20.0 m² for 5 persons, 4 of them children under 6: 4.0 m² per person; WAG NRW requires 9 m² per person and 6 m² per child under 6, 33 m² in all (at most 3 persons if 3 of them are children under 6). Overcrowded: 2 persons too many.',
    );
  });

  it('names one child in the singular', () => {
    const result = evaluateExpecting('evaluated', {
      ...family,
      childrenUnderSixFound: 1,
      livingAreaM2: 24,
    });
    expect(result.numbers.requiredAreaM2).toBe(24);
    expect(result.overcrowded).toBe(false);
    expect(result.maxOccupants).toBe(3);
    expect(result.explanation).toEqual({
      de: '24,0 m² für 3 Personen, davon 1 Kind unter 6 Jahren: 8,0 m² je Person; WAG NRW verlangt 9 m² je Person und 6 m² je Kind unter 6 Jahren, zusammen 24 m² (höchstens 3 Personen, wenn 1 davon ein Kind unter 6 Jahren ist). Nicht überbelegt.',
      en: '24.0 m² for 3 persons, 1 of them a child under 6: 8.0 m² per person; WAG NRW requires 9 m² per person and 6 m² per child under 6, 24 m² in all (at most 3 persons if 1 of them is a child under 6). Not overcrowded.',
    });
  });

  it('has no single-room rate: a single room with shared rooms still needs 9 m² per person', () => {
    const result = evaluateExpecting('evaluated', {
      ...family,
      adultsFound: 2,
      childrenUnderSixFound: 0,
      kind: 'single_room',
      sharedAncillaryRooms: true,
      livingAreaM2: 17,
    });
    expect(result.ruleSet.id).toBe('wag-nrw-2014');
    expect(result.standard.minAreaPerPersonM2).toBe(9);
    expect(result.numbers.requiredAreaM2).toBe(18);
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(1);
  });

  it('keeps the 2018 rule for the 2018 inspection: the same family in 36 m² in 2022 is overcrowded', () => {
    const in2022 = evaluateExpecting('evaluated', {
      ...family,
      inspectionDate: '2022-09-14',
      livingAreaM2: 36,
    });
    expect(in2022.ruleSet.id).toBe('wohnstg-nrw-2021');
    expect(in2022.numbers.requiredAreaM2).toBe(50);
    expect(in2022.overcrowded).toBe(true);
    expect(in2022.maxOccupants).toBe(3);
    expect(in2022.occupantsOverLimit).toBe(2);
  });
});
