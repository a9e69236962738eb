export * from './address-search';
