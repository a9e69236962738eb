import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '@hausakte/jobs';
import { ClosuresService } from './closures.service';

/**
 * The worker's side of the re-letting watch (§ 9 WohnStG): a second handler of
 * `inspection-completed` (after the risk's) that follows up a done re-letting check: the next
 * check planned, a re-let closed flat reported. Idempotent: run twice or for a duplicate event,
 * it plans and reports once (`ClosuresService.followUpRecheck`).
 */
@Injectable()
export class ClosureRecheckJobs implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly closures: ClosuresService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('inspection-completed', async (run) => {
      const inspectionId = run.payload.inspectionId;
      if (typeof inspectionId !== 'string') {
        throw new Error(`${run.jobId}: no inspectionId in the payload`);
      }
      await this.closures.followUpRecheck(inspectionId);
    });
  }
}
