import { evaluateExpecting } from './overcrowding-input.factory';

// Inspection on 20 June 2023 of a house where a staffing agency lodges its workers. § 10 Abs. 1
// Satz 2 WohnStG: "Für Unterkünfte ist § 7 Absatz 2 anzuwenden." The § 10 rule gives no verdict.
const lodging = {
  inspectionDate: '2023-06-20',
  isWorkerHousing: true,
  adultsFound: 8,
  personsRegistered: 0,
  livingAreaM2: 40,
};

describe('overcrowding: worker housing is not covered by § 10 WohnStG', () => {
  it('returns not_covered with the provision that governs instead', () => {
    const result = evaluateExpecting('not_covered', lodging);
    expect(result.reason).toBe('worker_housing');
    expect(result.inspectionDate).toBe('2023-06-20');
    expect(result.ruleSet.id).toBe('wohnstg-nrw-2021');
    expect(result.governedBy).toEqual({
      de: '§ 7 Abs. 2 WohnStG (§ 10 Abs. 1 Satz 2 WohnStG)',
      en: '§ 7(2) WohnStG (§ 10(1) sentence 2 WohnStG)',
    });
    expect(result.explanation).toEqual({
      de: 'Unterkunft für Beschäftigte: § 10 WohnStG gilt hier nicht; die Belegung richtet sich nach § 7 Abs. 2 WohnStG (§ 10 Abs. 1 Satz 2 WohnStG).',
      en: 'Worker housing (Unterkunft): § 10 WohnStG does not apply; occupancy follows § 7(2) WohnStG (§ 10(1) sentence 2 WohnStG).',
    });
    expect(result).not.toHaveProperty('overcrowded');
    expect(result).not.toHaveProperty('maxOccupants');
  });

  it('is not covered in a single room either', () => {
    const result = evaluateExpecting('not_covered', {
      ...lodging,
      kind: 'single_room',
      sharedAncillaryRooms: true,
      adultsFound: 3,
      livingAreaM2: 12,
    });
    expect(result.governedBy.de).toBe('§ 7 Abs. 2 WohnStG (§ 10 Abs. 1 Satz 2 WohnStG)');
  });

  it('starts on 2021-07-01 with the WohnStG', () => {
    expect(
      evaluateExpecting('not_covered', { ...lodging, inspectionDate: '2021-07-01' }).ruleSet.id,
    ).toBe('wohnstg-nrw-2021');
  });

  it('was covered by the WAG NRW, which had no exception for worker housing (2019)', () => {
    const result = evaluateExpecting('evaluated', { ...lodging, inspectionDate: '2019-06-20' });
    expect(result.ruleSet.id).toBe('wag-nrw-2014');
    expect(result.numbers.requiredAreaM2).toBe(72);
    expect(result.overcrowded).toBe(true);
    expect(result.maxOccupants).toBe(4);
    expect(result.occupantsOverLimit).toBe(4);
  });

  it('still checks the input first', () => {
    const result = evaluateExpecting('invalid', { ...lodging, adultsFound: -8 });
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([
      ['adultsFound', 'not_a_non_negative_integer'],
    ]);
  });
});
