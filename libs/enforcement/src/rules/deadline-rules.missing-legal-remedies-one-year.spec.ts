import { notificationDate } from './notification';
import { challengePeriod } from './periods';

const oneYear = {
  id: 'challenge.one_year_without_instructions',
  basis:
    '§ 58 Abs. 2 VwGO; § 57 Abs. 2 VwGO i. V. m. § 222 Abs. 1 ZPO, §§ 187 Abs. 1, 188 Abs. 2 und 3 BGB',
};

// Without correct instructions on legal remedies (Rechtsbehelfsbelehrung) the order can be
// challenged for a year (§ 58 Abs. 2 VwGO), so it becomes final much later.
describe('an order without correct instructions on legal remedies', () => {
  it('with instructions: one month (notified Friday 2025-03-14 → Monday 2025-04-14)', () => {
    expect(
      challengePeriod({ notifiedOn: '2025-03-14', legalRemedyInstructions: 'correct' }).endsOn,
    ).toBe('2025-04-14');
  });

  it('missing: one year, moved off a Saturday (2026-03-14 → Monday 2026-03-16)', () => {
    expect(
      challengePeriod({ notifiedOn: '2025-03-14', legalRemedyInstructions: 'missing' }),
    ).toEqual({
      nominalEnd: '2026-03-14',
      endsOn: '2026-03-16',
      movedBecause: { kind: 'saturday' },
      rules: [
        oneYear,
        {
          id: 'challenge.end_moved_to_working_day',
          basis: '§ 57 Abs. 2 VwGO i. V. m. § 222 Abs. 2 ZPO',
        },
      ],
    });
  });

  it('wrong, notified on the leap day 2024-02-29: ends with Friday 2025-02-28', () => {
    expect(challengePeriod({ notifiedOn: '2024-02-29', legalRemedyInstructions: 'wrong' })).toEqual(
      {
        nominalEnd: '2025-02-28',
        endsOn: '2025-02-28',
        movedBecause: null,
        rules: [oneYear],
      },
    );
  });

  it('posted 2024-09-30 (3rd day: 2024-10-03), missing: ends Monday 2025-10-06', () => {
    const served = notificationDate({ method: 'ordinary_post', postedOn: '2024-09-30' });
    if (!served.ok) throw new Error('expected a notification date');
    expect(served.value.notifiedOn).toBe('2024-10-03');
    const period = challengePeriod({
      notifiedOn: served.value.notifiedOn,
      legalRemedyInstructions: 'missing',
    });
    // One year later is 2025-10-03, the Day of German Unity (a Friday).
    expect(period.nominalEnd).toBe('2025-10-03');
    expect(period.endsOn).toBe('2025-10-06');
  });
});
