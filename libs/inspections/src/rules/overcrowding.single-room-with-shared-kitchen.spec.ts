import { evaluateExpecting } from './overcrowding-input.factory';

// Inspection on 3 February 2025: a 17 m² room let on its own, in a house whose kitchen and
// bathroom the tenants share. § 10 Abs. 2 WohnStG: 8 m² per person where ancillary rooms are
// available for shared use (Satz 1), otherwise 10 m² (Satz 2).
const room = {
  inspectionDate: '2025-02-03',
  kind: 'single_room' as const,
  sharedAncillaryRooms: true,
  livingAreaM2: 17,
  personsRegistered: 1,
};

describe('overcrowding: a single room with a shared kitchen (2025, WohnStG)', () => {
  it('allows two persons at 8 m² each in 17 m²', () => {
    const result = evaluateExpecting('evaluated', { ...room, adultsFound: 2 });
    expect(result.ruleSet.id).toBe('wohnstg-nrw-2021');
    expect(result.standard.legalBasis.de).toBe('§ 10 Abs. 2 Satz 1 WohnStG');
    expect(result.standard.minAreaPerPersonM2).toBe(8);
    expect(result.numbers).toEqual({
      adultsCounted: 2,
      childrenUnderSixCounted: 0,
      personsCounted: 2,
      personsRegistered: 1,
      actualAreaM2: 17,
      requiredAreaM2: 16,
      areaPerPersonM2: 8.5,
    });
    expect(result.overcrowded).toBe(false);
    expect(result.maxOccupants).toBe(2);
    expect(result.occupantsOverLimit).toBe(0);
    expect(result.explanation).toEqual({
      de: '17,0 m² für 2 Personen: 8,5 m² je Person; § 10 Abs. 2 Satz 1 WohnStG verlangt 8 m² je Person im Einzelzimmer mit Nebenräumen zur Mitbenutzung, zusammen 16 m² (höchstens 2 Personen). Nicht überbelegt.',
      en: '17.0 m² for 2 persons: 8.5 m² per person; § 10(2) sentence 1 WohnStG requires 8 m² per person in a single room with shared ancillary rooms, 16 m² in all (at most 2 persons). Not overcrowded.',
    });
  });

  it('finds a third person, a child under six, one too many (24 m² needed)', () => {
    const result = evaluateExpecting('evaluated', {
      ...room,
      adultsFound: 2,
      childrenUnderSixFound: 1,
    });
    expect(result.numbers.requiredAreaM2).toBe(24);
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(2);
    expect(result.occupantsOverLimit).toBe(1);
    expect(result.explanation.de).toBe(
      '17,0 m² für 3 Personen: 5,6 m² je Person; § 10 Abs. 2 Satz 1 WohnStG verlangt 8 m² je Person im Einzelzimmer mit Nebenräumen zur Mitbenutzung, zusammen 24 m² (höchstens 2 Personen). Überbelegt: 1 Person zu viel.',
    );
  });

  it('needs 10 m² per person when no ancillary rooms are shared, so two are too many', () => {
    const result = evaluateExpecting('evaluated', {
      ...room,
      sharedAncillaryRooms: false,
      adultsFound: 2,
    });
    expect(result.standard.legalBasis.de).toBe('§ 10 Abs. 2 Satz 2 WohnStG');
    expect(result.standard.minAreaPerPersonM2).toBe(10);
    expect(result.numbers.requiredAreaM2).toBe(20);
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(1);
    expect(result.occupantsOverLimit).toBe(1);
    expect(result.explanation.en).toBe(
      '17.0 m² for 2 persons: 8.5 m² per person; § 10(2) sentence 2 WohnStG requires 10 m² per person in a single room without shared ancillary rooms, 20 m² in all (at most 1 person). Overcrowded: 1 person too many.',
    );
  });

  it('ignores shared ancillary rooms for a flat: a flat always needs 10 m² per person', () => {
    const result = evaluateExpecting('evaluated', { ...room, kind: 'flat', adultsFound: 2 });
    expect(result.standard.legalBasis.de).toBe('§ 10 Abs. 1 Satz 1 WohnStG');
    expect(result.numbers.requiredAreaM2).toBe(20);
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(1);
  });
});
