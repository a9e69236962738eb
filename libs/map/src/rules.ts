// Browser-safe rules of the map lib (`@hausakte/map/rules`): pure functions and data, no Nest,
// no TypeORM. apps/web imports them from here; the api through the lib's index.
export * from './rules/risk-score';
export * from './rules/grid-math';
export * from './rules/map-filters';
export * from './rules/risk-class';
