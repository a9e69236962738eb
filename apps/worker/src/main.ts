import 'reflect-metadata';
import { UnsafeRedisError } from '@hausakte/jobs';
import { ConfigError, exitGracefullyOnSignals, loadConfig } from '@hausakte/platform';
import { createWorkerApp } from './worker-app';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createWorkerApp();
  exitGracefullyOnSignals(app, 'worker');
  await app.listen({ port: config.WORKER_PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // Refusals (bad config, an evicting Redis) are one line for the operator.
  console.error(
    error instanceof ConfigError || error instanceof UnsafeRedisError ? error.message : error,
  );
  process.exit(1);
});
