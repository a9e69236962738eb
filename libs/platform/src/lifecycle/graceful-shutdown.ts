import type { INestApplicationContext } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: close the app (Nest's shutdown hooks stop the relay, let running jobs
 * finish and close connections), then exit 0. A second signal exits at once.
 */
export function exitGracefullyOnSignals(app: INestApplicationContext, name: string): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    console.error(`${name}: ${signal} received, shutting down`);
    app.close().then(
      () => {
        console.error(`${name}: stopped cleanly`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`${name}: shutdown failed`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
