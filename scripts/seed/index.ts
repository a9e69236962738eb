export { AlreadySeededError, seedCity } from './seed-city';
export type { SeedOptions, SeedResult } from './seed-city';
export { boroughs, DISTRICT_SOURCE, HERNE_BOUNDS } from './geography';
