import { CLOCK_SKEW_MS } from '@hausakte/platform';
import { intakeErrors } from './complaint-intake';

const now = new Date('2026-11-20T10:00:00Z');
const point = { type: 'Point', coordinates: [7.22, 51.54] };
const address = { street: 'Bahnhofstraße', houseNumber: '12' };

describe('what a complaint must carry beyond its fields’ shapes', () => {
  it('accepts a tenant’s complaint with contact and address', () => {
    expect(intakeErrors({ source: 'tenant', reporterContact: '0176 123', address }, now)).toEqual(
      [],
    );
  });

  it('refuses contact data on an anonymous complaint, naming the field', () => {
    expect(
      intakeErrors({ source: 'anonymous', reporterContact: '0176 123', location: point }, now),
    ).toEqual([
      { field: 'reporterContact', message: 'must be left out for an anonymous complaint' },
    ]);
    expect(
      intakeErrors({ source: 'anonymous', reporterContact: null, location: point }, now),
    ).toEqual([]);
  });

  it('needs an address or a point', () => {
    expect(intakeErrors({ source: 'police', address: null }, now)).toEqual([
      { field: 'address', message: 'give an address or a location (or both)' },
    ]);
    expect(intakeErrors({ source: 'police', location: point }, now)).toEqual([]);
  });

  it('refuses a complaint received in the future, beyond a few minutes of clock skew', () => {
    const skewed = new Date(now.getTime() + CLOCK_SKEW_MS);
    expect(intakeErrors({ source: 'neighbour', address, receivedAt: skewed }, now)).toEqual([]);
    const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    expect(intakeErrors({ source: 'neighbour', address, receivedAt: tomorrow }, now)).toEqual([
      { field: 'receivedAt', message: 'must not be in the future' },
    ]);
  });
});
