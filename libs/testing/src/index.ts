export * from './api-harness';
export * from './factories';
export * from './server-errors';
export * from './test-databases';
export * from './test-context';
export * from './private-servers';
export * from './smtp-sink';
export * from './wait';
