export { createApiApp, API_PREFIX } from './http-app';
