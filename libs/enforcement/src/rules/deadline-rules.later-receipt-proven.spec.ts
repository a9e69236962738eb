import { notificationDate } from './notification';
import { periodInDays } from './periods';

// The landlord shows the letter reached him only after the deemed day (e.g. a forwarding
// order with the post office). The officer records the proven day of receipt.
describe('a later actual receipt, proven', () => {
  it('wins over the 4th day for ordinary post (§ 41 Abs. 2 Satz 3 VwVfG NRW)', () => {
    expect(
      notificationDate({
        method: 'ordinary_post',
        postedOn: '2025-02-03',
        provenReceiptOn: '2025-02-10',
      }),
    ).toEqual({
      ok: true,
      value: {
        method: 'ordinary_post',
        notifiedOn: '2025-02-10',
        rule: {
          id: 'notification.post.later_receipt_proven',
          basis: '§ 41 Abs. 2 Satz 3 VwVfG NRW',
        },
        deemedOn: '2025-02-07',
        formalService: false,
      },
    });
  });

  it('then starts the period: 30 days from 2025-02-10 end on 2025-03-12', () => {
    expect(periodInDays({ notifiedOn: '2025-02-10', days: 30 }).endsOn).toBe('2025-03-12');
  });

  it('an earlier receipt does not shorten anything: the deemed Friday stands', () => {
    const result = notificationDate({
      method: 'ordinary_post',
      postedOn: '2025-02-03',
      provenReceiptOn: '2025-02-05',
    });
    expect(result.ok && result.value.notifiedOn).toBe('2025-02-07');
    expect(result.ok && result.value.rule.id).toBe('notification.post.fourth_day');
  });

  it('a receipt on the deemed day itself changes nothing', () => {
    const result = notificationDate({
      method: 'ordinary_post',
      postedOn: '2025-02-03',
      provenReceiptOn: '2025-02-07',
    });
    expect(result.ok && result.value.rule.id).toBe('notification.post.fourth_day');
  });

  it('wins for registered mail too (§ 4 Abs. 2 LZG NRW)', () => {
    expect(
      notificationDate({
        method: 'registered_handover',
        postedOn: '2025-02-03',
        provenReceiptOn: '2025-02-11',
      }),
    ).toEqual({
      ok: true,
      value: {
        method: 'registered_handover',
        notifiedOn: '2025-02-11',
        rule: {
          id: 'notification.registered_mail.later_receipt_proven',
          basis: '§ 4 Abs. 2 Satz 2 und 3 LZG NRW',
        },
        deemedOn: '2025-02-07',
        formalService: true,
      },
    });
  });

  it('a receipt recorded before the posting day is a field error', () => {
    expect(
      notificationDate({
        method: 'ordinary_post',
        postedOn: '2025-02-03',
        provenReceiptOn: '2025-02-01',
      }),
    ).toEqual({
      ok: false,
      error: {
        field: 'provenReceiptOn',
        code: 'receipt_before_posting',
        message: 'cannot be before the day of posting',
        messageDe: 'kann nicht vor dem Tag der Aufgabe zur Post liegen',
      },
    });
  });
});
