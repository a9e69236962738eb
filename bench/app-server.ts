import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApiApp } from '@hausakte/api';
import { UsersService } from '@hausakte/auth';
import { RequestContext } from '@hausakte/platform';

/**
 * The real api for a benchmark, in its own process: creates a benchmark user (inspector, may
 * read the register), listens on a free port and reports `{ port, email, password }` over IPC.
 */
async function main(): Promise<void> {
  const app = await createApiApp();
  const email = `bench-${randomBytes(4).toString('hex')}@herne.example`;
  const password = randomBytes(18).toString('base64url');
  await app
    .get(RequestContext)
    .run(null, () =>
      app
        .get(UsersService)
        .create({ email, displayName: 'Benchmark', role: 'inspector', password }),
    );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.send?.({ port, email, password });
  process.once('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
