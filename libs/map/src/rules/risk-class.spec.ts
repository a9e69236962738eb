import { riskClassOf } from './risk-class';

describe('the risk class', () => {
  it.each([
    [0, 0],
    [19, 0],
    [20, 1],
    [49, 1],
    [50, 2],
    [79, 2],
    [80, 3],
    [100, 3],
  ])('of score %i is %i', (score, expected) => {
    expect(riskClassOf(score)).toBe(expected);
  });
});
