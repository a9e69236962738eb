import { nearestNeighbourRoute } from './day-route';

/** Points on a line: distance is the difference of positions. */
const onALine = (positions: number[]) =>
  positions.map((a) => positions.map((b) => Math.abs(a - b)));

describe('an inspector’s day route', () => {
  it('goes always to the nearest visit not yet made', () => {
    // start at 0; stops at 10, 3, 7, 20 → 3, 7, 10, 20
    const route = nearestNeighbourRoute(onALine([0, 10, 3, 7, 20]));
    expect(route.map((leg) => leg.stop)).toEqual([1, 2, 0, 3]);
    expect(route.map((leg) => leg.distanceM)).toEqual([3, 4, 3, 10]);
  });

  it('is not the input order when that order zigzags', () => {
    const route = nearestNeighbourRoute(onALine([0, 9, 1, 8, 2]));
    expect(route.map((leg) => leg.stop)).toEqual([1, 3, 2, 0]);
  });

  it('breaks ties by the earlier appointment', () => {
    const route = nearestNeighbourRoute(onALine([0, 5, -5]));
    expect(route[0].stop).toBe(0);
  });

  it('has nothing to do on an empty day', () => {
    expect(nearestNeighbourRoute([[0]])).toEqual([]);
  });
});
