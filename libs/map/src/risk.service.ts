import { Injectable, Logger } from '@nestjs/common';
import { Outbox } from '@hausakte/jobs';
import {
  AuditTrail,
  NotFoundProblem,
  RequestContext,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { PropertiesService } from '@hausakte/properties';
import { MapReadModel } from './map-read-model.service';
import { computeRiskScore, DEFAULT_RISK_WEIGHTS, RiskWeights, validateRiskWeights } from './rules';
import type { PropertyRiskDto, RiskWeightsDto } from './risk.dto';
import { RiskRepository } from './risk.repository';

/** How many properties one transaction of the full recompute covers. */
const RECOMPUTE_BATCH = 1000;

/**
 * The risk read model: a property's score is recomputed from its facts when an outbox event says
 * something about it changed, and all of them nightly as a safety net and after new weights.
 */
@Injectable()
export class RiskService {
  private readonly logger = new Logger(RiskService.name);

  constructor(
    private readonly risk: RiskRepository,
    private readonly properties: PropertiesService,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    private readonly context: RequestContext,
    private readonly map: MapReadModel,
  ) {}

  /** Recomputes and stores one property's score; a property gone meanwhile is skipped. */
  recompute(propertyId: string, now = new Date()): Promise<void> {
    return this.recomputeBatch([propertyId], now);
  }

  /**
   * Every property, a batch per transaction, in id order: any number of properties. Then the
   * map's read model is rebuilt from the new scores in one pass (`MapReadModel.rebuildAll`)
   * rather than refreshed batch by batch; `{ map: false }` leaves it to the caller.
   */
  async recomputeAll(now = new Date(), options: { map?: boolean } = {}): Promise<number> {
    let done = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.risk.propertyIdsAfter(after, RECOMPUTE_BATCH);
      if (ids.length === 0) break;
      await this.recomputeBatch(ids, now, false);
      done += ids.length;
      after = ids[ids.length - 1];
    }
    this.logger.log({ properties: done }, 'Risk scores recomputed');
    if (options.map ?? true) await this.map.rebuildAll({ now });
    return done;
  }

  /** The scores of a batch, then (unless a full rebuild follows) the map rows, in one transaction. */
  @Transactional()
  private async recomputeBatch(propertyIds: string[], now: Date, map = true): Promise<void> {
    await this.risk.lockProperties(propertyIds);
    const { weights, version } = await this.weights();
    const facts = await this.risk.factsOf(propertyIds, now);
    const scores = [...facts].map(([propertyId, propertyFacts]) => {
      const scored = computeRiskScore(propertyFacts, weights as RiskWeights);
      return {
        propertyId,
        score: scored.score,
        facts: propertyFacts,
        factors: scored.factors,
      };
    });
    await this.risk.upsertMany(scores, version, now);
    if (map) await this.map.refresh(propertyIds, now);
  }

  /** The stored score; a property no event has touched yet gets it computed now. */
  async get(propertyId: string): Promise<PropertyRiskDto> {
    if (!(await this.properties.exists(propertyId))) throw new NotFoundProblem('Property');
    let stored = await this.risk.find(propertyId);
    if (!stored) {
      await this.recompute(propertyId);
      stored = (await this.risk.find(propertyId))!;
    }
    const weights =
      stored.weightsVersion === 0
        ? { ...DEFAULT_RISK_WEIGHTS }
        : ((await this.risk.weightsOfVersion(stored.weightsVersion))?.weights ?? {});
    return {
      propertyId,
      score: stored.score,
      factors: stored.factors as PropertyRiskDto['factors'],
      facts: stored.facts,
      weights,
      weightsVersion: stored.weightsVersion,
      computedAt: stored.computedAt.toISOString(),
    };
  }

  async weights(): Promise<RiskWeightsDto> {
    const current = await this.risk.currentWeights();
    return current
      ? { version: current.version, weights: current.weights }
      : { version: 0, weights: { ...DEFAULT_RISK_WEIGHTS } };
  }

  /** New weights become the next version; every score is then recomputed by a job. */
  @Transactional()
  async setWeights(expectedVersion: number, weights: unknown): Promise<RiskWeightsDto> {
    await this.risk.lockWeights();
    const before = await this.weights();
    if (before.version !== expectedVersion) throw new StaleVersionProblem(before);
    const errors = validateRiskWeights(weights);
    if (errors.length > 0) {
      throw new ValidationProblem(
        errors.map((error) => ({
          field: error.field === 'weights' ? 'weights' : `weights.${error.field}`,
          message: error.message,
        })),
      );
    }
    const saved = await this.risk.insertWeights({
      version: before.version + 1,
      weights: weights as Record<string, number>,
      createdBy: this.context.actorId,
    });
    const after = { version: saved.version, weights: saved.weights };
    await this.audit.record({
      action: 'risk_weights.changed',
      entityType: 'risk_weights',
      entityId: String(saved.version),
      before: { ...before },
      after: { ...after },
    });
    await this.outbox.add({
      job: 'risk-recompute-all',
      jobId: `risk-recompute-all-weights-${saved.version}`,
    });
    return after;
  }
}
