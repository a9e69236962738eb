import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '@hausakte/jobs';
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
export class RiskJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly risk: RiskService,
  ) {}

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
