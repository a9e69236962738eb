// Browser-safe rules of the inspections lib (`@hausakte/inspections/rules`): pure functions and
// data, no Nest, no TypeORM. apps/web imports them from here; the api through the lib's index.
export * from './rules/number-format';
export * from './rules/overcrowding';
export * from './rules/overcrowding-explanation';
export * from './rules/overcrowding-input';
export * from './rules/overcrowding-rule-sets';
export * from './rules/legal-grounds';
export * from './rules/default-catalogue';
export * from './rules/severity';
