import { notificationDate } from './notification';

// Registered mail with return receipt (Einschreiben mit Rückschein, § 4 LZG NRW).
describe('an order served by registered mail with return receipt', () => {
  it('once the receipt is back: served on the date on the receipt', () => {
    expect(
      notificationDate({
        method: 'registered_return_receipt',
        postedOn: '2025-03-03',
        returnReceiptOn: '2025-03-05',
      }),
    ).toEqual({
      ok: true,
      value: {
        method: 'registered_return_receipt',
        notifiedOn: '2025-03-05',
        rule: {
          id: 'notification.registered_mail.return_receipt',
          basis: '§ 4 Abs. 2 Satz 1 LZG NRW',
        },
        deemedOn: null,
        formalService: true,
      },
    });
  });

  it('while the receipt is not back: the 4th day after posting (projected)', () => {
    expect(
      notificationDate({
        method: 'registered_return_receipt',
        postedOn: '2025-03-03',
        returnReceiptOn: null,
      }),
    ).toEqual({
      ok: true,
      value: {
        method: 'registered_return_receipt',
        notifiedOn: '2025-03-07',
        rule: { id: 'notification.registered_mail.fourth_day', basis: '§ 4 Abs. 2 Satz 2 LZG NRW' },
        deemedOn: '2025-03-07',
        formalService: true,
      },
    });
  });

  it('a receipt dated before posting is a field error', () => {
    const result = notificationDate({
      method: 'registered_return_receipt',
      postedOn: '2025-03-03',
      returnReceiptOn: '2025-03-02',
    });
    expect(!result.ok && result.error.field).toBe('returnReceiptOn');
    expect(!result.ok && result.error.code).toBe('receipt_before_posting');
  });
});
