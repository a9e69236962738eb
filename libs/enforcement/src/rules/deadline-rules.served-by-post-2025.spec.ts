import { notificationDate } from './notification';
import { challengePeriod, periodInDays } from './periods';

// An order posted by ordinary letter in 2025 is notified on the 4th day after posting
// (§ 41 Abs. 2 Satz 1 VwVfG NRW as in force from 2025-01-01).
describe('an order sent by ordinary post in 2025', () => {
  const fourthDay = {
    id: 'notification.post.fourth_day',
    basis: '§ 41 Abs. 2 Satz 1 VwVfG NRW',
  };

  it('posted on Thursday 2025-01-02 is notified on Monday 2025-01-06', () => {
    expect(notificationDate({ method: 'ordinary_post', postedOn: '2025-01-02' })).toEqual({
      ok: true,
      value: {
        method: 'ordinary_post',
        notifiedOn: '2025-01-06',
        rule: fourthDay,
        deemedOn: '2025-01-06',
        formalService: false,
      },
    });
  });

  it('posted on 2025-01-01, the first day of the new rule, counts four days', () => {
    const result = notificationDate({ method: 'ordinary_post', postedOn: '2025-01-01' });
    expect(result.ok && result.value.notifiedOn).toBe('2025-01-05');
    expect(result.ok && result.value.rule).toEqual(fourthDay);
  });

  it('deemed on a Sunday stays on that Sunday (the deemed day is not moved)', () => {
    // Posted Wednesday 2025-03-05; the 4th day is Sunday 2025-03-09.
    const result = notificationDate({ method: 'ordinary_post', postedOn: '2025-03-05' });
    expect(result.ok && result.value.notifiedOn).toBe('2025-03-09');
  });

  it('deemed on Easter Monday stays on Easter Monday', () => {
    const result = notificationDate({ method: 'ordinary_post', postedOn: '2025-04-17' });
    expect(result.ok && result.value.notifiedOn).toBe('2025-04-21');
  });

  it('gives a B item (30 days) until 2025-04-08 and the landlord until 2025-04-09 to sue', () => {
    // Posted 2025-03-05, notified Sunday 2025-03-09: the period starts Monday 2025-03-10.
    const result = notificationDate({ method: 'ordinary_post', postedOn: '2025-03-05' });
    if (!result.ok) throw new Error('expected a notification date');
    expect(periodInDays({ notifiedOn: result.value.notifiedOn, days: 30 })).toEqual({
      startsOn: '2025-03-10',
      nominalEnd: '2025-04-08',
      endsOn: '2025-04-08',
      movedBecause: null,
      rules: [
        {
          id: 'period.days.counted',
          basis: '§ 31 Abs. 1 und 2 VwVfG NRW i. V. m. §§ 187 Abs. 1, 188 Abs. 1 BGB',
        },
      ],
    });
    expect(
      challengePeriod({ notifiedOn: result.value.notifiedOn, legalRemedyInstructions: 'correct' })
        .endsOn,
    ).toBe('2025-04-09');
  });
});
