import { evaluateExpecting } from './overcrowding-input.factory';

// For every rule and household: overcrowded exactly when more persons were found than the
// area allows, and the area always holds the maximum it names.
const dates = { wag: '2018-01-15', wohnstg: '2024-01-15' } as const;
const areas = [6, 8.5, 9, 17, 23.99, 24, 35, 54, 70, 101.25];

describe('overcrowding: the maximum number of occupants agrees with the verdict', () => {
  it.each(Object.entries(dates))('under %s', (_rule, inspectionDate) => {
    let checked = 0;
    for (const kind of ['flat', 'single_room'] as const) {
      for (const livingAreaM2 of areas) {
        for (let adultsFound = 0; adultsFound <= 8; adultsFound++) {
          for (let childrenUnderSixFound = 0; childrenUnderSixFound <= 5; childrenUnderSixFound++) {
            const result = evaluateExpecting('evaluated', {
              inspectionDate,
              kind,
              sharedAncillaryRooms: true,
              livingAreaM2,
              adultsFound,
              childrenUnderSixFound,
            });
            const persons = adultsFound + childrenUnderSixFound;
            expect(result.overcrowded).toBe(persons > result.maxOccupants);
            expect(result.occupantsOverLimit).toBe(Math.max(0, persons - result.maxOccupants));
            // The named maximum fits, one more person at the full rate does not.
            const { minAreaPerPersonM2: personRate, minAreaPerChildUnderSixM2: childRate } =
              result.standard;
            const kids = result.childrenUnderSixInMax;
            const maxArea =
              (result.maxOccupants - kids) * personRate + kids * (childRate ?? personRate);
            expect(maxArea).toBeLessThanOrEqual(livingAreaM2);
            expect(maxArea + personRate).toBeGreaterThan(livingAreaM2);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 * areas.length * 9 * 6);
  });
});
