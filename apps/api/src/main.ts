import 'reflect-metadata';
import { ConfigError, exitGracefullyOnSignals, loadConfig } from '@hausakte/platform';
import { createApiApp } from './http-app';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApiApp();
  exitGracefullyOnSignals(app, 'api');
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // A configuration error is one line for the operator; anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
