import type { DynamicModule, INestApplicationContext, Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformModule } from '@hausakte/platform';

/**
 * A Nest application context on the real platform (this worker's test database, real Redis),
 * with the given modules and providers: for integration specs that need no HTTP.
 */
export async function createTestContext(
  imports: Array<Type | DynamicModule> = [],
  providers: Provider[] = [],
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule, ...imports],
    providers,
  }).compile();
  return moduleRef.init();
}
