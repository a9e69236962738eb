import { notificationDate } from './notification';
import { challengePeriod, periodInDays } from './periods';

// Service by postal service certificate (Postzustellungsurkunde, § 3 LZG NRW): the postman
// notes the day of delivery, also when he leaves the letter in the letter box (§ 180 ZPO).
describe('an order served with a postal service certificate', () => {
  it('is served on the date on the certificate, even a Saturday', () => {
    expect(
      notificationDate({ method: 'postal_service_certificate', certificateOn: '2025-06-14' }),
    ).toEqual({
      ok: true,
      value: {
        method: 'postal_service_certificate',
        notifiedOn: '2025-06-14',
        rule: { id: 'notification.postal_service_certificate', basis: '§ 3 LZG NRW' },
        deemedOn: null,
        formalService: true,
      },
    });
  });

  it('starts the periods from that date (30 days and the challenge period: 2025-07-14)', () => {
    expect(periodInDays({ notifiedOn: '2025-06-14', days: 30 }).endsOn).toBe('2025-07-14');
    expect(
      challengePeriod({ notifiedOn: '2025-06-14', legalRemedyInstructions: 'correct' }).endsOn,
    ).toBe('2025-07-14');
  });

  it('a malformed certificate date is a field error', () => {
    const result = notificationDate({
      method: 'postal_service_certificate',
      certificateOn: '14.06.2025',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.field).toBe('certificateOn');
  });
});
