import { notificationDate } from './notification';

// Letters posted before 2025-01-01 keep the old rule: notified on the 3rd day after posting.
// The posting day picks the rule, not the day of notification.
describe('an order sent by ordinary post in 2024', () => {
  const thirdDay = {
    id: 'notification.post.third_day',
    basis: '§ 41 Abs. 2 Satz 1 VwVfG NRW (Fassung bis 31.12.2024)',
  };

  it('posted on Friday 2024-03-01 is notified on Monday 2024-03-04', () => {
    expect(notificationDate({ method: 'ordinary_post', postedOn: '2024-03-01' })).toEqual({
      ok: true,
      value: {
        method: 'ordinary_post',
        notifiedOn: '2024-03-04',
        rule: thirdDay,
        deemedOn: '2024-03-04',
        formalService: false,
      },
    });
  });

  it('posted on Maundy Thursday 2024-03-28 is notified on Easter Sunday 2024-03-31, not moved', () => {
    const result = notificationDate({ method: 'ordinary_post', postedOn: '2024-03-28' });
    expect(result.ok && result.value.notifiedOn).toBe('2024-03-31');
  });

  it('posted on 2024-12-31, the last day of the old rule, is notified on 2025-01-03', () => {
    const result = notificationDate({ method: 'ordinary_post', postedOn: '2024-12-31' });
    expect(result.ok && result.value.notifiedOn).toBe('2025-01-03');
    expect(result.ok && result.value.rule).toEqual(thirdDay);
  });

  it('registered mail posted in 2024 follows the 3rd day too (§ 4 LZG NRW)', () => {
    expect(notificationDate({ method: 'registered_handover', postedOn: '2024-06-10' })).toEqual({
      ok: true,
      value: {
        method: 'registered_handover',
        notifiedOn: '2024-06-13',
        rule: {
          id: 'notification.registered_mail.third_day',
          basis: '§ 4 Abs. 2 Satz 2 LZG NRW (Fassung bis 31.12.2024)',
        },
        deemedOn: '2024-06-13',
        formalService: true,
      },
    });
  });
});
