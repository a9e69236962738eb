/**
 * The browser-safe face of `@hausakte/enforcement`: pure deadline rules that import nothing from
 * Nest or TypeORM, so `apps/web` can show the same projected dates the server computes.
 */
export * from './rules/legal-date';
export * from './rules/rule-result';
export * from './rules/nrw-holidays';
export * from './rules/notification';
export * from './rules/periods';
export * from './rules/default-periods';
