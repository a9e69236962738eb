import { evaluateExpecting } from './overcrowding-input.factory';

// Inspection on 5 November 2013: seven persons in 30 m². No overcrowding rule was in force
// before the WAG NRW (30 April 2014), so Hausakte gives no verdict at all.
const crowded = {
  inspectionDate: '2013-11-05',
  adultsFound: 7,
  livingAreaM2: 30,
};

describe('overcrowding: before 30 April 2014 no rule applies', () => {
  it('says so instead of judging the flat', () => {
    const result = evaluateExpecting('no_rule', crowded);
    expect(result).toEqual({
      outcome: 'no_rule',
      inspectionDate: '2013-11-05',
      explanation: {
        de: 'Für den 05.11.2013 gilt keine Belegungsregel: das WAG NRW gilt erst ab dem 30.04.2014.',
        en: 'No occupancy rule applies on 2013-11-05: WAG NRW applies only from 2014-04-30.',
      },
    });
    expect(result).not.toHaveProperty('overcrowded');
  });

  it('gives no rule for worker housing either (nothing to exclude it from)', () => {
    const result = evaluateExpecting('no_rule', { ...crowded, isWorkerHousing: true });
    expect(result.inspectionDate).toBe('2013-11-05');
  });

  it('gives no rule long before, too', () => {
    const result = evaluateExpecting('no_rule', { ...crowded, inspectionDate: '1999-12-31' });
    expect(result.explanation.de).toBe(
      'Für den 31.12.1999 gilt keine Belegungsregel: das WAG NRW gilt erst ab dem 30.04.2014.',
    );
  });

  it('still checks the input first', () => {
    const result = evaluateExpecting('invalid', { ...crowded, livingAreaM2: 0 });
    expect(result.errors.map((error) => error.field)).toEqual(['livingAreaM2']);
  });
});
