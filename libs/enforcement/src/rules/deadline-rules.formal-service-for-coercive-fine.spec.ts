import { isDeliveryMethod, isFormalService, notificationDate } from './notification';

// A threat of a coercive fine (Zwangsgeldandrohung) must be served formally (§ 63 VwVG NRW).
describe('which deliveries are formal service', () => {
  it.each([
    ['postal_service_certificate', true],
    ['registered_handover', true],
    ['registered_return_receipt', true],
    ['personal_delivery', true],
    ['ordinary_post', false],
  ] as const)('%s: %s', (method, formal) => {
    expect(isFormalService(method)).toBe(formal);
  });

  it('personal delivery against receipt serves on the day of hand-over (§ 5 LZG NRW)', () => {
    expect(notificationDate({ method: 'personal_delivery', handedOverOn: '2025-12-24' })).toEqual({
      ok: true,
      value: {
        method: 'personal_delivery',
        notifiedOn: '2025-12-24',
        rule: { id: 'notification.personal_delivery', basis: '§ 5 LZG NRW' },
        deemedOn: null,
        formalService: true,
      },
    });
  });

  it('knows its delivery methods, and drop-in registered mail is not one', () => {
    expect(isDeliveryMethod('registered_return_receipt')).toBe(true);
    expect(isDeliveryMethod('registered_drop_in')).toBe(false);
    expect(isDeliveryMethod('toString')).toBe(false);
  });
});
