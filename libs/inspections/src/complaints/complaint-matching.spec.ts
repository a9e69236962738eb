import { matchComplaint, NEARBY_RADIUS_M } from './complaint-matching';

describe('matching a complaint to a property', () => {
  const near = (distanceM: number) => ({ propertyId: 'near', distanceM });

  it('takes the property of the address, even when another is nearer to the point', () => {
    expect(matchComplaint({ byAddress: ['addressed'], nearest: near(3) })).toEqual({
      propertyId: 'addressed',
      match: 'address',
      note: null,
    });
  });

  it.each([0, 24, NEARBY_RADIUS_M])(
    'takes the nearest property %d m from the point when no address matches',
    (distanceM) => {
      expect(matchComplaint({ byAddress: [], nearest: near(distanceM) })).toEqual({
        propertyId: 'near',
        match: 'nearby',
        note: null,
      });
    },
  );

  it.each([25.01, 26])('leaves a property %d m away to a person', (distanceM) => {
    expect(matchComplaint({ byAddress: [], nearest: near(distanceM) })).toEqual({
      propertyId: null,
      match: 'none',
      note: null,
    });
  });

  it('matches nothing without an address match or a property nearby', () => {
    expect(matchComplaint({ byAddress: [], nearest: null })).toEqual({
      propertyId: null,
      match: 'none',
      note: null,
    });
  });

  it('picks none of several properties at the address, not even the one at the point, and says why', () => {
    expect(matchComplaint({ byAddress: ['herne', 'wanne'], nearest: near(0) })).toEqual({
      propertyId: null,
      match: 'none',
      note: 'The address names 2 properties (herne, wanne); give the postcode, or link one with PATCH.',
    });
  });
});
