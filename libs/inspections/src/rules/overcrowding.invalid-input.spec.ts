import { evaluateOvercrowding } from './overcrowding';
import { evaluateExpecting, makeOvercrowdingInput } from './overcrowding-input.factory';
import type { OvercrowdingInput } from './overcrowding-input';

// What a form or a JSON body may send. Wrong values come back as field errors, never as an
// exception, and no rule is applied.
const asInput = (value: unknown) => value as never;

const fieldsOf = (overrides: Partial<Record<keyof OvercrowdingInput, unknown>>) =>
  evaluateExpecting('invalid', overrides as Partial<OvercrowdingInput>).errors.map((error) => [
    error.field,
    error.code,
  ]);

describe('overcrowding: invalid input', () => {
  it('lists every wrong field, in field order, with English and German messages', () => {
    const result = evaluateOvercrowding(
      makeOvercrowdingInput({
        inspectionDate: '2021-02-29',
        adultsFound: -1,
        childrenUnderSixFound: 1.5,
        personsRegistered: asInput('3'),
        livingAreaM2: 0,
        kind: asInput('house'),
        sharedAncillaryRooms: asInput('yes'),
        isWorkerHousing: asInput(null),
      }),
    );
    expect(result).toEqual({
      outcome: 'invalid',
      errors: [
        {
          field: 'inspectionDate',
          code: 'invalid_date',
          message: 'must be a calendar date as YYYY-MM-DD',
          messageDe: 'muss ein Kalenderdatum im Format JJJJ-MM-TT sein',
        },
        {
          field: 'adultsFound',
          code: 'not_a_non_negative_integer',
          message: 'must be a whole number, 0 or more',
          messageDe: 'muss eine ganze Zahl ab 0 sein',
        },
        {
          field: 'childrenUnderSixFound',
          code: 'not_a_non_negative_integer',
          message: 'must be a whole number, 0 or more',
          messageDe: 'muss eine ganze Zahl ab 0 sein',
        },
        {
          field: 'personsRegistered',
          code: 'not_a_non_negative_integer',
          message: 'must be a whole number, 0 or more',
          messageDe: 'muss eine ganze Zahl ab 0 sein',
        },
        {
          field: 'livingAreaM2',
          code: 'not_a_positive_number',
          message: 'must be an area in m² greater than 0',
          messageDe: 'muss eine Fläche in m² größer als 0 sein',
        },
        {
          field: 'kind',
          code: 'invalid_kind',
          message: 'must be flat or single_room',
          messageDe: 'muss „flat“ (Wohnung) oder „single_room“ (Einzelzimmer) sein',
        },
        {
          field: 'sharedAncillaryRooms',
          code: 'not_a_boolean',
          message: 'must be true or false',
          messageDe: 'muss true (ja) oder false (nein) sein',
        },
        {
          field: 'isWorkerHousing',
          code: 'not_a_boolean',
          message: 'must be true or false',
          messageDe: 'muss true (ja) oder false (nein) sein',
        },
      ],
    });
  });

  it.each([
    ['2021-02-29', 'not a leap year'],
    ['2024-13-01', 'no 13th month'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-00-10', 'no month 0'],
    ['2024-05-00', 'no day 0'],
    ['2100-02-29', '2100 is not a leap year'],
    ['21-07-01', 'two-digit year'],
    ['2021-7-1', 'no leading zeros'],
    ['01.07.2021', 'German notation'],
    ['2021-07-01T00:00:00Z', 'a timestamp'],
    ['', 'empty'],
  ])('refuses the date %s (%s)', (inspectionDate) => {
    expect(fieldsOf({ inspectionDate })).toEqual([['inspectionDate', 'invalid_date']]);
  });

  it.each([
    ['2024-02-29', 'evaluated'],
    ['2021-12-31', 'evaluated'],
    ['2000-02-29', 'no_rule'],
  ])('accepts the date %s (%s)', (inspectionDate, outcome) => {
    expect(evaluateOvercrowding(makeOvercrowdingInput({ inspectionDate })).outcome).toBe(outcome);
  });

  it.each([[-1], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53], ['2'], [undefined]])(
    'refuses %p as a number of persons',
    (value) => {
      expect(fieldsOf({ adultsFound: value, childrenUnderSixFound: value })).toEqual([
        ['adultsFound', 'not_a_non_negative_integer'],
        ['childrenUnderSixFound', 'not_a_non_negative_integer'],
      ]);
    },
  );

  it.each([[0], [-12.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['54'], [null]])(
    'refuses %p as a living area',
    (livingAreaM2) => {
      expect(fieldsOf({ livingAreaM2 })).toEqual([['livingAreaM2', 'not_a_positive_number']]);
    },
  );

  it('accepts zero persons found and a small fractional area', () => {
    const result = evaluateExpecting('evaluated', {
      adultsFound: 0,
      childrenUnderSixFound: 0,
      personsRegistered: 0,
      livingAreaM2: 0.01,
    });
    expect(result.overcrowded).toBe(false);
    expect(result.maxOccupants).toBe(0);
    expect(result.numbers.areaPerPersonM2).toBeNull();
  });
});
