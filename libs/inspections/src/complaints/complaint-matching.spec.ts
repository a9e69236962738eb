import { matchComplaint, NEARBY_RADIUS_M } from './complaint-matching';

describe('matching a complaint to a property', () => {
  const near = (distanceM: number) => ({ propertyId: 'near', distanceM });

  it('takes the property of the address, even when another is nearer to the point', () => {
    expect(matchComplaint({ byAddress: 'addressed', nearest: near(3) })).toEqual({
      propertyId: 'addressed',
      match: 'address',
    });
  });

  it.each([0, 24, NEARBY_RADIUS_M])(
    'takes the nearest property %d m from the point when no address matches',
    (distanceM) => {
      expect(matchComplaint({ byAddress: null, nearest: near(distanceM) })).toEqual({
        propertyId: 'near',
        match: 'nearby',
      });
    },
  );

  it.each([25.01, 26])('leaves a property %d m away to a person', (distanceM) => {
    expect(matchComplaint({ byAddress: null, nearest: near(distanceM) })).toEqual({
      propertyId: null,
      match: 'none',
    });
  });

  it('matches nothing without an address match or a property nearby', () => {
    expect(matchComplaint({ byAddress: null, nearest: null })).toEqual({
      propertyId: null,
      match: 'none',
    });
  });
});
