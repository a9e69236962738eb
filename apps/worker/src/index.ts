export { createWorkerApp } from './worker-app';
export { WorkerLifecycle } from './worker-lifecycle';
