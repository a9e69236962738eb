import { challengePeriod } from './periods';

const oneMonth = {
  id: 'challenge.one_month',
  basis:
    '§ 74 Abs. 1 Satz 2 VwGO; § 57 Abs. 2 VwGO i. V. m. § 222 Abs. 1 ZPO, §§ 187 Abs. 1, 188 Abs. 2 und 3 BGB',
};
const moved = {
  id: 'challenge.end_moved_to_working_day',
  basis: '§ 57 Abs. 2 VwGO i. V. m. § 222 Abs. 2 ZPO',
};

// A suit must be filed within one month of notification; February has no 31st.
describe('the challenge period of an order notified on 31 January', () => {
  it('2025: ends with Friday 2025-02-28, the last day of February', () => {
    expect(
      challengePeriod({ notifiedOn: '2025-01-31', legalRemedyInstructions: 'correct' }),
    ).toEqual({
      nominalEnd: '2025-02-28',
      endsOn: '2025-02-28',
      movedBecause: null,
      rules: [oneMonth],
    });
  });

  it('2024, a leap year: ends with Thursday 2024-02-29', () => {
    expect(
      challengePeriod({ notifiedOn: '2024-01-31', legalRemedyInstructions: 'correct' }),
    ).toEqual({
      nominalEnd: '2024-02-29',
      endsOn: '2024-02-29',
      movedBecause: null,
      rules: [oneMonth],
    });
  });

  it('2026: the last day of February is a Saturday, so it ends on Monday 2026-03-02', () => {
    expect(
      challengePeriod({ notifiedOn: '2026-01-31', legalRemedyInstructions: 'correct' }),
    ).toEqual({
      nominalEnd: '2026-02-28',
      endsOn: '2026-03-02',
      movedBecause: { kind: 'saturday' },
      rules: [oneMonth, moved],
    });
  });

  it('notified on 28 February it ends on 28 March, not on the last day of March', () => {
    expect(
      challengePeriod({ notifiedOn: '2025-02-28', legalRemedyInstructions: 'correct' }).endsOn,
    ).toBe('2025-03-28');
  });

  it('ending on a holiday moves to the next working day (3 October 2025, a Friday)', () => {
    const period = challengePeriod({
      notifiedOn: '2025-09-03',
      legalRemedyInstructions: 'correct',
    });
    expect(period.nominalEnd).toBe('2025-10-03');
    expect(period.endsOn).toBe('2025-10-06');
  });
});
