export { AlreadySeededError, seedCity } from './seed-city';
export type { SeedOptions, SeedResult } from './seed-city';
export { boroughs, DISTRICT_SOURCE, HERNE_BOUNDS } from './geography';
export { NRW_DISTRICT_SOURCE, NRW_SEED_USER, seedNrw } from './seed-nrw';
export type { NrwSeedOptions, NrwSeedResult } from './seed-nrw';
export { NRW_BOUNDS, NRW_CITY_BOUNDS } from './nrw-geography';
export { rebuildReadModels } from './nrw-rebuild';
