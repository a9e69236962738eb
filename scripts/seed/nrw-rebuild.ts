import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '@hausakte/auth';
import { LandlordNetworksService, LandlordsModule } from '@hausakte/landlords';
import { MapModule, MapReadModel, RiskService } from '@hausakte/map';
import { PlatformModule } from '@hausakte/platform';
import { PropertiesModule } from '@hausakte/properties';
import { NRW_CITY_BOUNDS } from './nrw-geography';

@Module({
  imports: [PlatformModule, AuthModule, PropertiesModule, LandlordsModule, MapModule],
})
class NrwRebuildModule {}

function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * After a set-based seed: the risk scores (`RiskService.recomputeAll`), the landlord network
 * links (`rebuildAllLinks()` of lib landlords) and the map read model (`rebuildAll()` of lib map),
 * through the libs themselves, in that order (the map's rows carry the risk).
 */
export const REBUILD_STEPS = ['risk', 'links', 'map'] as const;
export type RebuildStep = (typeof REBUILD_STEPS)[number];

export async function rebuildReadModels(options: {
  databaseUrl: string;
  now?: Date;
  log?: (line: string) => void;
  /** Which rebuilds; default all, in the order of REBUILD_STEPS. */
  steps?: readonly RebuildStep[];
}): Promise<{ steps: Array<[string, number]>; notes: string[] }> {
  const log = options.log ?? (() => undefined);
  const steps: Array<[string, number]> = [];
  const notes: string[] = [];
  const wanted: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    CITY_BOUNDS: NRW_CITY_BOUNDS,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const saved = Object.fromEntries(Object.keys(wanted).map((key) => [key, process.env[key]]));
  Object.assign(process.env, wanted);
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(NrwRebuildModule, {
      logger: ['error', 'warn'],
    });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const run = async (name: string, fn: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    const result = await fn();
    const s = secondsSince(t);
    steps.push([name, s]);
    log(`${name}: ${typeof result === 'number' ? `${result} ` : ''}done in ${s.toFixed(1)} s`);
  };
  try {
    const wanted = new Set(options.steps ?? REBUILD_STEPS);
    if (wanted.has('risk'))
      await run('risk scores', () => app.get(RiskService).recomputeAll(options.now));
    if (wanted.has('links'))
      await run('landlord network links', () =>
        app.get(LandlordNetworksService, { strict: false }).rebuildAllLinks(),
      );
    if (wanted.has('map'))
      await run('map read model', () => app.get(MapReadModel, { strict: false }).rebuildAll());
  } finally {
    await app.close();
  }
  for (const note of notes) log(note);
  return { steps, notes };
}
