import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobHandlers, JobsService } from '@hausakte/jobs';
import { MapReadModel } from './map-read-model.service';
import { RiskService } from './risk.service';

/** The events after which a property's risk is recomputed; each carries `propertyId`. */
export const RISK_EVENTS = [
  'inspection-completed',
  'defect-not-remedied',
  'property-changed',
] as const;

/**
 * The worker's side of the risk read model. Recomputing is idempotent (the score is a function of
 * the database), so a job run twice or late does no harm.
 */
@Injectable()
export class RiskJobs implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(RiskJobs.name);

  constructor(
    private readonly handlers: JobHandlers,
    private readonly risk: RiskService,
    private readonly map: MapReadModel,
    private readonly jobs: JobsService,
  ) {}

  /**
   * A database that has properties but no map yet (upgraded from before the map) gets it built
   * now rather than at the nightly recompute; the fixed job id makes two workers queue it once.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      if (!(await this.map.isUnbuilt())) return;
      await this.jobs.enqueue('risk-recompute-all', { jobId: 'risk-recompute-all-map-backfill' });
      this.logger.log('The map read model is empty: a full recompute is queued');
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Could not check the map read model');
    }
  }

  onModuleInit(): void {
    for (const event of RISK_EVENTS) {
      this.handlers.register(event, async (run) => {
        const propertyId = run.payload.propertyId;
        if (typeof propertyId !== 'string') throw new Error(`${run.jobId}: no propertyId`);
        await this.risk.recompute(propertyId);
      });
    }
    this.handlers.register('risk-recompute-all', async () => {
      // The scores, then the map's read model rebuilt from them (RiskService.recomputeAll).
      await this.risk.recomputeAll();
    });
  }
}
