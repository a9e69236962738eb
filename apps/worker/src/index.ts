export { createWorkerApp } from './worker-app';
